using System.CommandLine;
using System.Globalization;
using Confluent.Kafka;
using StreamPrivacy.Core.Drift;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Kafka.Reference;

namespace StreamPrivacy.Cli.Commands;

/// <summary>
/// <c>streamprivacy profile</c>: builds and stores a versioned reference profile from a reference
/// file or from pinned windows of a topic; <c>profile show</c> summarises a stored profile.
/// Output names features, kinds, counts and the content hash, never values.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo?>("--input", "-i") { Description = "Reference file: JSON lines with a 'features' object (or a stored profile, which is checked and copied)." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to store the profile JSON (written atomically).", Required = true };
        var bins = new Option<int>("--bins") { Description = "Equal-frequency bins per numeric feature.", DefaultValueFactory = _ => 10 };
        var kinds = new Option<string[]>("--kind") { Description = "Declare a feature's kind instead of inferring it: NAME=numeric|categorical; repeatable.", AllowMultipleArgumentsPerToken = false };
        var topic = new Option<string?>("--topic") { Description = "Pinned windows: read this topic (e.g. ml.inference.sanitized) from the beginning to its current end." };
        var bootstrap = new Option<string?>("--bootstrap-servers", "-b") { Description = "Kafka bootstrap servers (host:port,...); required with --topic." };
        var model = new Option<string?>("--model") { Description = "Pinned windows: keep events whose model.name is this; required with --topic." };
        var version = new Option<string?>("--model-version") { Description = "Pinned windows: also require this model.version." };
        var from = new Option<string?>("--from") { Description = "Pinned windows: inclusive ISO-8601 start of event_time (UTC if no offset)." };
        var to = new Option<string?>("--to") { Description = "Pinned windows: exclusive ISO-8601 end of event_time." };
        var properties = new Option<string[]>("--kafka-property", "-X") { Description = "librdkafka property, key=value; repeatable (e.g. -X security.protocol=SASL_SSL).", AllowMultipleArgumentsPerToken = false };
        var timeout = new Option<int>("--timeout-seconds") { Description = "Give up when the topic's end is not reached in this time.", DefaultValueFactory = _ => 120 };
        var command = new Command("profile", "Build and store a reference profile (format version + content hash) from a reference file (--input) or from pinned windows of a topic (--topic, --model, --from, --to). The reference is public data: it is binned exactly, not noised.")
        {
            input, output, bins, kinds, topic, bootstrap, model, version, from, to, properties, timeout,
        };
        command.Subcommands.Add(CreateShow());
        command.SetAction((parse, ct) =>
        {
            var settings = new Settings(
                parse.GetValue(input), parse.GetValue(output)!, parse.GetValue(bins), parse.GetValue(kinds) ?? [],
                parse.GetValue(topic), parse.GetValue(bootstrap), parse.GetValue(model), parse.GetValue(version),
                parse.GetValue(from), parse.GetValue(to), parse.GetValue(properties) ?? [], parse.GetValue(timeout));
            return Task.FromResult(Run(settings, ct));
        });
        return command;
    }

    private static Command CreateShow()
    {
        var file = new Argument<FileInfo>("profile") { Description = "A stored profile (or a JSON-lines reference file, profiled with 10 bins)." };
        var command = new Command("show", "Print a profile's summary: format version, content hash, and per feature its kind, bins, n and missing (no edges or categories).") { file };
        command.SetAction(parse => Show(parse.GetValue(file)!));
        return command;
    }

    private static int Run(Settings s, CancellationToken ct)
    {
        if (s.Bins < 2 || s.TimeoutSeconds < 1)
        {
            return Fail("--bins must be >= 2 and --timeout-seconds >= 1");
        }

        if ((s.Input is null) == (s.Topic is null))
        {
            return Fail("give either --input FILE or --topic TOPIC (pinned windows)");
        }

        if (s.Input is not null && string.Equals(s.Input.FullName, s.Output.FullName, StringComparison.Ordinal))
        {
            return Fail("--output must not be the --input file");
        }

        try
        {
            var declared = ParseKinds(s.Kinds);
            string source;
            long events;
            ReferenceProfile profile;
            if (s.Input is not null)
            {
                profile = ReferenceProfileFile.Load(s.Input.FullName, s.Bins, declared);
                events = profile.Features.Count == 0 ? 0 : profile.Features.Max(f => f.Count + f.Missing);
                source = s.Input.Name;
            }
            else
            {
                var window = CreateWindow(s);
                var builder = new ReferenceProfileBuilder(s.Bins, declared);
                var counts = PinnedWindowReader.Read(
                    s.Bootstrap!, KafkaPropertyParser.Parse(s.Properties), window, builder, TimeSpan.FromSeconds(s.TimeoutSeconds), ct);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"profile: read {counts.Records} records from {counts.Partitions} partitions of {window.Topic}; {counts.Matched} in the window, {counts.Unreadable} unreadable"));
                if (builder.Events == 0)
                {
                    return Fail("no events in the pinned window; nothing stored");
                }

                profile = builder.Build();
                events = builder.Events;
                source = window.Topic;
            }

            ReferenceProfileFile.Save(profile, s.Output.FullName);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"profile: {profile.Features.Count} features, {events} events from {source}, {profile.ContentHash}, format version {ReferenceProfile.FormatVersion} -> {s.Output.FullName}"));
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException
                                       or ArgumentException or InvalidOperationException or TimeoutException)
        {
            return Fail(ex.Message);
        }
        catch (KafkaException ex)
        {
            Console.Error.WriteLine($"profile: Kafka error: {ex.Error.Code} {ex.Error.Reason}");
            return 1;
        }
    }

    private static int Show(FileInfo file)
    {
        try
        {
            var profile = ReferenceProfileFile.Load(file.FullName);
            var stdout = Console.Out;
            stdout.WriteLine($"format_version {ReferenceProfile.FormatVersion}");
            stdout.WriteLine($"content_hash   {profile.ContentHash}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bin_count      {profile.BinCount}"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"features       {profile.Features.Count}"));
            foreach (var f in profile.Features)
            {
                var kind = f.Kind == FeatureKind.Numeric ? "numeric" : "categorical";
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Name}\t{kind}\tbins={f.Layout.BinCount}\tn={f.Count}\tmissing={f.Missing}"));
            }

            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Fail(ex.Message);
        }
    }

    private static PinnedWindow CreateWindow(Settings s)
    {
        if (string.IsNullOrWhiteSpace(s.Bootstrap) || string.IsNullOrWhiteSpace(s.Model) || s.From is null || s.To is null)
        {
            throw new ArgumentException("--topic needs --bootstrap-servers, --model, --from and --to");
        }

        if (!EventTime.TryParse(s.From, out var from) || !EventTime.TryParse(s.To, out var to))
        {
            throw new ArgumentException("--from and --to must be ISO-8601 timestamps");
        }

        if (from >= to)
        {
            throw new ArgumentException("--from must be before --to");
        }

        return new PinnedWindow(s.Topic!, s.Model, s.ModelVersion, from, to);
    }

    private static Dictionary<string, FeatureKind> ParseKinds(string[] pairs)
    {
        var result = new Dictionary<string, FeatureKind>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.LastIndexOf('=');
            var kind = eq <= 0 ? null : pair[(eq + 1)..].Trim().ToLowerInvariant();
            result[eq <= 0 ? pair : pair[..eq].Trim()] = kind switch
            {
                "numeric" => FeatureKind.Numeric,
                "categorical" => FeatureKind.Categorical,
                _ => throw new ArgumentException($"--kind expects NAME=numeric|categorical, got '{pair}'"),
            };
        }

        return result;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("profile: " + message);
        return 2;
    }

    private sealed record Settings(
        FileInfo? Input, FileInfo Output, int Bins, string[] Kinds, string? Topic, string? Bootstrap, string? Model,
        string? ModelVersion, string? From, string? To, string[] Properties, int TimeoutSeconds);
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StreamPrivacy.Core.Policy;
using Xunit.Abstractions;

namespace StreamPrivacy.Core.Tests.Redaction.Quality;

/// <summary>
/// Regression gate on the committed evaluation corpora (<c>tests/StreamPrivacy.Benchmarks/quality/corpora</c>, see its
/// README): the offline redactor with the default policy, scored by the harness's black-box rules (an entity is
/// redacted when it can no longer be found at its path; a look-alike is kept when it still is). These corpora were
/// used while tuning the detectors, so the figures are upper bounds; the held-out corpora are measured by the harness
/// only. The gates are the issue's targets; the hostile forms must leak nothing and no realistic event may be withheld.
/// </summary>
public sealed partial class EvaluationCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] Particles = ["van", "der", "den", "de", "del", "della", "la", "le", "du", "da", "di", "dos", "das", "von", "zu", "bin", "binti", "al", "el", "ben", "ibn", "abu", "y"];

    [Theory]
    [InlineData("person", 0.95, 0.95)]
    [InlineData("person_lookalikes", 0.95, 0.95)]
    [InlineData("structured", 0.99, 0.97)]
    [InlineData("hostile", 1.0, 1.0)]
    [InlineData("adjacent", 0.97, 0.97)]
    [InlineData("realistic", 0.98, 0.97)]
    public async Task Redact_EvaluationCorpus_MeetsTargets(string corpus, double recallTarget, double keptTarget)
    {
        var score = await Score(corpus);
        output.WriteLine($"{corpus}: recall {score.Recall:0.000} of {score.Entities}, look-alikes kept {score.Kept:0.000} of {score.LookAlikes}, withheld {score.Withheld}");
        foreach (var (type, (found, total)) in score.ByType.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {type}: {(double)found / total:0.000} of {total}");
        }

        Assert.True(score.Recall >= recallTarget, $"{corpus}: recall {score.Recall:0.000} below {recallTarget}");
        Assert.True(score.LookAlikes == 0 || score.Kept >= keptTarget, $"{corpus}: look-alikes kept {score.Kept:0.000} below {keptTarget}");
        Assert.Equal(0, score.Withheld);
    }

    private static async Task<CorpusScore> Score(string corpus)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "StreamPrivacy.Benchmarks", "quality", "corpora");
        var inputs = await File.ReadAllLinesAsync(Path.Combine(folder, corpus + ".input.jsonl"));
        var labels = await File.ReadAllLinesAsync(Path.Combine(folder, corpus + ".labels.jsonl"));
        var redactor = TestSanitizers.Factory(PolicyLoader.Default).CreateJsonLinesRedactor();
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', inputs) + "\n"));
        using var sink = new MemoryStream();
        var skipped = new HashSet<long>();
        await redactor.RunAsync(source, sink, (line, _) => skipped.Add(line));
        var written = Encoding.UTF8.GetString(sink.ToArray()).Split('\n');
        var score = new CorpusScore { Withheld = skipped.Count };
        var next = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var label = JsonNode.Parse(labels[i])!;
            var redacted = skipped.Contains(i + 1) ? null : JsonNode.Parse(written[next++]);
            foreach (var entity in label["entities"]!.AsArray())
            {
                var type = entity!["type"]!.GetValue<string>();
                var found = redacted is null || !Leaked(entity, At(redacted, entity["path"]!.GetValue<string>()));
                score.Add(type, found);
            }

            foreach (var keep in label["keep"]!.AsArray())
            {
                var word = keep!["value"]!.GetValue<string>();
                var path = keep["path"]!.GetValue<string>();
                var before = CountWord(word, Normalise(At(JsonNode.Parse(inputs[i])!, path) ?? string.Empty));
                var after = redacted is null ? before : CountWord(word, Normalise(At(redacted, path) ?? string.Empty));
                score.AddLookAlike(after >= before);
            }
        }

        return score;
    }

    private static bool Leaked(JsonNode entity, string? text)
    {
        if (text is null)
        {
            return false;
        }

        var output = Normalise(text);
        var value = Normalise(entity["value"]!.GetValue<string>());
        switch (entity["type"]!.GetValue<string>())
        {
            case "PERSON":
                return Words().Matches(value).Select(m => m.Value)
                    .Where(t => t.Length >= 2 && !Particles.Contains(t.ToLowerInvariant()))
                    .Any(t => CountWord(t, output) > 0);
            case "CREDIT_CARD" or "PHONE_NUMBER" or "US_SSN":
                var digits = entity["digits"]?.GetValue<string>() ?? NonDigits().Replace(value, string.Empty);
                return Separators().Replace(output, string.Empty).Contains(digits, StringComparison.Ordinal);
            case "IBAN_CODE":
                return NonAlphanumerics().Replace(output, string.Empty).Contains(entity["digits"]?.GetValue<string>() ?? NonAlphanumerics().Replace(value, string.Empty), StringComparison.OrdinalIgnoreCase);
            case "MAC_ADDRESS":
                return MacSeparators().Replace(output, string.Empty).Contains(MacSeparators().Replace(value, string.Empty), StringComparison.OrdinalIgnoreCase);
            default:
                return output.Contains(value, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The harness's normalised view, without NFKC (the runtime has invariant globalization): format characters removed, Unicode spaces, dashes, digits and full-width forms to ASCII.</summary>
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(category switch
            {
                UnicodeCategory.SpaceSeparator => ' ',
                UnicodeCategory.DashPunctuation => '-',
                UnicodeCategory.DecimalDigitNumber => (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)),
                _ when c == '\u2212' => '-',
                _ when c is >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static int CountWord(string word, string text) =>
        Regex.Count(text, @"(?<!\w)" + Regex.Escape(word) + @"(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string? At(JsonNode document, string path)
    {
        JsonNode? current = document;
        foreach (Match step in PathSteps().Matches(path))
        {
            current = step.Groups[1].Success ? (current as JsonObject)?[step.Groups[1].Value] : (current as JsonArray) is { } array && int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture) is var i && i < array.Count ? array[i] : null;
            if (current is null)
            {
                return null;
            }
        }

        return current switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            _ => current.ToJsonString(),
        };
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StreamPrivacy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root (StreamPrivacy.sln) not found above the test binaries");
    }

    [GeneratedRegex(@"[^\W\d_]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\D")]
    private static partial Regex NonDigits();

    [GeneratedRegex(@"[\s\-.()/_~+]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"[^A-Za-z0-9]")]
    private static partial Regex NonAlphanumerics();

    [GeneratedRegex(@"[:\-.\s]")]
    private static partial Regex MacSeparators();

    [GeneratedRegex(@"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")]
    private static partial Regex PathSteps();

    private sealed class CorpusScore
    {
        public Dictionary<string, (int Found, int Total)> ByType { get; } = new(StringComparer.Ordinal);

        public int Entities { get; private set; }

        public int Redacted { get; private set; }

        public int LookAlikes { get; private set; }

        public int KeptCount { get; private set; }

        public int Withheld { get; init; }

        public double Recall => Entities == 0 ? 1 : (double)Redacted / Entities;

        public double Kept => LookAlikes == 0 ? 1 : (double)KeptCount / LookAlikes;

        public void Add(string type, bool found)
        {
            Entities++;
            Redacted += found ? 1 : 0;
            var (f, t) = ByType.GetValueOrDefault(type);
            ByType[type] = (f + (found ? 1 : 0), t + 1);
        }

        public void AddLookAlike(bool kept)
        {
            LookAlikes++;
            KeptCount += kept ? 1 : 0;
        }
    }
}

using StreamPrivacy.Core.Simulation;
using StreamPrivacy.Kafka.Configuration;

namespace StreamPrivacy.Cli.Demo;

/// <summary>
/// Reference samples for the demo's drift stages: drift-free synthetic traffic from another seed,
/// inference events per model and feature events for the feature set, written to temporary JSON-lines
/// files and registered in <see cref="DriftOptions.References"/>. Also sets demo-sized windows and budget.
/// </summary>
internal sealed class DemoReferences : IDisposable
{
    private readonly string _directory;

    private DemoReferences(string directory) => _directory = directory;

    public static DemoReferences Write(int seed, DriftOptions drift)
    {
        var directory = Directory.CreateTempSubdirectory("streamprivacy-demo-ref-").FullName;
        var generator = new SyntheticTrafficGenerator(new SyntheticTrafficOptions { Seed = seed, MalformedRate = 0 }, TimeProvider.System);
        var inference = Path.Combine(directory, "inference.jsonl");
        var features = Path.Combine(directory, "features.jsonl");
        using (var inferenceFile = new StreamWriter(inference))
        using (var featureFile = new StreamWriter(features))
        {
            for (var i = 0; i < 8_000; i++)
            {
                var record = generator.Next();
                var line = System.Text.Encoding.UTF8.GetString(record.Payload);
                (record.Kind == Core.Events.EventKind.Features ? featureFile : inferenceFile).WriteLine(line);
            }
        }

        drift.References["credit-risk"] = inference;
        drift.References["churn"] = inference;
        drift.References["customer-profile"] = features;

        // Demo scale: a few seconds of traffic, so 2-second windows and a demo-sized budget.
        drift.Window = TimeSpan.FromSeconds(2);
        drift.OutOfOrderness = TimeSpan.FromSeconds(2);
        drift.IdleTimeout = TimeSpan.FromSeconds(1);
        drift.MarkerInterval = TimeSpan.FromMilliseconds(250);
        drift.EpsilonPerWindow = 1m;
        drift.EpsilonPerPeriod = 1_000m;
        return new DemoReferences(directory);
    }

    /// <summary>The demo's canary: registered as keyed hashes (like `streamprivacy canary add`) and planted in the traffic.</summary>
    public const string Canary = "zq-canary-7f3a91c2e4";

    /// <summary>Writes a canary key and file for the leakage stage and sets demo-sized leakage windows.</summary>
    public void WriteCanaries(StreamPrivacyOptions options)
    {
        var keyPath = Path.Combine(_directory, "canary.key");
        File.WriteAllBytes(keyPath, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        options.Keys.Files[Core.Privacy.KeyNames.Canary] = keyPath;
        var key = new Core.Privacy.KeyRing(null, options.Keys.Files, null, _ => { }).Get(Core.Privacy.KeyNames.Canary);
        var canaries = Path.Combine(_directory, "canaries.txt");
        File.WriteAllLines(canaries, Core.Leakage.CanarySet.FromCanaries(key, [Canary]).ToLines());
        options.Leakage.CanariesFile = canaries;
        options.Leakage.Window = TimeSpan.FromSeconds(3);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

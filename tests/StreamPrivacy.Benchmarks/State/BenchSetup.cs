using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Simulation;
using StreamPrivacy.Kafka.Configuration;
using StreamPrivacy.Kafka.Runtime;

namespace StreamPrivacy.Benchmarks.State;

/// <summary>Shared setup of the state benchmarks: drift references from drift-free traffic, traffic producer, arguments.</summary>
internal static class BenchSetup
{
    /// <summary>Writes reference samples (inference and feature events of another seed) and registers them.</summary>
    public static string WriteReferences(DriftOptions drift)
    {
        var directory = Directory.CreateTempSubdirectory("streamprivacy-bench-ref-").FullName;
        var generator = new SyntheticTrafficGenerator(new SyntheticTrafficOptions { Seed = 7, MalformedRate = 0 }, TimeProvider.System);
        var inference = Path.Combine(directory, "inference.jsonl");
        var features = Path.Combine(directory, "features.jsonl");
        using (var i = new StreamWriter(inference))
        using (var f = new StreamWriter(features))
        {
            for (var n = 0; n < 6_000; n++)
            {
                var r = generator.Next();
                (r.Kind == EventKind.Features ? f : i).WriteLine(Encoding.UTF8.GetString(r.Payload));
            }
        }

        drift.References["credit-risk"] = inference;
        drift.References["churn"] = inference;
        drift.References["customer-profile"] = features;
        return directory;
    }

    /// <summary>Produces <paramref name="count"/> synthetic events (event time now).</summary>
    public static void Produce(IProducer<byte[]?, byte[]> producer, SyntheticTrafficGenerator generator, TopicOptions topics, long count)
    {
        for (long i = 0; i < count; i++)
        {
            var r = generator.Next();
            var message = new Message<byte[]?, byte[]> { Key = r.Key is null ? null : Encoding.UTF8.GetBytes(r.Key), Value = r.Payload };
            producer.ProduceWithBackpressure(r.Kind == EventKind.Features ? topics.FeaturesRaw : topics.InferenceRaw, message);
        }
    }

    /// <summary>The value after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static long Arg(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

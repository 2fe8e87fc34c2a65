using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Kafka.Runtime;
using StreamPrivacy.Kafka.Serdes;

namespace StreamPrivacy.Kafka.Tests.Stages;

/// <summary>The sanitize stage over the embedded cluster: real clients, real protocol.</summary>
public sealed class SanitizeStageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static byte[] Event(int i, string consent = "monitoring", string subject = "SUBJ-SECRET") =>
        Encoding.UTF8.GetBytes($$$"""
            {"event_id":"e-{{{i}}}","event_time":"{{{DateTimeOffset.UtcNow:O}}}","model":{"name":"credit-risk","version":"3.2.0"},
             "subject_id":"{{{subject}}}-{{{i % 17}}}","consent":["{{{consent}}}"],"features":{"age":{{{20 + (i % 50)}}},"country":"DE"},
             "prediction":{"label":"approve","score":0.5},"text":{"prompt":"hello"},"attributes":{"contact":"ATTR-SECRET"}}
            """);

    [Fact]
    public async Task Run_MixedInput_SanitizesDropsAndDeadLettersEachRecordExactlyOnce()
    {
        using var h = new PipelineHarness();
        var good = Enumerable.Range(0, 200).Select(i => ((string?)$"SUBJ-SECRET-{i % 17}", Event(i))).ToList();
        var noConsent = Enumerable.Range(200, 50).Select(i => ((string?)"SUBJ-SECRET-x", Event(i, consent: "marketing"))).ToList();
        var avroEvent = new AvroSingleObjectCodec(AvroSchemaCatalog.Default).Encode(
            JsonNode.Parse(Event(999))!.AsObject(), AvroSchemaCatalog.Default.GetByName(SchemaNames.RawInferenceEvent));
        byte[][] bad =
        [
            Encoding.UTF8.GetBytes("{\"event_id\": \"BAD-SECRET"),        // malformed JSON
            [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D],             // invalid UTF-8
            [0xC3, 0x01, 9, 9, 9, 9, 9, 9, 9, 9, 0x02],                   // unknown fingerprint
            avroEvent[..(avroEvent.Length / 2)],                            // known fingerprint, truncated body
            Encoding.UTF8.GetBytes("[1,2,3]"),                              // not an object: malformed_json
            Encoding.UTF8.GetBytes("{\"event_id\":7,\"event_time\":\"2026-01-01T00:00:00Z\",\"model\":{\"name\":\"m\",\"version\":\"1\"}}"),
            Encoding.UTF8.GetBytes($"{{\"event_id\":\"f\",\"event_time\":\"{DateTimeOffset.UtcNow.AddDays(3):O}\",\"model\":{{\"name\":\"m\",\"version\":\"1\"}}}}"),
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)),
        ];
        h.Produce(h.Topics.InferenceRaw, [.. good, .. noConsent, ("SUBJ-SECRET-avro", avroEvent), .. bad.Select(b => ((string?)"SUBJ-SECRET-bad", b))]);
        var total = good.Count + noConsent.Count + 1 + bad.Length;

        var pipeline = h.CreatePipeline();
        var s = pipeline.Sanitize;
        await PipelineHarness.RunUntilAsync(pipeline, () => s.Consumed >= total && s.Produced >= total - s.Dropped, Timeout);

        Assert.Equal(total, s.Consumed);
        Assert.Equal(noConsent.Count, s.Dropped);
        Assert.Equal(bad.Length, s.Rejected);
        Assert.Equal(["future_timestamp", "invalid_utf8", "malformed_avro", "malformed_json", "too_deep", "unknown_fingerprint", "wrong_type"], s.RejectedByReason.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, s.RejectedByReason["malformed_json"]);

        var sanitized = h.ReadAll(h.Topics.InferenceSanitized, good.Count + 1, Timeout);
        Assert.Equal(good.Count + 1, sanitized.Count);
        foreach (var record in sanitized)
        {
            var text = Encoding.UTF8.GetString(record.Message.Value!);
            var key = Encoding.UTF8.GetString(record.Message.Key!);
            Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", key, StringComparison.Ordinal);
            var evt = JsonNode.Parse(text)!.AsObject();
            Assert.Equal(key, evt["subject_id"]!.GetValue<string>());
            Assert.False(evt.ContainsKey("attributes"));
        }

        var deadLetters = h.ReadAll(h.Topics.DeadLetter, bad.Length, Timeout);
        Assert.Equal(bad.Length, deadLetters.Count);
        var encryptor = new PayloadEncryptor(SecretKey.Load(null, h.Options.Keys.Files["deadletter"], "dlq-test")!);
        var recovered = new List<byte[]>();
        foreach (var record in deadLetters)
        {
            var text = Encoding.UTF8.GetString(record.Message.Value!);
            Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
            var letter = JsonNode.Parse(text)!;
            var aad = DeadLetterWriter.AssociatedData(letter["source_topic"]!.GetValue<string>(), letter["source_partition"]!.GetValue<int>(), letter["source_offset"]!.GetValue<long>());
            var value = letter["value"]!;
            recovered.Add(encryptor.Decrypt(new EncryptedPayload(letter["key_id"]!.GetValue<string>(), Convert.FromBase64String(value["nonce"]!.GetValue<string>()), Convert.FromBase64String(value["ciphertext"]!.GetValue<string>())), aad));
        }

        // Nothing lost: every bad record can be recovered by the key holder, byte for byte.
        Assert.Equal(bad.Select(Convert.ToHexString).Order(StringComparer.Ordinal), recovered.Select(Convert.ToHexString).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_SyntheticTrafficWithPii_SanitizedTopicsHoldNoDetectablePii()
    {
        using var h = new PipelineHarness();
        var generator = new Core.Simulation.SyntheticTrafficGenerator(new Core.Simulation.SyntheticTrafficOptions { MalformedRate = 0, PiiRate = 0.8, Seed = 5 }, TimeProvider.System);
        var records = Enumerable.Range(0, 600).Select(_ => generator.Next()).ToList();
        h.Produce(h.Topics.InferenceRaw, records.Where(r => r.Kind == Core.Events.EventKind.Inference).Select(r => (r.Key, r.Payload)));
        h.Produce(h.Topics.FeaturesRaw, records.Where(r => r.Kind == Core.Events.EventKind.Features).Select(r => (r.Key, r.Payload)));
        var pipeline = h.CreatePipeline();
        var s = pipeline.Sanitize;
        await PipelineHarness.RunUntilAsync(pipeline, () => s.Consumed >= 600 && s.Produced >= 600 - s.Dropped, Timeout);

        Assert.True(s.RedactionsByEntity.Values.Sum() > 300, "the planted PII was redacted");
        var verifier = new Core.Sanitization.SanitizerFactory(Core.Policy.PolicyLoader.Default, new KeyRing(null, null, null, _ => { }), TimeProvider.System).CreateVerifier();
        var sanitized = h.ReadAll(h.Topics.InferenceSanitized, 1, Timeout).Concat(h.ReadAll(h.Topics.FeaturesSanitized, 1, Timeout)).ToList();
        Assert.Equal(600 - s.Dropped - s.Rejected, sanitized.Count);
        Assert.All(sanitized, r => Assert.Null(verifier.FindLeak(r.Message.Value)));
    }

    [Fact]
    public async Task Run_FeatureEvents_GoToFeaturesSanitized()
    {
        using var h = new PipelineHarness();
        var features = Enumerable.Range(0, 30).Select(i => ((string?)null, Encoding.UTF8.GetBytes(
            $$$"""{"event_id":"f-{{{i}}}","event_time":"2026-11-20T10:00:00Z","feature_set":"fs","consent":["monitoring"],"features":{"x":{{{i}}}}}"""))).ToList();
        h.Produce(h.Topics.FeaturesRaw, features);
        var pipeline = h.CreatePipeline();
        await PipelineHarness.RunUntilAsync(pipeline, () => pipeline.Sanitized >= 30, Timeout);
        Assert.Equal(30, h.ReadAll(h.Topics.FeaturesSanitized, 30, Timeout).Count);
    }

    [Fact]
    public async Task Run_AvroOutput_WritesSingleObjectEncoding()
    {
        using var h = new PipelineHarness();
        h.Options.Processing.OutputFormat = OutputFormat.Avro;
        h.Produce(h.Topics.InferenceRaw, Enumerable.Range(0, 20).Select(i => ((string?)"k", Event(i))));
        var pipeline = h.CreatePipeline();
        await PipelineHarness.RunUntilAsync(pipeline, () => pipeline.Sanitized >= 20, Timeout);
        var codec = new AvroSingleObjectCodec(AvroSchemaCatalog.Default);
        var records = h.ReadAll(h.Topics.InferenceSanitized, 20, Timeout);
        Assert.Equal(20, records.Count);
        Assert.All(records, r =>
        {
            Assert.True(AvroSingleObjectCodec.LooksLikeSingleObject(r.Message.Value));
            Assert.StartsWith("ps_", codec.Decode(r.Message.Value)["subject_id"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Restart_AfterGracefulStop_ResumesWithoutLossOrDuplicates()
    {
        using var h = new PipelineHarness();
        h.Produce(h.Topics.InferenceRaw, Enumerable.Range(0, 300).Select(i => ((string?)$"s{i}", Event(i))));

        var first = h.CreatePipeline("a");
        await PipelineHarness.RunUntilAsync(first, () => first.Sanitize.Consumed >= 100, Timeout);
        var firstCount = first.Sanitize.Consumed;

        h.Produce(h.Topics.InferenceRaw, Enumerable.Range(300, 200).Select(i => ((string?)$"s{i}", Event(i))));
        var second = h.CreatePipeline("b");
        await PipelineHarness.RunUntilAsync(second, () => firstCount + second.Sanitize.Consumed >= 500, Timeout);

        Assert.Equal(500, firstCount + second.Sanitize.Consumed);
        var ids = h.ReadAll(h.Topics.InferenceSanitized, 500, Timeout)
            .Select(r => JsonNode.Parse(r.Message.Value)!["event_id"]!.GetValue<string>()).ToList();
        Assert.Equal(500, ids.Count);
        Assert.Equal(500, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Run_BrokerOutageAndProduceErrors_LosesNothing()
    {
        using var h = new PipelineHarness();
        h.Produce(h.Topics.InferenceRaw, Enumerable.Range(0, 400).Select(i => ((string?)$"s{i}", Event(i))));
        var pipeline = h.CreatePipeline();
        var s = pipeline.Sanitize;
        using var cts = new CancellationTokenSource();
        var run = pipeline.RunAsync(cts.Token);
        while (s.Consumed < 50)
        {
            await Task.Delay(20);
        }

        h.Cluster.PushRequestErrors(StreamPrivacy.Kafka.Embedded.KafkaApiKey.Produce, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicas);
        h.Cluster.SetBrokerDown(2);
        await Task.Delay(1500);
        h.Cluster.SetBrokerUp(2);
        var deadline = DateTime.UtcNow + Timeout;
        while ((s.Consumed < 400 || s.Produced < 400) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await cts.CancelAsync();
        await run;
        var ids = h.ReadAll(h.Topics.InferenceSanitized, 400, Timeout)
            .Select(r => JsonNode.Parse(r.Message.Value)!["event_id"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(400, ids);
    }
}

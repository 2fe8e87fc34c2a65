using System.Text;
using System.Text.Json.Nodes;
using StreamPrivacy.Core.Lineage;

namespace StreamPrivacy.Kafka.Tests.Lineage;

public sealed class OpenLineageWriterTests
{
    private static readonly LineageDataset Raw = new("kafka://broker-1:9092", "ml.inference.raw", [new("event_id", "string", "Event id."), new("features", "map", null)]);
    private static readonly LineageDataset Metrics = new("kafka://broker-1:9092", "ml.metrics", []);

    [Theory]
    [InlineData(LineageEventType.Start)]
    [InlineData(LineageEventType.Running)]
    [InlineData(LineageEventType.Complete)]
    [InlineData(LineageEventType.Fail)]
    public void RunEvent_EveryTypeWithAllFacets_ValidatesAgainstTheSpecAndFacetSchemas(LineageEventType type)
    {
        var facets = new LineageRunFacets(
            new PrivacyBudgetFacet("discrete_laplace", 0.1, null, null, "release/v1|m/1/inference|w|policy:p", "m/1/inference"),
            new RedactionPolicyFacet("default-2", "sha256:" + new string('a', 64)),
            new RecordCountsFacet(10, 9, 1, 0),
            type == LineageEventType.Fail ? new ErrorFacet("StageFailedException: delivery failed") : null);
        var json = Encoding.UTF8.GetString(OpenLineageWriter.RunEvent(type, DateTimeOffset.UtcNow, Guid.NewGuid(), "streamprivacy", "streamprivacy.release", [Raw], [Metrics], facets));
        Assert.Empty(OpenLineageValidator.Errors(json));
    }

    [Fact]
    public void Validator_BrokenEvents_AreRejected()
    {
        var good = JsonNode.Parse(OpenLineageWriter.RunEvent(LineageEventType.Start, DateTimeOffset.UtcNow, Guid.NewGuid(), "streamprivacy", "streamprivacy.sanitize", [Raw], [], new LineageRunFacets(RecordCounts: new RecordCountsFacet(1, 1, 0, 0))))!;
        var noRunId = good.DeepClone();
        noRunId["run"]!.AsObject().Remove("runId");
        var badType = good.DeepClone();
        badType["eventType"] = "BOGUS";
        var badFacet = good.DeepClone();
        badFacet["run"]!["facets"]!["streamprivacy_record_counts"]!["consumed"] = -1;
        var noProducer = good.DeepClone();
        noProducer["job"]!["facets"]!["jobType"]!.AsObject().Remove("_producer");
        foreach (var (name, broken) in new[] { ("no run id", noRunId), ("bad event type", badType), ("negative count", badFacet), ("facet without _producer", noProducer) })
        {
            Assert.True(OpenLineageValidator.Errors(broken.ToJsonString()).Count > 0, name + " was accepted");
        }
    }
}

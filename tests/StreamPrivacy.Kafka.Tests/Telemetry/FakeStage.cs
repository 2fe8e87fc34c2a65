using StreamPrivacy.Kafka.Telemetry;

namespace StreamPrivacy.Kafka.Tests.Telemetry;

internal sealed class FakeStage(string name) : IStageHealth
{
    public string Name => name;

    public bool IsRunning { get; set; }

    public bool HasAssignment { get; set; }

    public bool Failed { get; set; }
}

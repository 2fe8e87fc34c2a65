namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>The liveness and readiness of one stage loop, for health probes and the <c>streamprivacy.stage.up</c> gauge.</summary>
public interface IStageHealth
{
    /// <summary>The stage name.</summary>
    string Name { get; }

    /// <summary>True from the start of the stage loop until it has stopped (gracefully or not).</summary>
    bool IsRunning { get; }

    /// <summary>True once the consumer group has given this instance its partitions (possibly none), until the loop stops.</summary>
    bool HasAssignment { get; }

    /// <summary>True when the loop ended with an error (e.g. delivery could not be guaranteed).</summary>
    bool Failed { get; }
}

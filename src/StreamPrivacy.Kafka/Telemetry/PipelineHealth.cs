namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>
/// Liveness and readiness of one process's stage loops, as the health probes report them.
/// Liveness fails only once a stage has failed (a graceful stop keeps it alive so the flush is not
/// cut short); readiness needs every stage consuming with its assignment and no shutdown under way.
/// Thread-safe.
/// </summary>
internal sealed class PipelineHealth
{
    private volatile IReadOnlyList<IStageHealth> _stages = [];
    private volatile bool _stopping;

    /// <summary>The stages to report on (replaces any earlier set).</summary>
    public void Attach(IReadOnlyList<IStageHealth> stages) => _stages = stages;

    /// <summary>Shutdown has begun: readiness fails from now on.</summary>
    public void MarkStopping() => _stopping = true;

    /// <summary>False with the failed stages named once any stage failed.</summary>
    public (bool Ok, string Detail) Liveness()
    {
        var failed = _stages.Where(s => s.Failed).Select(s => s.Name).ToList();
        return failed.Count == 0 ? (true, "ok") : (false, "failed: " + string.Join(", ", failed));
    }

    /// <summary>True when every stage is consuming with its partition assignment and no shutdown is under way.</summary>
    public (bool Ok, string Detail) Readiness()
    {
        if (_stopping)
        {
            return (false, "not ready: shutting down");
        }

        var stages = _stages;
        if (stages.Count == 0)
        {
            return (false, "not ready: starting");
        }

        var waiting = stages.Where(s => !(s.IsRunning && s.HasAssignment)).Select(s => s.Name).ToList();
        return waiting.Count == 0 ? (true, "ok") : (false, "not ready: waiting for " + string.Join(", ", waiting));
    }
}

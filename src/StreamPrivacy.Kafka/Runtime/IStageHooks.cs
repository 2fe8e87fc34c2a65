namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// Optional lifecycle callbacks of a stage runner (<see cref="StageRunnerOptions.Hooks"/>), e.g. for
/// the audit log: entries at start, a closing entry at a graceful stop; the sanitize stage's leakage
/// checks: alerts when a window closes. <see cref="StageHooks.Combine"/> joins several.
/// </summary>
public interface IStageHooks
{
    /// <summary>
    /// Called once the producer exists, before the first record is consumed. What it produces is
    /// acknowledged (at-least-once) or committed (exactly-once) before the loop starts.
    /// </summary>
    void OnStarted(IStageOutput output);

    /// <summary>Called at a graceful stop, before the final commit; what it produces is acknowledged or committed.</summary>
    void OnStopping(IStageOutput output);

    /// <summary>
    /// Called when an exactly-once transaction was aborted: whatever was produced since the last
    /// commit never becomes visible, so state derived from it must be rebuilt.
    /// </summary>
    void OnAborted();

    /// <summary>
    /// Called after a successful commit (exactly-once: the transaction committed; at-least-once: the
    /// outputs were acknowledged): what the hooks produced so far is durable and cannot be aborted any more.
    /// </summary>
    void OnCommitted()
    {
    }

    /// <summary>
    /// Called on the consumer thread about every 100 ms while the stage runs (e.g. to close wall-clock
    /// windows); what it produces commits with the stage's next commit.
    /// </summary>
    void OnTick(IStageOutput output)
    {
    }
}

using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// The transform of one stage: turns one consumed record into zero or more produced records.
/// Implementations must not throw for bad input (they count it and dead-letter it); an exception
/// stops the stage without committing the record, so it is processed again after a restart.
/// </summary>
public interface IRecordProcessor
{
    /// <summary>Stage name, used for the consumer group, transactional id and telemetry.</summary>
    string Name { get; }

    /// <summary>Topics the stage consumes.</summary>
    IReadOnlyList<string> InputTopics { get; }

    /// <summary>Processes one record, emitting outputs through <paramref name="output"/>.</summary>
    void Process(ConsumeResult<byte[]?, byte[]?> record, IStageOutput output);
}

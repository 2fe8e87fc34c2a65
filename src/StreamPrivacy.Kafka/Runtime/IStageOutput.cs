using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>Where a processor emits its outputs; the runner owns delivery and acknowledgement.</summary>
public interface IStageOutput
{
    /// <summary>Queues a record for <paramref name="topic"/>; the input offset is committed only after it is acknowledged.</summary>
    void Produce(string topic, byte[]? key, byte[] value, Headers? headers = null);
}

using Confluent.Kafka;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>Producing under backpressure: wait for deliveries to drain a full local queue instead of failing.</summary>
public static class ProducerExtensions
{
    /// <summary>
    /// Produces <paramref name="message"/>; while librdkafka's local queue is full, polls for delivery
    /// reports (which frees space) and calls <paramref name="whileWaiting"/> (e.g. to surface a failed delivery).
    /// </summary>
    public static void ProduceWithBackpressure<TKey, TValue>(
        this IProducer<TKey, TValue> producer,
        string topic,
        Message<TKey, TValue> message,
        Action<DeliveryReport<TKey, TValue>>? deliveryHandler = null,
        Action? whileWaiting = null) =>
        Produce(producer, p => p.Produce(topic, message, deliveryHandler), whileWaiting);

    /// <summary>As the topic overload, for an explicit partition.</summary>
    public static void ProduceWithBackpressure<TKey, TValue>(
        this IProducer<TKey, TValue> producer,
        TopicPartition partition,
        Message<TKey, TValue> message,
        Action<DeliveryReport<TKey, TValue>>? deliveryHandler = null,
        Action? whileWaiting = null) =>
        Produce(producer, p => p.Produce(partition, message, deliveryHandler), whileWaiting);

    private static void Produce<TKey, TValue>(IProducer<TKey, TValue> producer, Action<IProducer<TKey, TValue>> produce, Action? whileWaiting)
    {
        while (true)
        {
            try
            {
                produce(producer);
                return;
            }
            catch (ProduceException<TKey, TValue> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(50));
                whileWaiting?.Invoke();
            }
        }
    }
}

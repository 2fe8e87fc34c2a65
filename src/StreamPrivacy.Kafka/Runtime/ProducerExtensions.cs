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
        Action? whileWaiting = null)
    {
        // No closure here: this runs once per produced record.
        while (true)
        {
            try
            {
                producer.Produce(topic, message, deliveryHandler);
                return;
            }
            catch (ProduceException<TKey, TValue> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                WaitForRoom(producer, whileWaiting);
            }
        }
    }

    /// <summary>As the topic overload, for an explicit partition.</summary>
    public static void ProduceWithBackpressure<TKey, TValue>(
        this IProducer<TKey, TValue> producer,
        TopicPartition partition,
        Message<TKey, TValue> message,
        Action<DeliveryReport<TKey, TValue>>? deliveryHandler = null,
        Action? whileWaiting = null)
    {
        while (true)
        {
            try
            {
                producer.Produce(partition, message, deliveryHandler);
                return;
            }
            catch (ProduceException<TKey, TValue> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                WaitForRoom(producer, whileWaiting);
            }
        }
    }

    // Polling serves delivery reports, which frees queue space.
    private static void WaitForRoom<TKey, TValue>(IProducer<TKey, TValue> producer, Action? whileWaiting)
    {
        producer.Poll(TimeSpan.FromMilliseconds(50));
        whileWaiting?.Invoke();
    }
}

using System.Runtime.InteropServices;

namespace StreamPrivacy.Kafka.Embedded;

/// <summary>
/// Source-generated P/Invoke declarations for the parts of librdkafka (rdkafka.h, rdkafka_mock.h)
/// that Confluent.Kafka does not expose. "librdkafka" is redirected by <see cref="LibrdkafkaResolver"/>
/// to the exact native file Confluent.Kafka already loaded, so there is only one copy in the process.
/// </summary>
/// <remarks>
/// The mock API is marked experimental by librdkafka (no ABI guarantee), so these signatures are tied
/// to the librdkafka.redist version pinned through Confluent.Kafka (2.16.0).
/// </remarks>
internal static unsafe partial class LibrdkafkaNative
{
    internal const string LibraryName = "librdkafka";

    /// <summary>rd_kafka_type_t RD_KAFKA_PRODUCER.</summary>
    internal const int ProducerType = 0;

    /// <summary>rd_kafka_conf_res_t RD_KAFKA_CONF_OK.</summary>
    internal const int ConfOk = 0;

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_conf_new")]
    internal static partial nint ConfNew();

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_conf_destroy")]
    internal static partial void ConfDestroy(nint conf);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ConfSet(nint conf, string name, string value, byte* errstr, nuint errstrSize);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_new")]
    internal static partial nint New(int type, nint conf, byte* errstr, nuint errstrSize);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_destroy")]
    internal static partial void Destroy(nint rk);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_err2str")]
    internal static partial nint Err2Str(int err);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_cluster_new")]
    internal static partial nint MockClusterNew(nint rk, int brokerCount);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    internal static partial void MockClusterDestroy(nint mcluster);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    internal static partial nint MockClusterBootstraps(nint mcluster);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MockTopicCreate(nint mcluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_partition_set_leader", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MockPartitionSetLeader(nint mcluster, string topic, int partition, int brokerId);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_broker_set_down")]
    internal static partial int MockBrokerSetDown(nint mcluster, int brokerId);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_broker_set_up")]
    internal static partial int MockBrokerSetUp(nint mcluster, int brokerId);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_broker_set_rtt")]
    internal static partial int MockBrokerSetRtt(nint mcluster, int brokerId, int rttMs);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_push_request_errors_array")]
    internal static partial void MockPushRequestErrorsArray(nint mcluster, short apiKey, nuint count, int* errors);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_clear_request_errors")]
    internal static partial void MockClearRequestErrors(nint mcluster, short apiKey);

    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    internal static partial void MockGroupInitialRebalanceDelayMs(nint mcluster, int delayMs);

    /// <summary>librdkafka's human-readable text for an error code.</summary>
    internal static string ErrorText(int err) => Marshal.PtrToStringUTF8(Err2Str(err)) ?? $"error {err}";
}

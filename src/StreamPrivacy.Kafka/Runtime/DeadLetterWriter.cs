using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using StreamPrivacy.Core.Events;
using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Kafka.Telemetry;

namespace StreamPrivacy.Kafka.Runtime;

/// <summary>
/// Routes records that cannot be processed to the restricted dead-letter topic: source metadata,
/// the counted reason and the original key and value encrypted with AES-256-GCM (key id recorded,
/// source coordinates bound as associated data). Nothing is lost and nothing is readable in clear.
/// </summary>
public sealed class DeadLetterWriter
{
    private readonly string _topic;
    private readonly string _stage;
    private readonly PayloadEncryptor _encryptor;
    private readonly TimeProvider _time;

    /// <summary>Creates a writer for <paramref name="stage"/> producing to <paramref name="topic"/>.</summary>
    public DeadLetterWriter(string topic, string stage, PayloadEncryptor encryptor, TimeProvider time)
    {
        _topic = topic;
        _stage = stage;
        _encryptor = encryptor;
        _time = time;
    }

    /// <summary>The associated data that binds a dead letter's ciphertexts to their source record.</summary>
    public static byte[] AssociatedData(string topic, int partition, long offset) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{topic}/{partition}/{offset}"));

    /// <summary>Produces the dead letter for <paramref name="record"/>.</summary>
    public void Write(ConsumeResult<byte[]?, byte[]?> record, InputError error, IStageOutput output)
    {
        var aad = AssociatedData(record.Topic, record.Partition.Value, record.Offset.Value);
        var buffer = new ArrayBufferWriter<byte>(256 + ((record.Message.Value?.Length ?? 0) * 4 / 3));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("stage", _stage);
            json.WriteString("reason", error.Reason.ToCode());
            json.WriteString("path", error.Path);
            json.WriteString("detail", error.Detail);
            json.WriteString("source_topic", record.Topic);
            json.WriteNumber("source_partition", record.Partition.Value);
            json.WriteNumber("source_offset", record.Offset.Value);
            json.WriteNumber("source_timestamp_ms", record.Message.Timestamp.UnixTimestampMs);
            json.WriteString("dead_lettered_at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("key_id", _encryptor.KeyId);
            WriteCipher(json, "key", record.Message.Key, aad);
            WriteCipher(json, "value", record.Message.Value, aad);
            json.WriteEndObject();
        }

        output.Produce(_topic, key: null, buffer.WrittenSpan.ToArray());
        StreamPrivacyTelemetry.DeadLetters.Add(1, new("stage", _stage), new("reason", error.Reason.ToCode()));
    }

    private void WriteCipher(Utf8JsonWriter json, string name, byte[]? plaintext, byte[] aad)
    {
        if (plaintext is null)
        {
            json.WriteNull(name);
            return;
        }

        var sealedPayload = _encryptor.Encrypt(plaintext, aad);
        json.WriteStartObject(name);
        json.WriteBase64String("nonce", sealedPayload.Nonce);
        json.WriteBase64String("ciphertext", sealedPayload.Ciphertext);
        json.WriteEndObject();
    }
}

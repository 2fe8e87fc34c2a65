using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace StreamPrivacy.Core.Audit;

/// <summary>
/// The JSON form of an audit entry on the ledger topic: a ledger record (schemas/ledger_record.avsc)
/// with <c>kind = "audit"</c>, the entry kind in <c>audit_kind</c>, and only the fields that are set.
/// </summary>
public static class AuditEntryJson
{
    /// <summary>The ledger <c>kind</c> of audit records.</summary>
    public const string LedgerKind = "audit";

    /// <summary>Encodes <paramref name="entry"/>.</summary>
    public static byte[] Encode(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var s = entry.Subject;
            json.WriteStartObject();
            json.WriteString("kind", LedgerKind);
            json.WriteString("audit_kind", AuditEntryKinds.Name(entry.Kind));
            json.WriteString("chain", entry.Chain);
            json.WriteNumber("sequence", entry.Sequence);
            json.WriteString("recorded_at", AuditHash.Time(entry.RecordedAt));
            Optional(json, "release_id", s.ReleaseId);
            Optional(json, "stream_key", s.Stream);
            Optional(json, "period_start", s.PeriodStart);
            Optional(json, "policy_version", s.PolicyVersion);
            Optional(json, "policy_hash", s.PolicyHash);
            Optional(json, "key_name", s.KeyName);
            Optional(json, "key_id", s.KeyId);
            Optional(json, "epsilon_charged", s.Epsilon);
            Optional(json, "rho_charged", s.Rho);
            Optional(json, "outcome", s.Outcome);
            Optional(json, "head_signature", entry.HeadSignature);
            json.WriteString("prev_hash", entry.PrevHash);
            json.WriteString("hash", entry.Hash);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The ledger <c>kind</c> of a record, or null when it is not a JSON object with a string kind.</summary>
    public static string? LedgerKindOf(ReadOnlySpan<byte> value)
    {
        try
        {
            var reader = new Utf8JsonReader(value);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
                ? kind.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Decodes an audit entry.</summary>
    /// <exception cref="FormatException">The record is not a readable audit entry.</exception>
    public static AuditEntry Decode(ReadOnlySpan<byte> value)
    {
        try
        {
            var reader = new Utf8JsonReader(value);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.GetProperty("kind").GetString() != LedgerKind)
            {
                throw new FormatException("not an audit record");
            }

            if (!AuditEntryKinds.TryParse(root.GetProperty("audit_kind").GetString(), out var kind))
            {
                throw new FormatException("unknown audit_kind");
            }

            return new AuditEntry
            {
                Chain = Required(root, "chain"),
                Sequence = root.GetProperty("sequence").GetInt64(),
                Kind = kind,
                RecordedAt = DateTimeOffset.Parse(Required(root, "recorded_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                Subject = new AuditSubject
                {
                    ReleaseId = Optional(root, "release_id"),
                    Stream = Optional(root, "stream_key"),
                    PeriodStart = Optional(root, "period_start"),
                    PolicyVersion = Optional(root, "policy_version"),
                    PolicyHash = Optional(root, "policy_hash"),
                    KeyName = Optional(root, "key_name"),
                    KeyId = Optional(root, "key_id"),
                    Epsilon = Optional(root, "epsilon_charged"),
                    Rho = Optional(root, "rho_charged"),
                    Outcome = Optional(root, "outcome"),
                },
                HeadSignature = Optional(root, "head_signature"),
                PrevHash = Required(root, "prev_hash"),
                Hash = Required(root, "hash"),
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("malformed audit record", ex);
        }
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string Required(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}

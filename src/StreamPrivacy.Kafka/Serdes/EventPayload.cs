using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace StreamPrivacy.Kafka.Serdes;

/// <summary>Format sniffing for input messages: a JSON object or an Avro single object.</summary>
public static class EventPayload
{
    /// <summary>Default upper bound on the size of one input payload.</summary>
    public const int DefaultMaxBytes = 1 << 20;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Parses an input payload: a JSON object (after optional whitespace or a UTF-8 byte order mark)
    /// or an Avro single object (0xC3 0x01 prefix). Anything else is rejected.
    /// </summary>
    /// <param name="payload">Raw message value.</param>
    /// <param name="codec">Codec used for Avro payloads.</param>
    /// <param name="maxDepth">Maximum JSON nesting depth; the top-level object counts as depth 1.</param>
    /// <param name="maxBytes">Maximum payload size in bytes.</param>
    /// <returns>The event as a JSON object.</returns>
    /// <exception cref="SerdeException">The payload is not an acceptable event; the message never contains payload content.</exception>
    public static JsonObject Parse(ReadOnlySpan<byte> payload, AvroSingleObjectCodec codec, int maxDepth = 32, int maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        var offset = JsonBodyOffset(payload, maxBytes);
        if (offset < 0)
        {
            return codec.Decode(payload);
        }

        var json = ValidUtf8(payload[offset..]);
        var options = new JsonDocumentOptions
        {
            MaxDepth = maxDepth,
            AllowDuplicateProperties = false,
        };

        try
        {
            var node = JsonNode.Parse(json, nodeOptions: null, documentOptions: options);
            return node as JsonObject
                ?? throw new SerdeException(SerdeErrorCode.MalformedJson, "Payload is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw JsonError(json, maxDepth, ex);
        }
    }

    /// <summary>
    /// A stage's input record as UTF-8 JSON (<see cref="ToUtf8Json"/>), or the counted, value-free
    /// input error it is rejected with: an empty record is <c>missing_field</c>, a bad payload the
    /// reason of its <see cref="SerdeException"/>.
    /// </summary>
    public static bool TryReadJson(
        byte[]? value,
        AvroSingleObjectCodec codec,
        int maxDepth,
        int maxBytes,
        out ReadOnlyMemory<byte> json,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Core.Events.InputError? error)
    {
        json = default;
        if (value is null || value.Length == 0)
        {
            error = new Core.Events.InputError(Core.Events.InputErrorReason.MissingField, "$", "empty record");
            return false;
        }

        try
        {
            json = ToUtf8Json(value, codec, maxDepth, maxBytes);
            error = null;
            return true;
        }
        catch (SerdeException ex)
        {
            error = new Core.Events.InputError(SerdeErrors.ToReason(ex.Code), "$", ex.Message);
            return false;
        }
    }

    /// <summary>
    /// Like <see cref="Parse"/>, but returns the event as UTF-8 JSON without building a DOM for JSON
    /// input (the payload itself, after checking it is valid UTF-8, well-formed and not too deep);
    /// Avro input is decoded and re-encoded as JSON.
    /// </summary>
    /// <exception cref="SerdeException">The payload is not an acceptable event; the message never contains payload content.</exception>
    public static ReadOnlyMemory<byte> ToUtf8Json(ReadOnlyMemory<byte> payload, AvroSingleObjectCodec codec, int maxDepth = 32, int maxBytes = DefaultMaxBytes)
    {
        var span = payload.Span;
        var offset = JsonBodyOffset(span, maxBytes);
        if (offset < 0)
        {
            return JsonSerializer.SerializeToUtf8Bytes(codec.Decode(span));
        }

        var json = ValidUtf8(span[offset..]);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            throw JsonError(json, maxDepth, ex);
        }

        return payload[offset..];
    }

    /// <summary>
    /// Checks the size and the shape of a payload: returns −1 for an Avro single object, else the offset of
    /// the JSON body (after an optional byte order mark), which must start with an object after whitespace.
    /// </summary>
    private static int JsonBodyOffset(ReadOnlySpan<byte> payload, int maxBytes)
    {
        if (payload.Length > maxBytes)
        {
            throw new SerdeException(SerdeErrorCode.TooLarge, $"Payload of {payload.Length} bytes exceeds the limit of {maxBytes} bytes.");
        }

        if (AvroSingleObjectCodec.LooksLikeSingleObject(payload))
        {
            return -1;
        }

        var offset = payload.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var start = payload[offset..].IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0 || payload[offset + start] != (byte)'{')
        {
            throw new SerdeException(
                SerdeErrorCode.MalformedJson,
                start < 0 ? "Payload is empty or only whitespace." : "Payload is neither a JSON object nor an Avro single object (C3 01 prefix).");
        }

        return offset;
    }

    /// <summary>
    /// Validates UTF-8 up front: System.Text.Json reports bad UTF-8 as a generic JsonException (or only
    /// when a string is materialised), and its messages can quote the offending bytes.
    /// </summary>
    private static ReadOnlySpan<byte> ValidUtf8(ReadOnlySpan<byte> json) =>
        Utf8.IsValid(json) ? json : throw new SerdeException(SerdeErrorCode.InvalidUtf8, "Payload is not valid UTF-8.");

    /// <summary>Maps a parse failure to too-deep or malformed; the exception text can echo payload characters, so only its position is reported.</summary>
    private static SerdeException JsonError(ReadOnlySpan<byte> json, int maxDepth, JsonException ex) =>
        ExceedsDepth(json, maxDepth)
            ? new SerdeException(SerdeErrorCode.TooDeep, $"JSON payload nests deeper than {maxDepth} levels.")
            : new SerdeException(SerdeErrorCode.MalformedJson, $"Payload is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");

    /// <summary>Re-scans a payload that failed to parse to tell "too deep" apart from other syntax errors.</summary>
    private static bool ExceedsDepth(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth + 1 > maxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}

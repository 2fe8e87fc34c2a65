using System.Buffers;
using System.Text;
using System.Text.Json;
using StreamPrivacy.Core.Redaction;

namespace StreamPrivacy.Core.Leakage;

/// <summary>
/// Reads <see cref="LeakageSignals"/> from a sanitized inference event (UTF-8 JSON, as the sanitize
/// transform writes it) in one forward pass, without building a document: <c>$.model</c>,
/// <c>$.subject_id</c>, <c>$.sanitization.output_redactions</c>, canaries in the model outputs
/// <c>$.text.response</c> and <c>$.prediction.label</c>, and the query (<c>$.text.prompt</c>, else the
/// <c>$.features</c> object as "name value" tokens in name order) for SimHash.
/// </summary>
/// <remarks>Output texts are examined in memory for canaries only; nothing read here is kept but
/// counts, paths, the pseudonym and hashes.</remarks>
public static class LeakageSignalReader
{
    /// <summary>The model output path scanned for canaries in the response text.</summary>
    public const string ResponsePath = "$.text.response";

    /// <summary>The model output path scanned for canaries in the predicted label.</summary>
    public const string LabelPath = "$.prediction.label";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, long>> NoRedactions = [];
    private static readonly Dictionary<string, int> NoHits = [];

    [ThreadStatic]
    private static Utf8Memo<string>? _interned;

    /// <summary>
    /// The signals of <paramref name="json"/>, or null when the event names no model (nothing to attribute).
    /// </summary>
    /// <remarks>Reads up to the end of the root object (the input is the stage's own output, already well-formed).</remarks>
    /// <exception cref="JsonException">The input is not well-formed JSON or nests deeper than <paramref name="maxDepth"/>.</exception>
    public static LeakageSignals? Read(ReadOnlySpan<byte> json, CanarySet canaries, int maxDepth = 64)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? model = null, version = null, client = null;
        Dictionary<string, IReadOnlyDictionary<string, long>>? redactions = null;
        Dictionary<string, int>? hits = null;
        ulong? prompt = null;
        (int Start, int Length)? features = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                ReadModel(ref reader, ref model, ref version);
            }
            else if (reader.ValueTextEquals("subject_id"u8))
            {
                reader.Read();
                client = reader.TokenType == JsonTokenType.String ? reader.GetString() : Skip(ref reader);
            }
            else if (reader.ValueTextEquals("sanitization"u8))
            {
                reader.Read();
                redactions = ReadSanitization(ref reader);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                prompt = ReadText(ref reader, canaries, ref hits);
            }
            else if (reader.ValueTextEquals("prediction"u8))
            {
                reader.Read();
                ReadPrediction(ref reader, canaries, ref hits);
            }
            else if (reader.ValueTextEquals("features"u8))
            {
                // Hashed only when the event has no prompt (known at the end): remember where it is.
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                var isObject = reader.TokenType == JsonTokenType.StartObject;
                reader.Skip();
                features = isObject ? (start, (int)reader.BytesConsumed - start) : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return model is null
            ? null
            : new LeakageSignals(model, version ?? string.Empty, client, redactions ?? NoRedactions, hits ?? NoHits,
                prompt ?? (features is { } f ? FeatureHash(json.Slice(f.Start, f.Length), maxDepth) : null));
    }

    private static void ReadModel(ref Utf8JsonReader reader, ref string? model, ref string? version)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals("name"u8);
            var isVersion = !isName && reader.ValueTextEquals("version"u8);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && (isName || isVersion))
            {
                if (isName)
                {
                    model = Intern(ref reader);
                }
                else
                {
                    version = Intern(ref reader);
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static Dictionary<string, IReadOnlyDictionary<string, long>>? ReadSanitization(ref Utf8JsonReader reader)
    {
        Dictionary<string, IReadOnlyDictionary<string, long>>? result = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isOutputs = reader.ValueTextEquals("output_redactions"u8);
            reader.Read();
            if (!isOutputs || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var path = reader.GetString()!;
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                var entities = new Dictionary<string, long>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var entity = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var count))
                    {
                        entities[entity] = count;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                (result ??= new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal))[path] = entities;
            }
        }

        return result;
    }

    // Returns the prompt's SimHash; counts canaries in the response.
    private static ulong? ReadText(ref Utf8JsonReader reader, CanarySet canaries, ref Dictionary<string, int>? hits)
    {
        ulong? prompt = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isPrompt = reader.ValueTextEquals("prompt"u8);
            var isResponse = !isPrompt && reader.ValueTextEquals("response"u8);
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
            }
            else if (isPrompt)
            {
                prompt = WithText(ref reader, static text => SimHash.Of(text));
            }
            else if (isResponse)
            {
                CountCanaries(ref reader, canaries, ResponsePath, ref hits);
            }
        }

        return prompt;
    }

    private static void ReadPrediction(ref Utf8JsonReader reader, CanarySet canaries, ref Dictionary<string, int>? hits)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLabel = reader.ValueTextEquals("label"u8);
            reader.Read();
            if (isLabel && reader.TokenType == JsonTokenType.String)
            {
                CountCanaries(ref reader, canaries, LabelPath, ref hits);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void CountCanaries(ref Utf8JsonReader reader, CanarySet canaries, string path, ref Dictionary<string, int>? hits)
    {
        if (!canaries.IsEmpty && WithText(ref reader, canaries.CountHits) is > 0 and var n)
        {
            (hits ??= new Dictionary<string, int>(StringComparer.Ordinal))[path] = n;
        }
    }

    // Decodes the current string value into a pooled buffer (no string is made), applies use, and clears the buffer.
    private static T WithText<T>(ref Utf8JsonReader reader, TextFunc<T> use)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var rented = ArrayPool<char>.Shared.Rent(length);
        try
        {
            return use(rented.AsSpan(0, reader.CopyString(rented)));
        }
        finally
        {
            // The buffer held model input or output text: clear it before it goes back to the shared pool.
            Array.Clear(rented, 0, length);
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    // Model names and versions repeat: remember a few per thread by their UTF-8 bytes instead of decoding each time.
    private static string Intern(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 64)
        {
            return reader.GetString()!;
        }

        var memo = _interned ??= new Utf8Memo<string>(64);
        var bytes = reader.ValueSpan;
        var hash = memo.Hash(bytes);
        if (memo.TryGet(bytes, hash, out var known))
        {
            return known;
        }

        var value = reader.GetString()!;
        if (memo.Admit(hash))
        {
            memo.Add(bytes, hash, value);
        }

        return value;
    }

    private delegate T TextFunc<out T>(ReadOnlySpan<char> text);

    // The feature vector (a JSON object) as "name raw-json-value " tokens, names in ordinal order.
    private static ulong FeatureHash(ReadOnlySpan<byte> features, int maxDepth)
    {
        var reader = new Utf8JsonReader(features, new JsonReaderOptions { MaxDepth = maxDepth });
        reader.Read();
        var tokens = new List<(string Name, string Raw)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            tokens.Add((name, Encoding.UTF8.GetString(features[start..(int)reader.BytesConsumed])));
        }

        tokens.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var builder = new StringBuilder();
        foreach (var (name, raw) in tokens)
        {
            builder.Append(name).Append(' ').Append(raw).Append(' ');
        }

        return SimHash.Of(builder.ToString());
    }

    private static string? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}

using System.Text.Json;

namespace StreamPrivacy.Core.Events;

/// <summary>
/// One forward pass over a raw event's UTF-8 JSON (DESIGN §1, §6): checks the fields the pipeline
/// relies on have the right types, numbers are finite, the event time is valid and not too far in the
/// future, and whether consent covers the required purposes. Unknown fields are allowed (redaction is
/// schema-agnostic). Errors name the path and the problem, never a value. Allocation-light: no DOM.
/// </summary>
public sealed class RawEventInspector
{
    private readonly EventValidationOptions _options;
    private readonly TimeProvider _time;
    private readonly string[] _requiredPurposes;
    private readonly int _maxDepth;

    /// <summary>Creates an inspector.</summary>
    public RawEventInspector(EventValidationOptions options, TimeProvider time, IEnumerable<string> requiredPurposes, int maxDepth = 64)
    {
        options.Validate();
        _options = options;
        _time = time;
        _requiredPurposes = requiredPurposes.Distinct(StringComparer.Ordinal).ToArray();
        _maxDepth = maxDepth;
    }

    /// <summary>Inspects <paramref name="json"/> as an event of <paramref name="kind"/>; <paramref name="json"/> must be valid UTF-8 JSON.</summary>
    public EventInspection Inspect(ReadOnlySpan<byte> json, EventKind kind)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = _maxDepth });
        try
        {
            return InspectRoot(ref reader, kind);
        }
        catch (JsonException)
        {
            // Message and position could echo content; the caller validated syntax already, so this is rare.
            return new EventInspection(new InputError(InputErrorReason.MalformedJson, "$", "not well-formed JSON"), false);
        }
    }

    /// <summary>Only the consent check, for documents of any shape.</summary>
    public bool HasConsent(ReadOnlySpan<byte> json) => TopLevelConsent(json).Granted;

    /// <summary>
    /// For documents of any shape (the offline redact command): whether the root object has a
    /// <c>consent</c> member (which makes the document an event), and whether the required purposes are
    /// granted (always true when none are required).
    /// </summary>
    public (bool Present, bool Granted) TopLevelConsent(ReadOnlySpan<byte> json)
    {
        var noneRequired = _requiredPurposes.Length == 0;
        if (json.IndexOf("\"consent\""u8) < 0)
        {
            return (false, noneRequired); // cheap: no such key anywhere
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = _maxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (false, noneRequired);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isConsent = reader.ValueTextEquals("consent"u8);
                reader.Read();
                if (isConsent)
                {
                    return (true, noneRequired || ReadConsent(ref reader, out _));
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return (false, false);
        }

        return (false, noneRequired);
    }

    private EventInspection InspectRoot(ref Utf8JsonReader reader, EventKind kind)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return new EventInspection(new InputError(InputErrorReason.WrongType, "$", "an event must be a JSON object"), false);
        }

        InputError? error = null;
        bool hasId = false, hasTime = false, hasModel = false, hasFeatures = false, consent = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Field(ref reader);
            reader.Read();
            InputError? found = field switch
            {
                "event_id" => CheckId(ref reader, "$.event_id", ref hasId),
                "subject_id" => CheckSubject(ref reader),
                "event_time" => CheckTime(ref reader, ref hasTime),
                "model" => CheckModel(ref reader, ref hasModel),
                "consent" => CheckConsent(ref reader, ref consent),
                "features" => CheckFeatures(ref reader, ref hasFeatures),
                "prediction" or "text" or "attributes" => CheckObject(ref reader, "$." + field),
                _ => CheckNumbers(ref reader, null),
            };
            error ??= found;
        }

        error ??= !hasId ? Missing("$.event_id", "required string is missing")
            : !hasTime ? Missing("$.event_time", "required timestamp is missing")
            : kind == EventKind.Inference && !hasModel ? Missing("$.model", "required object is missing")
            : kind == EventKind.Features && !hasFeatures ? Missing("$.features", "required object is missing")
            : null;
        return new EventInspection(error, consent);
    }

    private static string? Field(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("event_id"u8) ? "event_id"
        : reader.ValueTextEquals("subject_id"u8) ? "subject_id"
        : reader.ValueTextEquals("event_time"u8) ? "event_time"
        : reader.ValueTextEquals("model"u8) ? "model"
        : reader.ValueTextEquals("consent"u8) ? "consent"
        : reader.ValueTextEquals("features"u8) ? "features"
        : reader.ValueTextEquals("prediction"u8) ? "prediction"
        : reader.ValueTextEquals("text"u8) ? "text"
        : reader.ValueTextEquals("attributes"u8) ? "attributes"
        : null;

    private static InputError Missing(string path, string detail) => new(InputErrorReason.MissingField, path, detail);

    private InputError? CheckId(ref Utf8JsonReader reader, string path, ref bool present)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return new InputError(InputErrorReason.WrongType, path, "must be a string");
        }

        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length == 0)
        {
            return new InputError(InputErrorReason.MissingField, path, "must not be empty");
        }

        present = true;
        return length > _options.MaxIdLength * 6 || (length > _options.MaxIdLength && reader.GetString()!.Length > _options.MaxIdLength)
            ? new InputError(InputErrorReason.TooLarge, path, $"longer than {_options.MaxIdLength} characters")
            : null;
    }

    private InputError? CheckSubject(ref Utf8JsonReader reader)
    {
        var ignored = false;
        return CheckId(ref reader, "$.subject_id", ref ignored);
    }

    private InputError? CheckTime(ref Utf8JsonReader reader, ref bool present)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return new InputError(InputErrorReason.WrongType, "$.event_time", "must be an ISO-8601 string");
        }

        present = true;
        Span<char> buffer = stackalloc char[64];
        var length = reader.HasValueSequence || reader.ValueSpan.Length > 64 ? -1 : reader.CopyString(buffer);
        if (length < 0 || !EventTime.TryParse(buffer[..length], out var time))
        {
            return new InputError(InputErrorReason.InvalidTimestamp, "$.event_time", "not an ISO-8601 timestamp");
        }

        // Old timestamps are legitimate backfills; only the future is bounded (DESIGN §6).
        return time - _time.GetUtcNow() > _options.MaxClockSkew
            ? new InputError(InputErrorReason.FutureTimestamp, "$.event_time", "beyond the allowed clock skew into the future")
            : null;
    }

    private static InputError? CheckModel(ref Utf8JsonReader reader, ref bool present)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new InputError(InputErrorReason.WrongType, "$.model", "must be an object");
        }

        present = true;
        bool name = false, version = false;
        InputError? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals("name"u8);
            var isVersion = reader.ValueTextEquals("version"u8);
            reader.Read();
            if (isName || isVersion)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    error ??= new InputError(InputErrorReason.WrongType, isName ? "$.model.name" : "$.model.version", "must be a string");
                }

                name |= isName;
                version |= isVersion;
            }

            error ??= CheckNumbers(ref reader, "$.model");
        }

        return error
            ?? (!name ? Missing("$.model.name", "required string is missing") : null)
            ?? (!version ? Missing("$.model.version", "required string is missing") : null);
    }

    private InputError? CheckConsent(ref Utf8JsonReader reader, ref bool granted)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null; // no consent recorded: the consent filter drops the event, it is not malformed
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return new InputError(InputErrorReason.WrongType, "$.consent", "must be an array of strings");
        }

        granted = ReadConsent(ref reader, out var badIndex);
        return badIndex >= 0 ? new InputError(InputErrorReason.WrongType, $"$.consent[{badIndex}]", "must be a string") : null;
    }

    /// <summary>Reads a consent array (reader on StartArray); true when every required purpose is present.</summary>
    private bool ReadConsent(ref Utf8JsonReader reader, out int badIndex)
    {
        badIndex = -1;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return false;
        }

        Span<bool> found = _requiredPurposes.Length <= 16 ? stackalloc bool[_requiredPurposes.Length] : new bool[_requiredPurposes.Length];
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                if (badIndex < 0)
                {
                    badIndex = index;
                }

                reader.Skip();
            }
            else
            {
                for (var i = 0; i < _requiredPurposes.Length; i++)
                {
                    found[i] |= reader.ValueTextEquals(_requiredPurposes[i]);
                }
            }

            index++;
        }

        return badIndex < 0 && !found.Contains(false);
    }

    private static InputError? CheckFeatures(ref Utf8JsonReader reader, ref bool present)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new InputError(InputErrorReason.WrongType, "$.features", "must be an object");
        }

        present = true;
        InputError? error = null;
        Span<byte> name = stackalloc byte[256];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The feature's name is kept as bytes; its path string is built only for an error (most events have none).
            var longName = reader.HasValueSequence || reader.ValueSpan.Length > name.Length ? reader.GetString() : null;
            var nameLength = longName is null ? reader.CopyString(name) : 0;
            reader.Read();
            var problem = reader.TokenType switch
            {
                // A feature is a scalar or a vector of scalars (embeddings); nested objects are not features.
                JsonTokenType.StartObject => SkipAs(ref reader, InputErrorReason.WrongType),
                JsonTokenType.StartArray => CheckVector(ref reader),
                _ => IsFinite(ref reader) ? (InputErrorReason?)null : InputErrorReason.NonFiniteNumber,
            };
            if (problem is { } reason && error is null)
            {
                var path = "$.features." + (longName ?? System.Text.Encoding.UTF8.GetString(name[..nameLength]));
                error = reason == InputErrorReason.WrongType
                    ? new InputError(InputErrorReason.WrongType, path, "must be a scalar or an array of scalars")
                    : new InputError(InputErrorReason.NonFiniteNumber, path, "number is not finite or out of range");
            }
        }

        return error;
    }

    private static InputErrorReason? SkipAs(ref Utf8JsonReader reader, InputErrorReason reason)
    {
        reader.Skip();
        return reason;
    }

    // The first problem in an array feature: a nested container (wrong type) or a non-finite number.
    private static InputErrorReason? CheckVector(ref Utf8JsonReader reader)
    {
        InputErrorReason? problem = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                problem ??= InputErrorReason.WrongType;
            }
            else if (!IsFinite(ref reader))
            {
                problem ??= InputErrorReason.NonFiniteNumber;
            }
        }

        return problem;
    }

    private static bool IsFinite(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.Number || (reader.TryGetDouble(out var value) && double.IsFinite(value));

    private static InputError? CheckObject(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType is JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new InputError(InputErrorReason.WrongType, path, "must be an object");
        }

        return CheckNumbers(ref reader, path);
    }

    /// <summary>Walks the current value (any shape) and reports the first non-finite number.</summary>
    private static InputError? CheckNumbers(ref Utf8JsonReader reader, string? path)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return CheckNumber(ref reader, path ?? "$");
        }

        var depth = reader.CurrentDepth;
        InputError? error = null;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            error ??= CheckNumber(ref reader, path ?? "$");
        }

        return error;
    }

    private static InputError? CheckNumber(ref Utf8JsonReader reader, string path) =>
        IsFinite(ref reader) ? null : new InputError(InputErrorReason.NonFiniteNumber, path, "number is not finite or out of range");
}

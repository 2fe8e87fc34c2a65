using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamPrivacy.Core.Events;

/// <summary>
/// Checks the structure of a raw event (DESIGN §1, §6) before any policy is applied. Unknown fields
/// are allowed (redaction is schema-agnostic); the fields the pipeline relies on must have the right
/// types. Errors name the path and the problem, never the value.
/// </summary>
public sealed class RawEventValidator
{
    private readonly EventValidationOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates a validator.</summary>
    public RawEventValidator(EventValidationOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
    }

    /// <summary>Validates <paramref name="evt"/> as an event of <paramref name="kind"/>.</summary>
    /// <returns><c>null</c> when valid, otherwise the first problem found.</returns>
    public InputError? Validate(JsonObject evt, EventKind kind)
    {
        return RequireId(evt, "event_id", required: true)
            ?? ValidateEventTime(evt)
            ?? ValidateModel(evt, required: kind == EventKind.Inference)
            ?? RequireId(evt, "subject_id", required: false)
            ?? ValidateConsent(evt)
            ?? ValidateFeatures(evt, required: kind == EventKind.Features)
            ?? ValidateOptionalObject(evt, "prediction")
            ?? ValidateOptionalObject(evt, "text")
            ?? ValidateOptionalObject(evt, "attributes")
            ?? ValidateNumbers(evt, "$");
    }

    private InputError? RequireId(JsonObject evt, string name, bool required)
    {
        if (!evt.TryGetPropertyValue(name, out var node) || node is null)
        {
            return required ? new InputError(InputErrorReason.MissingField, "$." + name, "required string is missing") : null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return new InputError(InputErrorReason.WrongType, "$." + name, "must be a string");
        }

        var length = node.GetValue<string>().Length;
        if (length == 0)
        {
            return new InputError(InputErrorReason.MissingField, "$." + name, "must not be empty");
        }

        return length > _options.MaxIdLength
            ? new InputError(InputErrorReason.TooLarge, "$." + name, $"longer than {_options.MaxIdLength} characters")
            : null;
    }

    private InputError? ValidateEventTime(JsonObject evt)
    {
        if (!evt.TryGetPropertyValue("event_time", out var node) || node is null)
        {
            return new InputError(InputErrorReason.MissingField, "$.event_time", "required timestamp is missing");
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return new InputError(InputErrorReason.WrongType, "$.event_time", "must be an ISO-8601 string");
        }

        if (!TryParseEventTime(node.GetValue<string>(), out var time))
        {
            return new InputError(InputErrorReason.InvalidTimestamp, "$.event_time", "not an ISO-8601 timestamp");
        }

        // Old timestamps are legitimate backfills; only the future is bounded (DESIGN §6).
        return time - _time.GetUtcNow() > _options.MaxClockSkew
            ? new InputError(InputErrorReason.FutureTimestamp, "$.event_time", "beyond the allowed clock skew into the future")
            : null;
    }

    /// <summary>Parses an event time; a timestamp without offset is taken as UTC.</summary>
    public static bool TryParseEventTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out time);

    private static InputError? ValidateModel(JsonObject evt, bool required)
    {
        if (!evt.TryGetPropertyValue("model", out var node) || node is null)
        {
            return required ? new InputError(InputErrorReason.MissingField, "$.model", "required object is missing") : null;
        }

        if (node is not JsonObject model)
        {
            return new InputError(InputErrorReason.WrongType, "$.model", "must be an object");
        }

        foreach (var field in (ReadOnlySpan<string>)["name", "version"])
        {
            if (!model.TryGetPropertyValue(field, out var value) || value is null)
            {
                return new InputError(InputErrorReason.MissingField, "$.model." + field, "required string is missing");
            }

            if (value.GetValueKind() != JsonValueKind.String)
            {
                return new InputError(InputErrorReason.WrongType, "$.model." + field, "must be a string");
            }
        }

        return null;
    }

    private static InputError? ValidateConsent(JsonObject evt)
    {
        if (!evt.TryGetPropertyValue("consent", out var node) || node is null)
        {
            return null; // no consent recorded: the consent filter drops the event, it is not malformed
        }

        if (node is not JsonArray purposes)
        {
            return new InputError(InputErrorReason.WrongType, "$.consent", "must be an array of strings");
        }

        for (var i = 0; i < purposes.Count; i++)
        {
            if (purposes[i]?.GetValueKind() != JsonValueKind.String)
            {
                return new InputError(InputErrorReason.WrongType, $"$.consent[{i}]", "must be a string");
            }
        }

        return null;
    }

    private static InputError? ValidateFeatures(JsonObject evt, bool required)
    {
        if (!evt.TryGetPropertyValue("features", out var node) || node is null)
        {
            return required ? new InputError(InputErrorReason.MissingField, "$.features", "required object is missing") : null;
        }

        if (node is not JsonObject features)
        {
            return new InputError(InputErrorReason.WrongType, "$.features", "must be an object");
        }

        foreach (var (name, value) in features)
        {
            // A feature is a scalar or a vector of scalars (embeddings); nested objects are not features.
            var ok = value switch
            {
                null => true,
                JsonValue => true,
                JsonArray array => array.All(item => item is null or JsonValue),
                _ => false,
            };
            if (!ok)
            {
                return new InputError(InputErrorReason.WrongType, "$.features." + name, "must be a scalar or an array of scalars");
            }
        }

        return null;
    }

    private static InputError? ValidateOptionalObject(JsonObject evt, string name) =>
        evt.TryGetPropertyValue(name, out var node) && node is not null and not JsonObject
            ? new InputError(InputErrorReason.WrongType, "$." + name, "must be an object")
            : null;

    private static InputError? ValidateNumbers(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var error = ValidateNumbers(child, path + "." + name);
                    if (error is not null)
                    {
                        return error;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var error = ValidateNumbers(array[i], $"{path}[{i}]");
                    if (error is not null)
                    {
                        return error;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return IsFinite(value)
                    ? null
                    : new InputError(InputErrorReason.NonFiniteNumber, path, "number is not finite or out of range");
            default:
                return null;
        }
    }

    private static bool IsFinite(JsonValue value)
    {
        // Parsed JSON is backed by a JsonElement; trees built in code hold CLR numbers.
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetDouble(out var parsed) && double.IsFinite(parsed);
        }

        if (value.TryGetValue<double>(out var d))
        {
            return double.IsFinite(d);
        }

        return !value.TryGetValue<float>(out var f) || float.IsFinite(f);
    }
}

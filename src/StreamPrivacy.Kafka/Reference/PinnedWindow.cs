using System.Text.Json;
using StreamPrivacy.Core.Events;

namespace StreamPrivacy.Kafka.Reference;

/// <summary>
/// Which events of a topic form a pinned reference window: one model (and optionally one model
/// version) and event times in [<see cref="From"/>, <see cref="To"/>).
/// </summary>
/// <param name="Topic">Topic to read, normally the sanitized inference topic.</param>
/// <param name="Model">Required <c>model.name</c>.</param>
/// <param name="ModelVersion">Required <c>model.version</c>, or null for any version.</param>
/// <param name="From">Inclusive lower bound on <c>event_time</c>.</param>
/// <param name="To">Exclusive upper bound on <c>event_time</c>.</param>
public sealed record PinnedWindow(string Topic, string Model, string? ModelVersion, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>True when the event belongs to the window; events without a usable model or time do not.</summary>
    public bool Contains(JsonElement evt)
    {
        if (evt.ValueKind != JsonValueKind.Object
            || !evt.TryGetProperty("model", out var model)
            || model.ValueKind != JsonValueKind.Object
            || !IsString(model, "name", Model)
            || (ModelVersion is not null && !IsString(model, "version", ModelVersion)))
        {
            return false;
        }

        return evt.TryGetProperty("event_time", out var time)
            && time.ValueKind == JsonValueKind.String
            && EventTime.TryParse(time.GetString(), out var at)
            && at >= From
            && at < To;
    }

    private static bool IsString(JsonElement obj, string name, string expected) =>
        obj.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.ValueEquals(expected);
}

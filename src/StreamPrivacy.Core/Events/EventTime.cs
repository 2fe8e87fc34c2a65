using System.Globalization;

namespace StreamPrivacy.Core.Events;

/// <summary>Event-time parsing shared by validation and windowing.</summary>
public static class EventTime
{
    /// <summary>Parses an ISO-8601 event time; a timestamp without offset is taken as UTC.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out time);
}

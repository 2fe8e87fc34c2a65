using System.Globalization;

namespace StreamPrivacy.Core.Windowing;

/// <summary>An event-time window [<see cref="Start"/>, <see cref="End"/>).</summary>
/// <remarks>
/// Start is inclusive and end exclusive, so an event exactly at <see cref="End"/> belongs to the
/// next window. Both instants are held in UTC; equality compares instants, so the same window
/// built from different offsets is one window with one <see cref="Id"/>.
/// </remarks>
internal readonly record struct Window
{
    /// <summary>Creates a window; <paramref name="end"/> must be after <paramref name="start"/>.</summary>
    public Window(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException("A window ends after it starts.", nameof(end));
        }

        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    /// <summary>First instant in the window (inclusive).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>First instant after the window (exclusive).</summary>
    public DateTimeOffset End { get; }

    /// <summary>
    /// Stable identifier: ISO-8601 interval <c>start/end</c> in UTC with seven fractional digits,
    /// e.g. <c>2026-01-01T00:00:00.0000000Z/2026-01-01T00:05:00.0000000Z</c>.
    /// </summary>
    /// <remarks>
    /// Used in release identities (DESIGN §3), so the format must not depend on culture or on
    /// the offset the window was built with.
    /// </remarks>
    public string Id => string.Concat(
        Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        "/",
        End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>True when <paramref name="eventTime"/> is in [Start, End).</summary>
    public bool Contains(DateTimeOffset eventTime) => eventTime >= Start && eventTime < End;

    /// <summary>Orders windows by end, then start: the order in which a watermark closes them.</summary>
    public static int CompareByClose(Window left, Window right)
    {
        var byEnd = left.End.CompareTo(right.End);
        return byEnd != 0 ? byEnd : left.Start.CompareTo(right.Start);
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}

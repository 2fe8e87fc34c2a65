namespace StreamPrivacy.Core.Events;

/// <summary>Limits applied to every raw event before it is processed.</summary>
public sealed class EventValidationOptions
{
    /// <summary>How far into the future an event time may lie (producer clock skew). Default 5 minutes.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Maximum length of <c>event_id</c> and <c>subject_id</c>. Default 256.</summary>
    public int MaxIdLength { get; set; } = 256;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        if (MaxClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxClockSkew), "must not be negative");
        }

        if (MaxIdLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIdLength), "must be at least 1");
        }
    }
}

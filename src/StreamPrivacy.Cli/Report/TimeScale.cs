namespace StreamPrivacy.Cli.Report;

/// <summary>Maps times onto an x range (a single instant is centred).</summary>
internal readonly record struct TimeScale(DateTimeOffset Min, DateTimeOffset Max, double Left, double Right)
{
    /// <summary>The x coordinate of <paramref name="time"/>.</summary>
    public double X(DateTimeOffset time)
    {
        var span = (Max - Min).TotalSeconds;
        return span <= 0 ? (Left + Right) / 2 : Left + ((time - Min).TotalSeconds / span * (Right - Left));
    }
}

namespace StreamPrivacy.Cli.Demo;

/// <summary>Demo command settings.</summary>
internal sealed record DemoSettings(long Events, TimeSpan Duration, int Rate, bool Drift, int Seed);

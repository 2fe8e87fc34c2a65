using System.Text.Json;
using StreamPrivacy.Core.Drift;

namespace StreamPrivacy.Core.Windowing;

/// <summary>
/// The exact histograms of one stream in one window on one source partition: one per reference
/// feature, bins from the reference profile. Size is fixed by the profile, not by the events.
/// </summary>
internal sealed class WindowProfile
{
    private readonly FeatureHistogram[] _histograms;

    /// <summary>Creates empty histograms for every feature of <paramref name="reference"/>.</summary>
    public WindowProfile(StreamId stream, ReferenceProfile reference, long firstOffset)
    {
        Stream = stream;
        Reference = reference;
        FirstOffset = firstOffset;
        _histograms = [.. reference.Features.Select(f => f.CreateHistogram())];
    }

    /// <summary>The stream.</summary>
    public StreamId Stream { get; }

    /// <summary>The reference whose bins are used.</summary>
    public ReferenceProfile Reference { get; }

    /// <summary>Offset of the first source record counted (the state is rebuilt from here after a restart).</summary>
    public long FirstOffset { get; }

    /// <summary>Events counted.</summary>
    public long Events { get; private set; }

    /// <summary>The histograms, in reference feature order.</summary>
    public IReadOnlyList<FeatureHistogram> Histograms => _histograms;

    /// <summary>Counts every monitored value of <paramref name="evt"/>; absent features count as missing.</summary>
    public void Add(JsonElement evt)
    {
        Events++;
        var features = Reference.Features;
        for (var i = 0; i < _histograms.Length; i++)
        {
            if (MonitoredValues.TryGet(evt, features[i].Name, out var value))
            {
                _histograms[i].TryAdd(value);
            }
            else
            {
                _histograms[i].AddMissing();
            }
        }
    }
}

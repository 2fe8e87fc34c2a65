using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace StreamPrivacy.Kafka.Telemetry;

/// <summary>
/// The live sources of one observable instrument: components register a callback while they run
/// (a stage's consumer, a pipeline's release stage) and the instrument's callback reads them all at
/// collection time. Thread-safe.
/// </summary>
internal sealed class MeasurementSources<T>
    where T : struct
{
    private readonly ConcurrentDictionary<Registration, Func<IEnumerable<Measurement<T>>>> _sources = new();

    /// <summary>Adds <paramref name="source"/> until the returned handle is disposed.</summary>
    public IDisposable Register(Func<IEnumerable<Measurement<T>>> source)
    {
        var registration = new Registration(this);
        _sources[registration] = source;
        return registration;
    }

    /// <summary>Every registered source's current measurements.</summary>
    public IEnumerable<Measurement<T>> Observe()
    {
        var all = new List<Measurement<T>>();
        foreach (var source in _sources.Values)
        {
            all.AddRange(source());
        }

        return all;
    }

    private sealed class Registration(MeasurementSources<T> owner) : IDisposable
    {
        public void Dispose() => owner._sources.TryRemove(this, out _);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using StreamPrivacy.Kafka.Telemetry;

namespace StreamPrivacy.Kafka.Tests.Telemetry;

/// <summary>Listens to the StreamPrivacy meter in-process and keeps every measurement of the named instruments.</summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();

    public MetricCapture(params string[] instruments)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StreamPrivacyTelemetry.Name && instruments.Contains(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    /// <summary>Calls the observable instruments' callbacks now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in tags)
        {
            copy[k] = v;
        }

        Measurements.Enqueue((instrument.Name, value, copy));
    }
}

using System.Text.Json;

namespace StreamPrivacy.Core.Drift;

/// <summary>
/// The JSON vocabulary of drift results, shared by the offline <c>drift</c> command and the streaming
/// ledger, metrics and alert records: metric wire names and how a metric value is written.
/// </summary>
internal static class DriftJson
{
    /// <summary>All drift metrics in wire order.</summary>
    public static IReadOnlyList<DriftMetric> Metrics { get; } =
        [DriftMetric.Psi, DriftMetric.Kl, DriftMetric.Js, DriftMetric.Ks, DriftMetric.WassersteinNorm, DriftMetric.Chi2, DriftMetric.Chi2P];

    /// <summary>The wire name of a drift metric.</summary>
    public static string MetricName(DriftMetric metric) => metric switch
    {
        DriftMetric.Psi => "psi",
        DriftMetric.Kl => "kl",
        DriftMetric.Js => "js",
        DriftMetric.Ks => "ks",
        DriftMetric.WassersteinNorm => "wasserstein_norm",
        DriftMetric.Chi2 => "chi2",
        DriftMetric.Chi2P => "chi2_p",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>Parses a wire metric name.</summary>
    public static DriftMetric ParseMetric(string name) =>
        Metrics.First(m => string.Equals(MetricName(m), name, StringComparison.Ordinal));

    /// <summary>Writes a number (a metric value, ε, ρ), or null when absent or not finite.</summary>
    public static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

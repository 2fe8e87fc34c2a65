using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Drift.Offline;

/// <summary>
/// Compares a current sample against a reference sample (DESIGN §4), optionally releasing the
/// current histograms with discrete Laplace noise (DESIGN §3). The reference is public and not
/// noised. Each subject contributes at most k events (first k in file order), so a histogram has L1
/// sensitivity k; the total ε is split equally across features (basic composition). The noise of a
/// feature's release is drawn from a stream seeded by HMAC(noise key, release id), where the release id
/// binds the reference profile hash, the current file's hash, the feature and its ε: the same inputs and
/// key give byte-identical output, and a release is never re-drawn with fresh noise. Each feature goes
/// through <see cref="FeatureReleaser"/>, which also attaches 90% error bars to the metrics, computed from
/// the released counts only (post-processing, no further ε).
/// </summary>
public static class OfflineDriftAnalysis
{
    // Without noise the release id seeds nothing; it is only passed for the uniform call.
    private const string ExactReleaseId = "offline-drift/v1|exact";

    /// <summary>Runs the comparison.</summary>
    /// <exception cref="InvalidDataException">The reference yields no features.</exception>
    public static OfflineDriftReport Run(TextReader reference, TextReader current, OfflineDriftOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ContributionBound, 1);
        long invalid = 0;
        var builder = new ReferenceProfileBuilder(options.Bins);
        while (reference.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (TryParse(line) is { } document)
            {
                using (document)
                {
                    builder.AddEvent(document.RootElement);
                }
            }
            else
            {
                invalid++;
            }
        }

        var profile = builder.Build();
        if (profile.Features.Count == 0)
        {
            throw new InvalidDataException("the reference file has no features (expected JSON lines with a 'features' object)");
        }

        var histograms = profile.Features.ToDictionary(f => f.Name, f => f.CreateHistogram(), StringComparer.Ordinal);
        var contributions = new Dictionary<string, int>(StringComparer.Ordinal);
        long used = 0, dropped = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (current.ReadLine() is { } line)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = TryParse(line);
            if (document is null)
            {
                invalid++;
                continue;
            }

            var root = document.RootElement;
            if (options.SubjectField is not null)
            {
                // Contribution bounding: a subject's events beyond the first k are not counted.
                var subject = Lookup(root, options.SubjectField) is { } s ? s.ToString() : string.Empty;
                var seen = contributions.GetValueOrDefault(subject);
                if (seen >= options.ContributionBound)
                {
                    dropped++;
                    continue;
                }

                contributions[subject] = seen + 1;
            }

            used++;
            foreach (var (name, histogram) in histograms)
            {
                if (MonitoredValues.TryGet(root, name, out var value))
                {
                    histogram.TryAdd(value);
                }
            }
        }

        var currentHash = Convert.ToHexStringLower(hash.GetHashAndReset());
        var results = new List<FeatureRelease>(profile.Features.Count);
        var noiseKey = options.Epsilon is null ? null : options.NoiseKey ?? SecretKey.Generate("noise");
        var perFeature = options.Epsilon is { } total ? total / new Rational(profile.Features.Count, 1) : (Rational?)null;
        foreach (var feature in profile.Features)
        {
            var counts = histograms[feature.Name].Counts.ToArray();
            if (perFeature is { } epsilon)
            {
                var mechanism = new LaplaceMechanism(epsilon, options.ContributionBound);
                var releaseId = string.Create(CultureInfo.InvariantCulture, $"offline-drift/v1|{profile.ContentHash}|sha256:{currentHash}|{feature.Name}|{epsilon}");
                results.Add(FeatureReleaser.Release(feature, counts, mechanism, noiseKey, releaseId, options.Thresholds, options.ErrorBarSamples));
            }
            else
            {
                results.Add(FeatureReleaser.Release(feature, counts, mechanism: null, noiseKey: null, ExactReleaseId, options.Thresholds));
            }
        }

        return new OfflineDriftReport(results, builder.Events, used, invalid, dropped, profile.ContentHash);
    }

    /// <summary>Writes the report as the documented JSON object.</summary>
    public static void WriteJson(OfflineDriftReport report, Utf8JsonWriter json, bool emitCounts, Rational? totalEpsilon)
    {
        json.WriteStartObject();
        json.WriteStartObject("features");
        foreach (var feature in report.Features)
        {
            var r = feature.Result;
            json.WriteStartObject(r.Feature);
            json.WriteString("type", r.Kind == FeatureKind.Numeric ? "numeric" : "categorical");
            foreach (var metric in DriftJson.Metrics)
            {
                DriftJson.WriteNumber(json, DriftJson.MetricName(metric), r.Get(metric));
            }

            json.WriteBoolean("drifted", r.Drifted);
            if (emitCounts)
            {
                json.WriteStartArray("counts");
                foreach (var count in feature.ReleasedCounts)
                {
                    json.WriteNumberValue(count);
                }

                json.WriteEndArray();
            }

            if (feature.Noise is { } noise)
            {
                json.WriteStartObject("dp");
                json.WriteString("mechanism", noise.Mechanism);
                json.WriteNumber("epsilon", noise.Epsilon!.Value.ToDouble());
                json.WriteNumber("scale", noise.Scale);
                json.WriteNumber("sensitivity", noise.Sensitivity);
                json.WriteNumber("error_bar_90", noise.ErrorBar90);
                if (feature.ErrorBars is { } bars)
                {
                    json.WriteStartObject("error_bars");
                    foreach (var metric in Enum.GetValues<DriftMetric>())
                    {
                        if (bars.TryGetValue(metric, out var interval))
                        {
                            json.WriteStartArray(DriftJson.MetricName(metric));
                            json.WriteNumberValue(interval.Low);
                            json.WriteNumberValue(interval.High);
                            json.WriteEndArray();
                        }
                    }

                    json.WriteEndObject();
                    json.WriteNumber("confidence", FeatureReleaser.ErrorBarConfidence);
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("dp");
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("summary");
        json.WriteNumber("reference_events", report.ReferenceEvents);
        json.WriteNumber("current_events", report.CurrentEvents);
        json.WriteNumber("invalid_lines", report.InvalidLines);
        json.WriteNumber("dropped_by_contribution_bound", report.DroppedByBound);
        json.WriteString("reference_profile_hash", report.ProfileHash);
        if (totalEpsilon is { } epsilon)
        {
            json.WriteNumber("epsilon_total", epsilon.ToDouble());
            json.WriteString("epsilon_split", "equal per feature (basic composition)");
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static JsonDocument? TryParse(string line)
    {
        try
        {
            var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Lookup(JsonElement root, string path)
    {
        var current = root;
        foreach (var segment in path.TrimStart('$').TrimStart('.').Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}

using StreamPrivacy.Core.Privacy;
using StreamPrivacy.Core.Windowing;

namespace StreamPrivacy.Core.Drift.Release;

/// <summary>
/// Turns a closed, merged window into a release (DESIGN §2–4): charges the stream's budget for the
/// window, draws noise per feature from HMAC(noise key, release id ‖ feature), computes drift
/// against the reference and the error bars, and applies alert hysteresis. Not thread-safe.
/// </summary>
/// <remarks>
/// Privacy semantics: the charge (all features of the window together) is taken before any noise is
/// drawn; a refused charge releases nothing. The caller records the returned release in the ledger
/// before emitting it, and never calls this twice for a release id it has recorded.
/// </remarks>
internal sealed class WindowReleaser
{
    private readonly ReleaseSettings _settings;
    private readonly PrivacyAccountant _accountant;
    private readonly SecretKey? _noiseKey;
    private readonly DriftAlertTracker _alerts;
    private readonly TimeProvider _time;

    /// <summary>Creates the releaser; <paramref name="noiseKey"/> is required unless the mechanism is none.</summary>
    public WindowReleaser(ReleaseSettings settings, PrivacyAccountant accountant, SecretKey? noiseKey, DriftAlertTracker alerts, TimeProvider time)
    {
        if (settings.Mechanism != ReleaseMechanism.None)
        {
            ArgumentNullException.ThrowIfNull(noiseKey);
        }

        _settings = settings;
        _accountant = accountant;
        _noiseKey = noiseKey;
        _alerts = alerts;
        _time = time;
    }

    /// <summary>The settings in force.</summary>
    public ReleaseSettings Settings => _settings;

    /// <summary>Releases <paramref name="pending"/> against <paramref name="reference"/> if the budget allows.</summary>
    public ReleaseOutcome Release(PendingWindow pending, ReferenceProfile reference, string policyVersion)
    {
        var stream = pending.Stream.Key;
        var charge = _settings.WindowCharge;
        var before = _accountant.Get(stream, pending.Window.Start);
        BudgetState after;
        if (!charge.IsZero && !_accountant.TryCharge(stream, charge, pending.Window.Start, out after))
        {
            return new ReleaseOutcome(null, after, StoppedNow: !before.Exhausted);
        }

        after = _accountant.Get(stream, pending.Window.Start);
        var releaseId = ReleaseRecord.IdOf(pending.Stream, pending.Window, policyVersion);
        var mechanism = _settings.FeatureMechanism(Math.Max(1, reference.Features.Count));
        var features = new List<FeatureRelease>(reference.Features.Count);
        foreach (var feature in reference.Features)
        {
            var counts = pending.Counts.TryGetValue(feature.Name, out var merged) && merged.Length == feature.Layout.BinCount
                ? merged
                : new long[feature.Layout.BinCount];
            features.Add(FeatureReleaser.Release(feature, counts, mechanism, _noiseKey, releaseId + "|" + feature.Name, _settings.Thresholds, _settings.ErrorBarSamples));
        }

        var record = new ReleaseRecord(releaseId, pending.Stream, pending.Window, policyVersion, reference.ContentHash, charge, features, [.. reference.Features.Select(f => f.Layout.BinLabels())], [], _time.GetUtcNow());
        return new ReleaseOutcome(record with { Alerts = ObserveAlerts(record) }, after, StoppedNow: false);
    }

    /// <summary>Replays a recorded release into the alert hysteresis (after a restart), without charging or emitting.</summary>
    public void Restore(ReleaseRecord record) => ObserveAlerts(record);

    private List<DriftAlertChange> ObserveAlerts(ReleaseRecord record)
    {
        var changes = new List<DriftAlertChange>();
        foreach (var feature in record.Features)
        {
            var result = feature.Result;
            foreach (var (metric, threshold) in _settings.Thresholds.For(result.Feature).OrderBy(kv => kv.Key))
            {
                if (result.Get(metric) is not { } value)
                {
                    continue;
                }

                var transition = _alerts.Observe(new DriftAlertKey(record.Stream.Key, result.Feature, metric), result.Triggered.Contains(metric), record.Window);
                if (transition != AlertTransition.None)
                {
                    changes.Add(new DriftAlertChange(result.Feature, metric, transition, value, threshold));
                }
            }
        }

        return changes;
    }
}

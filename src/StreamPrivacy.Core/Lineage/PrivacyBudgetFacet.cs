namespace StreamPrivacy.Core.Lineage;

/// <summary>Custom run facet <c>streamprivacy_privacy_budget</c>.</summary>
/// <param name="Mechanism">discrete_laplace, discrete_gaussian or none.</param>
/// <param name="Epsilon">ε charged (pure DP), or null.</param>
/// <param name="Rho">ρ charged (zCDP), or null.</param>
/// <param name="Delta">δ used to report ρ as (ε, δ), or null.</param>
/// <param name="ReleaseId">The release, for RUNNING events of the release stage.</param>
/// <param name="Stream">Stream key (model/version/feature set).</param>
public sealed record PrivacyBudgetFacet(string Mechanism, double? Epsilon, double? Rho, double? Delta, string? ReleaseId, string? Stream);

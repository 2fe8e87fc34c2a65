namespace StreamPrivacy.Core.Privacy;

/// <summary>A histogram released with DP noise, with the facts a reader needs to interpret it.</summary>
/// <remarks>
/// Privacy semantics: <see cref="Counts"/> are the only data-derived values; the other fields are
/// public parameters. Noisy counts may be negative; clamping or rounding them afterwards is
/// post-processing and costs no privacy. <see cref="Epsilon"/> is set for pure ε-DP releases,
/// <see cref="Rho"/> for ρ-zCDP releases. <see cref="ErrorBar90"/> is the half-width h of the
/// central 90% interval of the noise: P(|noise| ≤ h) ≥ 0.9.
/// </remarks>
/// <param name="Mechanism">"discrete_laplace" or "discrete_gaussian".</param>
/// <param name="Epsilon">ε of a pure-DP release, else null.</param>
/// <param name="Rho">ρ of a zCDP release, else null.</param>
/// <param name="Sensitivity">The L1 (Laplace) or L2 (Gaussian) sensitivity k.</param>
/// <param name="Scale">The noise scale: t for discrete Laplace, σ for discrete Gaussian.</param>
/// <param name="ErrorBar90">Half-width of the central 90% noise interval.</param>
/// <param name="Counts">The noisy counts, in the order of the input counts.</param>
public sealed record NoisyHistogram(
    string Mechanism,
    Rational? Epsilon,
    Rational? Rho,
    int Sensitivity,
    double Scale,
    long ErrorBar90,
    IReadOnlyList<long> Counts);

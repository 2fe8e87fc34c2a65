namespace StreamPrivacy.Core.Privacy;

/// <summary>
/// The privacy cost of one release (or of all releases of a stream in one window, summed): a pure
/// ε-DP part and a ρ-zCDP part.
/// </summary>
/// <remarks>
/// Privacy semantics: charges compose additively — ε values add under basic composition of pure
/// DP and ρ values add under zCDP composition — so the features of one window (which all contain the
/// same subject) are charged as the sum, and consecutive windows add up over the budget period.
/// Both parts are exact rationals so sums never drift below the true spend.
/// </remarks>
public readonly record struct PrivacyCharge
{
    /// <summary>Creates a charge; both parts must be non-negative.</summary>
    public PrivacyCharge(Rational epsilon, Rational rho)
    {
        if (epsilon.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be non-negative");
        }

        if (rho.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "ρ must be non-negative");
        }

        Epsilon = epsilon;
        Rho = rho;
    }

    /// <summary>The pure ε-DP part.</summary>
    public Rational Epsilon { get; }

    /// <summary>The ρ-zCDP part.</summary>
    public Rational Rho { get; }

    /// <summary>True when the charge costs nothing.</summary>
    public bool IsZero => Epsilon.IsZero && Rho.IsZero;

    /// <summary>A pure ε-DP charge.</summary>
    public static PrivacyCharge ForEpsilon(Rational epsilon) => new(epsilon, Rational.Zero);

    /// <summary>A ρ-zCDP charge.</summary>
    public static PrivacyCharge ForRho(Rational rho) => new(Rational.Zero, rho);

    /// <summary>The composed charge of two releases on the same data.</summary>
    public static PrivacyCharge Add(PrivacyCharge left, PrivacyCharge right) => new(left.Epsilon + right.Epsilon, left.Rho + right.Rho);

    /// <summary>Composes (adds) two charges.</summary>
    public static PrivacyCharge operator +(PrivacyCharge left, PrivacyCharge right) => Add(left, right);

    /// <inheritdoc/>
    public override string ToString() => $"ε={Epsilon}, ρ={Rho}";
}

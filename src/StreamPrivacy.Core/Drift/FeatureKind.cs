namespace StreamPrivacy.Core.Drift;

/// <summary>How a feature is binned for drift (DESIGN §4).</summary>
public enum FeatureKind
{
    /// <summary>Equal-frequency bins from reference quantiles; values are finite doubles.</summary>
    Numeric = 0,

    /// <summary>One bin per reference category (ordinal order) plus one <c>other</c> bin.</summary>
    Categorical = 1,
}

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>Options for <see cref="PiiDetectors.CreateDefault(PiiDetectorOptions?)"/>.</summary>
public sealed class PiiDetectorOptions
{
    /// <summary>
    /// Regions (ISO 3166 alpha-2) tried, in order, for phone numbers written without a country code;
    /// defaults to <see cref="PhoneNumberDetector.DefaultRegions"/> (US, GB, DE, FR, IN).
    /// </summary>
    public IReadOnlyList<string> PhoneRegions { get; init; } = PhoneNumberDetector.DefaultRegions;
}

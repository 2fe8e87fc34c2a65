namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>Factory for the built-in detectors, one per entity type of <see cref="EntityTypes.BuiltIn"/>.</summary>
public static class PiiDetectors
{
    /// <summary>
    /// Creates the built-in detectors: e-mail, phone, credit card, IBAN, US SSN, IP and MAC address, person name.
    /// The instances are stateless and thread-safe; create them once and share them.
    /// </summary>
    /// <param name="options">Phone default regions; null for the defaults.</param>
    public static IReadOnlyList<IPiiDetector> CreateDefault(PiiDetectorOptions? options = null)
    {
        options ??= new PiiDetectorOptions();
        return
        [
            new EmailDetector(),
            new PhoneNumberDetector(options.PhoneRegions),
            new CreditCardDetector(),
            new IbanDetector(),
            new UsSsnDetector(),
            new IpAddressDetector(),
            new MacAddressDetector(),
            new Person.PersonDetector(),
        ];
    }
}

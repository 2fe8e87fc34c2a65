namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>Checksum a <see cref="RegexDetector"/> applies to each regex match before reporting it.</summary>
public enum ChecksumKind
{
    /// <summary>No checksum: every regex match is reported.</summary>
    None = 0,

    /// <summary>Luhn (mod 10) over the decimal digits of the match (payment cards, IMEI, many national ids).</summary>
    Luhn = 1,

    /// <summary>
    /// ISO 7064 MOD 97-10 in the IBAN arrangement over the letters and digits of the match: the first four
    /// characters move to the end, letters count as 10..35, and the remainder must be 1.
    /// </summary>
    Mod97 = 2,

    /// <summary>Verhoeff over the decimal digits of the match (e.g. Indian Aadhaar).</summary>
    Verhoeff = 3,
}

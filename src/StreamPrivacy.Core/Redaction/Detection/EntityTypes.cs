namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>Built-in entity type names, in Presidio's vocabulary.</summary>
public static class EntityTypes
{
    /// <summary>E-mail address.</summary>
    public const string EmailAddress = "EMAIL_ADDRESS";

    /// <summary>Telephone number (validated with libphonenumber).</summary>
    public const string PhoneNumber = "PHONE_NUMBER";

    /// <summary>Payment card number (13–19 digits, Luhn).</summary>
    public const string CreditCard = "CREDIT_CARD";

    /// <summary>International bank account number (country length, mod-97).</summary>
    public const string IbanCode = "IBAN_CODE";

    /// <summary>US social security number (area/group/serial validity).</summary>
    public const string UsSsn = "US_SSN";

    /// <summary>IPv4 or IPv6 address.</summary>
    public const string IpAddress = "IP_ADDRESS";

    /// <summary>MAC (EUI-48) address.</summary>
    public const string MacAddress = "MAC_ADDRESS";

    /// <summary>A person's name (given names, family names, full names).</summary>
    public const string Person = "PERSON";

    /// <summary>All built-in types.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [EmailAddress, PhoneNumber, CreditCard, IbanCode, UsSsn, IpAddress, MacAddress, Person];
}

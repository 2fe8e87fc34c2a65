using System.Collections.Frozen;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Maps a JSON property name to the <see cref="FieldHint"/> it implies. Names are compared by their
/// letters and digits only, case-insensitively (<c>cardNumber</c>, <c>card_number</c> and <c>Card-Number</c>
/// are one key), and a trailing plural <c>s</c> is ignored (<c>phones</c>, <c>customer_names</c>).
/// </summary>
public static class FieldHints
{
    private const int MaxKeyLength = 40;

    // Keys that name a person only inside something that is a person: "name" of a customer is a name, "name" of
    // a model, a feature or a file is not.
    private static readonly FrozenSet<string> GenericPersonKeys = FrozenSet.Create(StringComparer.Ordinal,
        "name", "first", "last", "full", "fullname", "displayname", "nickname", "given", "family", "middle");

    private static readonly FrozenSet<string> PersonRoles = FrozenSet.Create(StringComparer.Ordinal,
        "guest", "passenger", "traveler", "traveller", "driver", "member", "holder", "contact", "user", "agent", "rep",
        "doctor", "physician", "nurse", "teacher", "student", "parent", "child", "mother", "father", "spouse", "partner",
        "emergency", "emergencycontact", "nextofkin", "signer", "signatory", "approver", "reviewer", "manager",
        "supervisor", "applicant", "candidate", "tenant", "landlord", "buyer", "seller", "speaker", "host", "attendee",
        "caller", "participant", "subscriber", "account", "billing", "shipping", "insured", "policyholder", "witness",
        "referrer", "sponsor", "guarantor", "cosigner", "consignee", "shipper", "addressee", "representative", "legal",
        "preferred", "maiden", "given", "family", "middle", "full", "first", "last", "customer", "client", "patient",
        "employee", "owner", "author", "recipient", "sender", "requester", "reporter", "assignee", "beneficiary",
        "payee", "cardholder", "accountholder", "person", "contactperson", "technician", "operator", "courier",
        "instructor", "coach", "trainer", "pilot", "captain", "officer", "lawyer", "attorney", "notary", "dentist",
        "pharmacist", "therapist", "caregiver", "guardian", "spouse", "emergencycontactperson");

    private static readonly FrozenSet<string> PersonContainers = FrozenSet.Create(StringComparer.Ordinal,
        "user", "users", "profile", "person", "people", "persons", "contact", "contacts", "member", "members", "guest", "guests",
        "passenger", "passengers", "driver", "student", "students", "applicant", "applicants", "holder", "signer", "signers",
        "customers", "clients", "patients", "authors", "participants", "attendees", "employees", "staff", "candidate",
        "candidates", "individual", "party", "parties", "traveler", "travelers", "traveller", "travellers", "subject",
        "requesters", "recipients", "senders", "owners", "customer", "client", "patient", "author", "employee", "recipient",
        "sender", "owner", "requester", "reporter", "assignee", "cardholder", "accountholder", "beneficiary", "payee",
        "guardian", "spouse", "nextofkin", "emergencycontact", "agent", "agents", "tenant", "tenants", "buyer", "seller",
        "insured", "policyholder", "witness", "speaker", "caller", "reviewer", "approver", "manager", "teacher", "doctor");

    private static readonly FrozenDictionary<string, FieldHint> Keys = Build();

    private static readonly FrozenDictionary<string, FieldHint>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Keys.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="key"/> is a generic name key whose meaning depends on where it stands.</summary>
    internal static bool IsGeneric(ReadOnlySpan<char> key)
    {
        Span<char> folded = stackalloc char[MaxKeyLength];
        var compact = Compact(key, folded);
        return !compact.IsEmpty && GenericPersonKeys.GetAlternateLookup<ReadOnlySpan<char>>().Contains(compact);
    }

    /// <summary>True when a property named <paramref name="parent"/> holds a person (its generic name keys are names).</summary>
    internal static bool IsPersonContainer(string parent)
    {
        Span<char> folded = stackalloc char[MaxKeyLength];
        var compact = Compact(parent, folded);
        return !compact.IsEmpty && PersonContainers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(compact);
    }

    private static ReadOnlySpan<char> StripNameSuffix(ReadOnlySpan<char> compact)
    {
        var prefix = compact[..^4];
        return prefix.EndsWith("full", StringComparison.Ordinal) && prefix.Length > 4 ? prefix[..^4] : prefix;
    }

    private static ReadOnlySpan<char> Compact(ReadOnlySpan<char> key, Span<char> folded)
    {
        if (key.IsEmpty || key.Length > MaxKeyLength)
        {
            return default;
        }

        var length = 0;
        foreach (var c in key)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded[length++] = char.ToLowerInvariant(c);
            }
        }

        return folded[..length];
    }

    /// <summary>The hint for a property named <paramref name="key"/> wherever it stands; <see cref="FieldHint.None"/> for most names.</summary>
    public static FieldHint ForKey(ReadOnlySpan<char> key)
    {
        Span<char> folded = stackalloc char[MaxKeyLength];
        var compact = Compact(key, folded);
        if (compact.IsEmpty)
        {
            return FieldHint.None;
        }

        if (Lookup.TryGetValue(compact, out var hint))
        {
            return hint;
        }

        if (compact.Length > 3 && compact[^1] == 's' && Lookup.TryGetValue(compact[..^1], out hint))
        {
            return hint;
        }

        // "<role>name" / "<role>_full_name": the name of someone in a role ("guest_name", "driver_full_name").
        if (compact.EndsWith("name", StringComparison.Ordinal) && PersonRoles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(StripNameSuffix(compact)))
        {
            return FieldHint.Person;
        }

        // Compound keys that contain the entity's name ("customer_ssn", "ssn_number", "home_phone_2", "iban_de"): the
        // value is still validated as that entity, so a key that merely mentions it ("phone_verified") costs nothing.
        return compact.StartsWith("ssn", StringComparison.Ordinal) || compact.EndsWith("ssn", StringComparison.Ordinal)
            || compact.Contains("socialsecurity", StringComparison.Ordinal) ? FieldHint.UsSsn
            : compact.Contains("phone", StringComparison.Ordinal) || compact.Contains("mobile", StringComparison.Ordinal) ? FieldHint.Phone
            : compact.Contains("cardnumber", StringComparison.Ordinal) || compact.Contains("creditcard", StringComparison.Ordinal)
                || compact.Contains("debitcard", StringComparison.Ordinal) ? FieldHint.CreditCard
            : compact.Contains("iban", StringComparison.Ordinal) ? FieldHint.Iban
            : FieldHint.None;
    }

    private static FrozenDictionary<string, FieldHint> Build()
    {
        var map = new Dictionary<string, FieldHint>(StringComparer.Ordinal);
        void Add(FieldHint hint, params string[] keys)
        {
            foreach (var key in keys)
            {
                map[key] = hint;
            }
        }

        Add(FieldHint.Person,
            "name", "fullname", "firstname", "lastname", "givenname", "familyname", "surname", "middlename", "maidenname",
            "nickname", "displayname", "legalname", "preferredname", "first", "last", "forename", "forenames",
            "customer", "customername", "client", "clientname", "patient", "patientname", "person", "personname",
            "contactname", "contactperson", "author", "authorname", "recipient", "recipientname", "sender", "sendername",
            "employee", "employeename", "agentname", "requester", "requestername", "reporter", "reportername",
            "assignee", "assigneename", "owner", "ownername", "cardholder", "cardholdername", "holdername",
            "accountholder", "accountholdername", "beneficiary", "beneficiaryname", "payee", "payeename",
            "username", "signedby", "createdbyname", "guardian", "spouse", "nextofkin", "emergencycontact");
        Add(FieldHint.UsSsn,
            "ssn", "ssnumber", "socialsecurity", "socialsecuritynumber", "socialsecurityno", "ssnno", "usssn", "taxid", "tin",
            "taxpayerid", "taxidentificationnumber", "itin", "socsec");
        Add(FieldHint.CreditCard,
            "card", "cardnumber", "cardno", "cardnum", "pan", "cc", "ccnumber", "ccnum", "creditcard", "creditcardnumber",
            "debitcard", "debitcardnumber", "paymentcard", "paymentcardnumber", "primaryaccountnumber");
        Add(FieldHint.Phone,
            "phone", "phonenumber", "phoneno", "phonenum", "tel", "telephone", "telephonenumber", "mobile", "mobilenumber",
            "mobilephone", "cell", "cellphone", "cellnumber", "msisdn", "fax", "faxnumber", "contactnumber", "contactphone",
            "homephone", "workphone", "whatsapp", "landline");
        Add(FieldHint.Iban, "iban", "ibannumber", "ibancode", "bankaccountiban", "accountiban");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

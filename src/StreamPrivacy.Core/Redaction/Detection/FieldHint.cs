namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// The entity type a field's name says its value holds (<c>ssn</c>, <c>card_number</c>, <c>phone</c>,
/// <c>iban</c>, <c>first_name</c>, …). A key that names the entity is context enough: the value is
/// checked with that type's own validation only (an SSN's area/group/serial rules, a card's Luhn sum),
/// without the context words or layouts running text needs.
/// </summary>
public enum FieldHint
{
    /// <summary>The key says nothing about the value.</summary>
    None,

    /// <summary>A person's name (<c>name</c>, <c>first_name</c>, <c>customer</c>, <c>author</c>, …).</summary>
    Person,

    /// <summary>A US social security number (<c>ssn</c>, <c>social_security_number</c>).</summary>
    UsSsn,

    /// <summary>A payment card number (<c>card_number</c>, <c>pan</c>, <c>credit_card</c>).</summary>
    CreditCard,

    /// <summary>A telephone number (<c>phone</c>, <c>mobile</c>, <c>tel</c>).</summary>
    Phone,

    /// <summary>An IBAN (<c>iban</c>).</summary>
    Iban,
}

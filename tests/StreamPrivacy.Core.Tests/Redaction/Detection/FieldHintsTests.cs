using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class FieldHintsTests
{
    [Theory]
    [InlineData("ssn", FieldHint.UsSsn)]
    [InlineData("social_security_number", FieldHint.UsSsn)]
    [InlineData("cardNumber", FieldHint.CreditCard)]
    [InlineData("Card-Number", FieldHint.CreditCard)]
    [InlineData("pan", FieldHint.CreditCard)]
    [InlineData("phone", FieldHint.Phone)]
    [InlineData("phones", FieldHint.Phone)]
    [InlineData("mobile_number", FieldHint.Phone)]
    [InlineData("IBAN", FieldHint.Iban)]
    [InlineData("first_name", FieldHint.Person)]
    [InlineData("customer", FieldHint.Person)]
    [InlineData("customer_names", FieldHint.Person)]
    [InlineData("author", FieldHint.Person)]
    [InlineData("name", FieldHint.Person)]
    [InlineData("score", FieldHint.None)]
    [InlineData("model_version", FieldHint.None)]
    [InlineData("", FieldHint.None)]
    public void ForKey_KnownKeys_GiveTheirHint(string key, FieldHint expected) => Assert.Equal(expected, FieldHints.ForKey(key));

    [Theory]
    [InlineData("name", true)]
    [InlineData("first", true)]
    [InlineData("customer_name", false)]
    public void IsGeneric_GenericNameKeys_True(string key, bool expected) => Assert.Equal(expected, FieldHints.IsGeneric(key));

    [Theory]
    [InlineData("customer", true)]
    [InlineData("users", true)]
    [InlineData("model", false)]
    [InlineData("feature", false)]
    public void IsPersonContainer_PersonKeys_True(string key, bool expected) => Assert.Equal(expected, FieldHints.IsPersonContainer(key));
}

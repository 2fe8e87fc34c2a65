using System.Text;
using StreamPrivacy.Core.Redaction;

namespace StreamPrivacy.Core.Tests.Redaction;

public sealed class JsonNumberDigitsTests
{
    [Theory]
    [InlineData("4111111111111111", "4111111111111111")]
    [InlineData("4111111111111111.0", "4111111111111111")]
    [InlineData("4111111111111111.000", "4111111111111111")]
    [InlineData("4.111111111111111e15", "4111111111111111")]
    [InlineData("4.111111111111111E+15", "4111111111111111")]
    [InlineData("41111111111111.11e2", "4111111111111111")]
    [InlineData("5.36221234e8", "536221234")]
    [InlineData("-536221234", "536221234")]
    [InlineData("0.5e1", "5")]
    [InlineData("12e3", "12000")]
    public void TryGetInteger_IntegerValued_GivesItsDigits(string json, string expected)
    {
        Span<char> digits = stackalloc char[JsonNumberDigits.MaxDigits];
        Assert.True(JsonNumberDigits.TryGetInteger(Encoding.ASCII.GetBytes(json), digits, out var length));
        Assert.Equal(expected, digits[..length].ToString());
    }

    [Theory]
    [InlineData("0.87")]
    [InlineData("52000.5")]
    [InlineData("4111111111111111.5")]
    [InlineData("1e40")]
    [InlineData("0")]
    [InlineData("1e-3")]
    [InlineData("1e")]
    public void TryGetInteger_FractionZeroOrTooLong_False(string json)
    {
        Span<char> digits = stackalloc char[JsonNumberDigits.MaxDigits];
        Assert.False(JsonNumberDigits.TryGetInteger(Encoding.ASCII.GetBytes(json), digits, out _));
    }
}

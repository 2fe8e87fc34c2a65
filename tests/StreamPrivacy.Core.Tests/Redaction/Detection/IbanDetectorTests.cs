using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class IbanDetectorTests
{
    private readonly IbanDetector _detector = new();

    [Theory]
    [InlineData("IBAN GB82 WEST 1234 5698 7654 32 please", "GB82 WEST 1234 5698 7654 32")]
    [InlineData("IBAN: GB82WEST12345698765432.", "GB82WEST12345698765432")]
    [InlineData("to de89 3704 0044 0532 0130 00", "de89 3704 0044 0532 0130 00")]
    [InlineData("FR1420041010050500013M02606", "FR1420041010050500013M02606")]
    [InlineData("(NO9386011117947)", "NO9386011117947")]
    [InlineData("acct BE68539007547034,", "BE68539007547034")]
    public void Detect_ValidIban_ReportsExactSpan(string text, string expected) =>
        DetectorAssert.FindsExactly(_detector, text, expected);

    [Theory]
    [InlineData("IBAN GB83 WEST 1234 5698 7654 32")]
    [InlineData("IBAN GB82WEST1234569876543")]
    [InlineData("IBAN GB82WEST123456987654321")]
    [InlineData("IBAN XX82WEST12345698765432")]
    [InlineData("refGB82WEST12345698765432")]
    [InlineData("GB82WEST12345698765432X")]
    public void Detect_LookAlike_ReportsNothing(string text) => DetectorAssert.FindsNothing(_detector, text);

    [Fact]
    public void LengthFor_EveryRegistryCountry_IsBetween15And34()
    {
        foreach (var country in IbanRegistry.Countries)
        {
            Assert.InRange(IbanRegistry.LengthFor(country[0], country[1]), 15, 34);
        }

        Assert.True(IbanRegistry.Countries.Count() >= 89, "registry must list all SWIFT countries");
    }
}

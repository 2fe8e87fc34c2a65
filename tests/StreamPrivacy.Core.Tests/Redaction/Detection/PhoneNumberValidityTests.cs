using PhoneNumbers;
using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class PhoneNumberValidityTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [Fact]
    public void IsValidNumberForRegion_EveryRegion_AgreesWithTheLibrary()
    {
        var validity = new PhoneNumberValidity(Util);
        var random = new Random(20_261_120);
        var checks = 0;
        var valid = 0;
        foreach (var region in Util.GetSupportedRegions().Order(StringComparer.Ordinal))
        {
            var metadata = Util.GetMetadataForRegion(region);
            var countryCode = metadata.CountryCode;
            var numbers = new List<string>();
            foreach (var desc in new[] { metadata.GeneralDesc, metadata.FixedLine, metadata.Mobile, metadata.TollFree, metadata.PremiumRate, metadata.Voip })
            {
                if (desc.HasExampleNumber)
                {
                    numbers.Add(desc.ExampleNumber);

                    // Near misses of a valid number: one digit changed, one digit more or less.
                    var example = desc.ExampleNumber;
                    var position = random.Next(example.Length);
                    numbers.Add(example[..position] + (char)('0' + random.Next(10)) + example[(position + 1)..]);
                    numbers.Add(example + random.Next(10));
                    numbers.Add(example[..^1]);
                }
            }

            for (var i = 0; i < 60; i++)
            {
                var length = random.Next(3, 16);
                numbers.Add(string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10)))).TrimStart('0').PadLeft(length, '1'));
            }

            foreach (var national in numbers)
            {
                var number = new PhoneNumber.Builder().SetCountryCode(countryCode).SetNationalNumber(ulong.Parse(national, System.Globalization.CultureInfo.InvariantCulture)).Build();
                var expected = Util.IsValidNumberForRegion(number, region);
                Assert.True(expected == validity.IsValidNumberForRegion(number, region), $"{region} +{countryCode} {national}");
                checks++;
                valid += expected ? 1 : 0;

                // Another region's calling code is never valid for this region.
                var foreign = new PhoneNumber.Builder().SetCountryCode(countryCode == 44 ? 49 : 44).SetNationalNumber(number.NationalNumber).Build();
                Assert.Equal(Util.IsValidNumberForRegion(foreign, region), validity.IsValidNumberForRegion(foreign, region));
            }
        }

        Assert.True(checks > 10_000);
        Assert.True(valid > 1_000);
    }

    [Fact]
    public void IsValidNumberForRegion_NonGeographicalAndLeadingZeros_AgreeWithTheLibrary()
    {
        var validity = new PhoneNumberValidity(Util);
        var tollFree = Util.Parse("+800 1234 5678", "ZZ");
        Assert.Equal(Util.IsValidNumberForRegion(tollFree, "001"), validity.IsValidNumberForRegion(tollFree, "001"));
        var italian = Util.GetExampleNumber("IT"); // a fixed line with its leading zero kept
        Assert.True(italian.HasNumberOfLeadingZeros || italian.NumberOfLeadingZeros > 0 || Util.GetNationalSignificantNumber(italian)[0] == '0');
        Assert.True(validity.IsValidNumberForRegion(italian, "IT"));
        Assert.Equal(Util.IsValidNumberForRegion(italian, "IT"), validity.IsValidNumberForRegion(italian, "IT"));
    }
}

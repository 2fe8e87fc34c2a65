using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

/// <summary>The windows the phone detector no longer hands to libphonenumber would not have produced a match.</summary>
public sealed class PhoneNumberPrefilterTests
{
    [Fact]
    public void SkippedWindows_GiveTheSameMatchesAsAskingLibphonenumber()
    {
        var fast = new PhoneNumberDetector();
        var full = new PhoneNumberDetector { SkipsProvablyRejectedWindows = false };
        var random = new Random(42);
        string[] areaCodes = ["212", "415", "646", "312", "020", "030", "555", "800", "011", "1"];
        string[] separators = [" ", "-", ".", "  ", "/", ") ", "--"];
        for (var i = 0; i < 4_000; i++)
        {
            // Digit groups of 1–7 digits, 7–15 digits in all, often opening with a real area code.
            var window = new System.Text.StringBuilder();
            if (random.Next(3) == 0)
            {
                window.Append(random.Next(4) == 0 ? "(" : string.Empty).Append(areaCodes[random.Next(areaCodes.Length)]);
            }

            var digits = window.ToString().Count(char.IsAsciiDigit);
            var target = random.Next(7, 16);
            while (digits < target)
            {
                if (window.Length > 0)
                {
                    window.Append(random.Next(5) == 0 ? separators[random.Next(separators.Length)] : separators[random.Next(3)]);
                }

                var size = Math.Min(target - digits, random.Next(1, 8));
                for (var d = 0; d < size; d++)
                {
                    window.Append((char)('0' + random.Next(10)));
                }

                digits += size;
            }

            var text = "call " + window + " today";
            var expected = Matches(full, text);
            Assert.True(expected == Matches(fast, text), text);
        }
    }

    [Theory]
    [InlineData("Contact me on 3792-453625-42254 about the offer.")]
    [InlineData("Contact me on 3056-930902-5904 about the offer.")]
    [InlineData("reach me at (415) 555-2671 or 415.555.2671 or 1 415 555 2671 or 4155552671")]
    [InlineData("reach me at 415-555-2671/212-555-5555")]
    public void KnownShapes_SameMatchesEitherWay(string text) =>
        Assert.Equal(Matches(new PhoneNumberDetector { SkipsProvablyRejectedWindows = false }, text), Matches(new PhoneNumberDetector(), text));

    private static string Matches(PhoneNumberDetector detector, string text)
    {
        var results = new List<PiiMatch>();
        detector.Detect(text, results);
        return string.Join(";", results.Select(m => $"{m.Start}+{m.Length}@{m.Score}"));
    }
}

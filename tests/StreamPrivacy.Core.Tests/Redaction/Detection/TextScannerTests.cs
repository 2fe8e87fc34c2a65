using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Detection;

public sealed class TextScannerTests
{
    private static readonly TextScanner Scanner = new(PiiDetectors.CreateDefault(), 0.4);

    private static List<PiiMatch> Scan(string text, FieldHint hint = FieldHint.None)
    {
        var results = new List<PiiMatch>();
        Scanner.Scan(text, results, [], hint);
        return results;
    }

    private static string Redacted(string text, FieldHint hint = FieldHint.None)
    {
        var builder = new System.Text.StringBuilder();
        var position = 0;
        foreach (var match in Scan(text, hint))
        {
            builder.Append(text[position..match.Start]).Append('<').Append(match.EntityType).Append('>');
            position = match.End;
        }

        return builder.Append(text[position..]).ToString();
    }

    [Theory]
    [InlineData("card 4111\u00A01111\u00A01111\u00A01111 ok", "card <CREDIT_CARD> ok")]
    [InlineData("card 4111\u200B1111\u200B1111\u200B1111 ok", "card <CREDIT_CARD> ok")]
    [InlineData("card \uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11", "card <CREDIT_CARD>")]
    [InlineData("card \u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661.", "card <CREDIT_CARD>.")]
    [InlineData("ssn 536\u201322\u20131234", "ssn <US_SSN>")]
    [InlineData("mail user\uFF20example.com now", "mail <EMAIL_ADDRESS> now")]
    [InlineData("call +44\u202F20\u202F7946\u202F0958", "call <PHONE_NUMBER>")]
    public void Scan_HostileUnicodeForms_RedactsTheOriginalSpan(string text, string expected) =>
        Assert.Equal(expected, Redacted(text));

    [Theory]
    [InlineData("call (702) 934-1693 81.200.245.78 now", "call <PHONE_NUMBER> <IP_ADDRESS> now")]
    [InlineData("2001:db8:85a3::8a2e:370:d285 (312) 653-0620", "<IP_ADDRESS> <PHONE_NUMBER>")]
    [InlineData("jane@example.com +44 20 7946 0958", "<EMAIL_ADDRESS> <PHONE_NUMBER>")]
    [InlineData("4111 1111 1111 1111 12/28", "<CREDIT_CARD> 12/28")]
    public void Scan_AdjacentEntities_RedactsBoth(string text, string expected) =>
        Assert.Equal(expected, Redacted(text));

    [Fact]
    public void Scan_LosingCandidate_KeepsItsUncoveredPart()
    {
        // Two detectors claim overlapping spans; the loser's characters outside the winner are still redacted.
        var scanner = new TextScanner([new FixedDetector("A", 0, 6, 0.9), new FixedDetector("B", 4, 10, 0.5)], 0.4);
        var results = new List<PiiMatch>();
        scanner.Scan("abcdefghijkl", results, []);
        Assert.Equal([(0, 6, "A"), (6, 4, "B")], results.Select(m => (m.Start, m.Length, m.EntityType)));
    }

    [Fact]
    public void Scan_OverlappingCandidatesOfOneType_AreMergedWithCombinedScore()
    {
        var scanner = new TextScanner([new FixedDetector("P", 0, 5, 0.5), new FixedDetector("P", 3, 9, 0.6)], 0.4);
        var results = new List<PiiMatch>();
        scanner.Scan("abcdefghijkl", results, []);
        var match = Assert.Single(results);
        Assert.Equal((0, 9), (match.Start, match.Length));
        Assert.Equal(0.8, match.Score, 6);
    }

    [Theory]
    [InlineData("536221234", FieldHint.UsSsn, "<US_SSN>")]
    [InlineData("536-22-1234", FieldHint.UsSsn, "<US_SSN>")]
    [InlineData("123456789", FieldHint.UsSsn, "123456789")]          // the canonical placeholder is not an SSN
    [InlineData("4000000000000002", FieldHint.CreditCard, "<CREDIT_CARD>")] // Luhn-valid, no known issuer prefix
    [InlineData("4000000000000003", FieldHint.CreditCard, "4000000000000003")]
    [InlineData("4155550132", FieldHint.Phone, "<PHONE_NUMBER>")]
    [InlineData("555-0132", FieldHint.Phone, "<PHONE_NUMBER>")]
    [InlineData("DE89-3704-0044-0532-0130-00", FieldHint.Iban, "<IBAN_CODE>")]
    [InlineData(" Maria Garcia ", FieldHint.Person, " <PERSON> ")]
    [InlineData("Kwabena Asante-Darko", FieldHint.Person, "<PERSON>")]
    [InlineData("credit-risk", FieldHint.Person, "credit-risk")]
    [InlineData("gold", FieldHint.Person, "gold")]
    [InlineData("536221234", FieldHint.None, "536221234")]
    public void Scan_WithFieldHint_ValidatesTheWholeValue(string text, FieldHint hint, string expected) =>
        Assert.Equal(expected, Redacted(text, hint));

    [Fact]
    public void Scan_PersonHintWithPersonDisabled_DoesNotReportNames()
    {
        var scanner = new TextScanner(PiiDetectors.CreateDefault().Where(d => d.EntityType != EntityTypes.Person), 0.4);
        var results = new List<PiiMatch>();
        scanner.Scan("Maria Garcia", results, [], FieldHint.Person);
        Assert.Empty(results);
    }

    private sealed class FixedDetector(string type, int start, int end, double score) : IPiiDetector
    {
        public string EntityType => type;

        public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results) => results.Add(new PiiMatch(start, end - start, type, score));
    }
}

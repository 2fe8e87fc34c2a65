using System.Buffers;
using System.Text.RegularExpressions;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Finds EUI-48 MAC addresses: six pairs of hex digits joined by ':' or '-' (one kind per address) and the
/// Cisco dotted form of three groups of four hex digits. A candidate that continues into a longer
/// colon/dash/dot run (EUI-64, IPv6 fragments) or is glued to letters is not reported.
/// </summary>
public sealed partial class MacAddressDetector : IPiiDetector
{
    private const double Score = 0.9;

    private static readonly SearchValues<char> Separators = SearchValues.Create(":-.");

    /// <inheritdoc />
    public string EntityType => EntityTypes.MacAddress;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        // Every address has a separator with hex digits on both sides ("1B:44", "4411.3a"); prose without such a
        // spot never reaches the regex, whose lookbehinds make a full scan cost about a microsecond.
        if (text.Length < 14 || !HasCandidate(text))
        {
            return;
        }

        foreach (var match in MacPattern().EnumerateMatches(text))
        {
            results.Add(new PiiMatch(match.Index, match.Length, EntityType, Score));
        }
    }

    private static bool HasCandidate(ReadOnlySpan<char> text)
    {
        int from = 2;
        while (from < text.Length - 2)
        {
            int rel = text[from..^2].IndexOfAny(Separators);
            if (rel < 0)
            {
                return false;
            }

            int i = from + rel;
            if (char.IsAsciiHexDigit(text[i - 1]) && char.IsAsciiHexDigit(text[i - 2])
                && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                return true;
            }

            from = i + 1;
        }

        return false;
    }

    [GeneratedRegex(
        @"(?<![0-9A-Za-z_])(?<!(?:^|[^0-9A-Za-z_])[0-9A-Fa-f]{2}[:-])" +
        @"(?:[0-9A-Fa-f]{2}(?<sep>[:-])[0-9A-Fa-f]{2}(?:\k<sep>[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})" +
        @"(?![0-9A-Za-z_])(?![:.-][0-9A-Fa-f])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 250)]
    private static partial Regex MacPattern();
}

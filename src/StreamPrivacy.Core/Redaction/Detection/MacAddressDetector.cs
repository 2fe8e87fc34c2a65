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
        int candidate = text.Length < 14 ? -1 : FirstCandidate(text);
        if (candidate < 0)
        {
            return;
        }

        // An address starts at most four hex digits before its first separator; the lookbehinds still see
        // the characters before the start position.
        foreach (var match in MacPattern().EnumerateMatches(text, Math.Max(0, candidate - 4)))
        {
            results.Add(new PiiMatch(match.Index, match.Length, EntityType, Score));
        }
    }

    /// <summary>Index of the first separator with two hex digits on each side, or -1.</summary>
    private static int FirstCandidate(ReadOnlySpan<char> text)
    {
        int from = 2;
        while (from < text.Length - 2)
        {
            int rel = text[from..^2].IndexOfAny(Separators);
            if (rel < 0)
            {
                return -1;
            }

            int i = from + rel;
            if (char.IsAsciiHexDigit(text[i - 1]) && char.IsAsciiHexDigit(text[i - 2])
                && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                return i;
            }

            from = i + 1;
        }

        return -1;
    }

    [GeneratedRegex(
        @"(?<![0-9A-Za-z_])(?<!(?:^|[^0-9A-Za-z_])[0-9A-Fa-f]{2}[:-])" +
        @"(?:[0-9A-Fa-f]{2}(?<sep>[:-])[0-9A-Fa-f]{2}(?:\k<sep>[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})" +
        @"(?![0-9A-Za-z_])(?![:.-][0-9A-Fa-f])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 250)]
    private static partial Regex MacPattern();
}

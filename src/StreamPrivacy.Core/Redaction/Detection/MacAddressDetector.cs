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
        // The shortest address is 14 characters with a separator; prose without one never reaches the regex.
        if (text.Length < 14 || !text.ContainsAny(Separators))
        {
            return;
        }

        foreach (var match in MacPattern().EnumerateMatches(text))
        {
            results.Add(new PiiMatch(match.Index, match.Length, EntityType, Score));
        }
    }

    [GeneratedRegex(
        @"(?<![0-9A-Za-z_])(?<!(?:^|[^0-9A-Za-z_])[0-9A-Fa-f]{2}[:-])" +
        @"(?:[0-9A-Fa-f]{2}(?<sep>[:-])[0-9A-Fa-f]{2}(?:\k<sep>[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})" +
        @"(?![0-9A-Za-z_])(?![:.-][0-9A-Fa-f])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 250)]
    private static partial Regex MacPattern();
}

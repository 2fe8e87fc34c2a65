using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Finds IPv4 and IPv6 addresses; every candidate is confirmed with <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>.
/// IPv4: exactly four dot-separated decimal octets 0–255 without leading zeros ("010" is octal to some parsers
/// and decimal to others, and zero-padded dotted numbers are usually versions or dates), not part of a longer
/// dotted number ("1.2.3.4.5") and not glued to letters; a dotted quad right after "v"/"V" or after the words
/// "version", "ver", "build", "release", "rev", "revision" is a version string and is left alone.
/// IPv6: full, compressed ("::"), with an embedded IPv4 tail and an optional "%zone" suffix; a bare "::" is only
/// reported as a standalone whitespace-delimited token (low score), never glued to words ("std::vector").
/// </summary>
public sealed class IpAddressDetector : IPiiDetector
{
    private const double Score = 0.85;
    private const double UnspecifiedScore = 0.4;

    private static readonly SearchValues<char> Ipv4Chars = SearchValues.Create("0123456789.");
    private static readonly SearchValues<char> Ipv6Chars = SearchValues.Create("0123456789abcdefABCDEF:.");
    private static readonly SearchValues<char> DigitsOrColon = SearchValues.Create("0123456789:");
    private static readonly string[] VersionWords = ["version", "ver", "build", "release", "rev", "revision", "v"];

    /// <inheritdoc />
    public string EntityType => EntityTypes.IpAddress;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        int from = 0;
        while (from < text.Length)
        {
            int rel = text[from..].IndexOfAny(DigitsOrColon);
            if (rel < 0)
            {
                return;
            }

            int p = from + rel;
            from = text[p] == ':' ? TryIpv6(text, p, results) : TryIpv4(text, p, results);
        }
    }

    private int TryIpv4(ReadOnlySpan<char> text, int start, List<PiiMatch> results)
    {
        int end = start;
        while (end < text.Length && Ipv4Chars.Contains(text[end]))
        {
            end++;
        }

        int resume = end;
        while (end > start && text[end - 1] == '.')
        {
            end--;
        }

        var candidate = text[start..end];
        if (IsDottedQuad(candidate)
            && (start == 0 || !(DetectionText.IsWordChar(text[start - 1]) || text[start - 1] == '.'))
            && (end >= text.Length || !DetectionText.IsWordChar(text[end]))
            && !FollowsVersionWord(text, start)
            && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetwork)
        {
            results.Add(new PiiMatch(start, end - start, EntityType, Score));
        }

        return resume;
    }

    private int TryIpv6(ReadOnlySpan<char> text, int colon, List<PiiMatch> results)
    {
        int start = colon;
        while (start > 0 && Ipv6Chars.Contains(text[start - 1]))
        {
            start--;
        }

        int end = colon;
        while (end < text.Length && Ipv6Chars.Contains(text[end]))
        {
            end++;
        }

        int resume = end;
        if (end + 1 < text.Length && text[end] == '%' && char.IsAsciiLetterOrDigit(text[end + 1]))
        {
            end++;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.' or '-'))
            {
                end++;
            }

            resume = end;
        }

        // Trim punctuation that belongs to the sentence ("…at fe80::1.", "ip:2001:db8::1") but keep a trailing "::".
        while (end > start && text[end - 1] == '.')
        {
            end--;
        }

        if (end - start >= 2 && text[end - 1] == ':' && text[end - 2] != ':')
        {
            end--;
        }

        if (end - start >= 2 && text[start] == ':' && text[start + 1] != ':')
        {
            start++;
        }

        var candidate = text[start..end];
        if (candidate.SequenceEqual("::"))
        {
            // The unspecified address as a token of its own ("bound to ::"), not "std::vector"; a " :: " separator
            // in a log line is reported too, which only costs redacting two colons.
            if ((start == 0 || char.IsWhiteSpace(text[start - 1]) || text[start - 1] is '[' or '"' or '\'')
                && (end >= text.Length || char.IsWhiteSpace(text[end]) || text[end] is ']' or '"' or '\'' or ',' or ';'))
            {
                results.Add(new PiiMatch(start, 2, EntityType, UnspecifiedScore));
            }

            return Math.Max(resume, colon + 1);
        }

        if (candidate.Length >= 3
            && candidate.Count(':') >= 2
            && IsPlausibleIpv6Text(candidate)
            && (start == 0 || !DetectionText.IsWordChar(text[start - 1]))
            && (end >= text.Length || !DetectionText.IsWordChar(text[end]))
            && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            results.Add(new PiiMatch(start, end - start, EntityType, Score));
        }

        return Math.Max(resume, colon + 1);
    }

    /// <summary>
    /// Rejects code-like tokens that happen to parse ("a::b", "Foo::Bar" fragments): an address needs a decimal
    /// digit or at least three non-empty groups.
    /// </summary>
    private static bool IsPlausibleIpv6Text(ReadOnlySpan<char> candidate)
    {
        if (candidate.IndexOfAny(DetectionText.Digits) >= 0)
        {
            return true;
        }

        int groups = 0;
        foreach (var range in candidate.Split(':'))
        {
            groups += range.End.Value > range.Start.Value ? 1 : 0;
        }

        return groups >= 3;
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> s)
    {
        int parts = 0;
        foreach (var range in s.Split('.'))
        {
            var octet = s[range];
            if (++parts > 4 || octet.Length is 0 or > 3 || (octet.Length > 1 && octet[0] == '0')
                || int.Parse(octet, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return parts == 4;
    }

    /// <summary>True when the word just before <paramref name="start"/> (skipping spaces, ':' and '=') marks a version.</summary>
    private static bool FollowsVersionWord(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i > 0 && text[i - 1] is ' ' or ':' or '=' or '\t')
        {
            i--;
        }

        int wordEnd = i;
        while (i > 0 && char.IsAsciiLetter(text[i - 1]))
        {
            i--;
        }

        var word = text[i..wordEnd];
        foreach (var candidate in VersionWords)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

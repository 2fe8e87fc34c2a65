using System.Buffers;
using PhoneNumbers;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// Finds telephone numbers with libphonenumber (<c>FindNumbers</c>, <see cref="PhoneNumberUtil.Leniency.VALID"/>).
/// A span prefilter looks for a run of at least seven digits (separators " -.()/" and a leading '+' allowed)
/// that starts a token; only that window is handed to libphonenumber, once per default region, so clean text
/// never reaches the library. International numbers ("+44 20 7946 0958", "0044 …") parse with any region;
/// national ones are tried in each configured region (default US, GB, DE, FR, IN). A '+'-prefixed number that
/// has a possible length for its country but is not in a range libphonenumber knows is still reported, at a lower score,
/// and so is a NANP number in the unmistakable 3-3-4 layout ("(555) 123-4567") when a NANP region is configured.
/// </summary>
/// <remarks>
/// Outside the NANP a national number is only accepted when written with its trunk prefix ("030 1234567",
/// "01 42 68 53 00"), except ten-digit Indian mobiles; without that rule the permissive German and Indian
/// numbering plans turn dates, ids and timestamps into "valid" numbers. Matches shaped like SSNs, dotted
/// quads, dates, long contiguous digit runs (ids, millisecond timestamps, cards) or a fragment of a longer
/// digit-group run are dropped; scores stay below the checksum-validated types so the scanner prefers those.
/// </remarks>
public sealed class PhoneNumberDetector : IPiiDetector
{
    /// <summary>Regions tried for national-format numbers when none are configured.</summary>
    public static IReadOnlyList<string> DefaultRegions { get; } = ["US", "GB", "DE", "FR", "IN"];

    private const double InternationalScore = 0.7;
    private const double NationalScore = 0.55;
    private const double PossibleScore = 0.45;
    private const int MinDigits = 7;
    private const int MaxE164Digits = 15;
    private const int MaxContiguousDigits = 12;

    private static readonly SearchValues<char> StartChars = SearchValues.Create("0123456789+(");
    private static readonly SearchValues<char> ExtensionMarkers = SearchValues.Create("xXeE");
    private static readonly SearchValues<char> DecimalChars = SearchValues.Create("0123456789.");
    private static readonly SearchValues<char> PlainPhoneChars = SearchValues.Create("0123456789 -.()");
    private static readonly SearchValues<char> RunChars = SearchValues.Create("0123456789 -.()/_~");

    private readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();
    private readonly PhoneNumberValidity _validity;
    private readonly string[] _regions;
    private readonly int[] _regionCountryCodes;
    private readonly bool[] _regionNeedsTrunkPrefix;
    private readonly int _nanpRegion = -1;

    /// <summary>Creates a detector trying <paramref name="regions"/> (ISO 3166 alpha-2) for national formats.</summary>
    /// <param name="regions">Default regions in priority order; null or empty means <see cref="DefaultRegions"/>.</param>
    public PhoneNumberDetector(IEnumerable<string>? regions = null)
    {
        var list = regions?.Select(r => r.Trim().ToUpperInvariant()).Where(r => r.Length > 0).Distinct().ToArray() ?? [];
        _regions = list.Length > 0 ? list : [.. DefaultRegions];
        _validity = new PhoneNumberValidity(_util);
        _regionCountryCodes = new int[_regions.Length];
        _regionNeedsTrunkPrefix = new bool[_regions.Length];
        for (int i = 0; i < _regions.Length; i++)
        {
            _regionCountryCodes[i] = _util.GetCountryCodeForRegion(_regions[i]);
            if (_regionCountryCodes[i] == 0)
            {
                throw new ArgumentException($"Unknown phone region '{_regions[i]}'.", nameof(regions));
            }

            _regionNeedsTrunkPrefix[i] = _util.GetNddPrefixForRegion(_regions[i], true) == "0";
            if (_regionCountryCodes[i] == 1 && _nanpRegion < 0)
            {
                _nanpRegion = i;
            }
        }
    }

    /// <summary>
    /// Whether windows that libphonenumber provably cannot turn into an accepted number are skipped
    /// (<see cref="MayHoldNanpNumber"/>, <see cref="HasInteriorGroupOfThree"/>); off only to test that equivalence.
    /// </summary>
    internal bool SkipsProvablyRejectedWindows { get; init; } = true;

    /// <summary>The regions tried for national formats, in order.</summary>
    public IReadOnlyList<string> Regions => _regions;

    /// <inheritdoc />
    public string EntityType => EntityTypes.PhoneNumber;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        int from = 0;
        while (from < text.Length)
        {
            int rel = text[from..].IndexOfAny(StartChars);
            if (rel < 0)
            {
                return;
            }

            int start = from + rel;
            int end = start + 1;
            int digits = char.IsAsciiDigit(text[start]) ? 1 : 0;
            while (end < text.Length && RunChars.Contains(text[end]))
            {
                digits += char.IsAsciiDigit(text[end]) ? 1 : 0;
                end++;
            }

            from = end;
            if (digits >= MinDigits && !DetectionText.IsTokenStart(text, start))
            {
                // "…:d285 (312) 653-0620": the run starts inside another token; a number may still follow it.
                from = DetectionText.SkipDigits(text, char.IsAsciiDigit(text[start]) ? start : start + 1);
                continue;
            }

            if (digits < MinDigits || DetectionText.IsInsideSpacedIban(text, start))
            {
                continue;
            }

            // Trailing separators are sentence punctuation; a closing parenthesis only belongs to the number
            // when the window also opened one ("(415) 555-2671" yes, "(ssn 064563110)" no).
            while (end > start && !char.IsAsciiDigit(text[end - 1])
                && (text[end - 1] != ')' || text[start..end].IndexOf('(') < 0))
            {
                end--;
            }

            // Windows glued to more text ("0837.8342.ec6f", "04-42-35-83-A1", "…2005 03:22") are fragments of
            // MACs, hashes or timestamps; windows that are wholly a date, timestamp, SSN or dotted quad, or a
            // contiguous nine-digit SSN next to its context word, never reach libphonenumber either.
            // E.164 caps a number at 15 digits: a longer window (after a leading date is set aside) is a
            // card, an account or numbers glued together, and libphonenumber would be asked in vain.
            if (CountDigits(text[SkipLeadingDate(text, start, end)..end]) > MaxE164Digits)
            {
                // More digits than a phone number can hold: numbers next to each other ("(702) 934-1693 81.200.245.78",
                // "+1-414-515-1623 2720 7301 1239 6947", "415-555-2671/212-555-5555"). The first number is looked for in
                // the prefixes that end at a space or slash, longest first; the rest is scanned in the next round.
                from = FindInLongWindow(text, start, end, results);
                continue;
            }

            end = IncludeExtension(text, end);
            start = SkipLeadingDate(text, start, end);
            if (IsWindowEnd(text, end) && CountDigits(text[start..end]) >= MinDigits
                && !HasLookAlikeShape(text[start..end]) && !IsContextualSsn(text, start, end))
            {
                FindInWindow(text, start, end, results);
            }
        }
    }

    /// <summary>
    /// Handles a window with more digits than any phone number: tries the prefixes that end before a space or a
    /// slash and hold <see cref="MinDigits"/> to <see cref="MaxE164Digits"/> digits, longest first, and stops at the
    /// first that yields a number. Returns where scanning resumes: after that number, else after the shortest
    /// prefix (so the rest of the window is looked at), else after the window (one long run: a card or an id).
    /// </summary>
    private int FindInLongWindow(ReadOnlySpan<char> text, int start, int end, List<PiiMatch> results)
    {
        Span<int> cuts = stackalloc int[16];
        var count = 0;
        var digits = 0;
        for (var i = start; i < end && count < cuts.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                if (++digits > MaxE164Digits)
                {
                    break;
                }
            }
            else if (text[i] is ' ' or '/' && digits >= MinDigits && i > start && char.IsAsciiDigit(text[i - 1]) | text[i - 1] == ')')
            {
                cuts[count++] = i;
            }
        }

        for (var c = count - 1; c >= 0; c--)
        {
            var cut = cuts[c];
            var before = results.Count;
            var windowStart = SkipLeadingDate(text, start, cut);
            if (CountDigits(text[windowStart..cut]) >= MinDigits && !HasLookAlikeShape(text[windowStart..cut]) && !IsContextualSsn(text, windowStart, cut))
            {
                FindInWindow(text, windowStart, cut, results);
            }

            if (results.Count > before)
            {
                return cut + 1;
            }
        }

        return count > 0 ? cuts[0] + 1 : end;
    }

    /// <summary>"2026-11-20 415-555-2671": a date joined to the number by a space is skipped, not read as digits of it.</summary>
    private static int SkipLeadingDate(ReadOnlySpan<char> text, int start, int end)
    {
        Span<int> sizes = stackalloc int[3];
        int i = start, groups = 0;
        char separator = '\0';
        while (true)
        {
            int groupStart = i;
            while (i < end && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == groupStart)
            {
                return start;
            }

            sizes[groups++] = i - groupStart;
            if (groups == 3)
            {
                break;
            }

            if (i >= end || text[i] is not ('-' or '/' or '.') || (separator != '\0' && text[i] != separator))
            {
                return start;
            }

            separator = text[i++];
        }

        bool date = (sizes[0] == 4 && sizes[1] <= 2 && sizes[2] <= 2) || (sizes[0] <= 2 && sizes[1] <= 2 && sizes[2] == 4);
        return date && i + 1 < end && text[i] == ' ' ? i + 1 : start;
    }

    /// <summary>
    /// Extends the window over an extension ("x123", " ext. 123", " ext 123") so that libphonenumber reports it
    /// as part of the number and the redaction covers it.
    /// </summary>
    private static int IncludeExtension(ReadOnlySpan<char> text, int end)
    {
        int i = end;
        if (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var rest = text[i..];
        int marker = rest.StartsWith("ext.", StringComparison.OrdinalIgnoreCase) ? 4
            : rest.StartsWith("ext", StringComparison.OrdinalIgnoreCase) ? 3
            : rest.Length > 0 && rest[0] is 'x' or 'X' ? 1
            : 0;
        if (marker == 0)
        {
            return end;
        }

        i += marker;
        if (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        int digitsEnd = DetectionText.SkipDigits(text, i);
        return digitsEnd > i && digitsEnd - i <= 6 && DetectionText.IsTokenEnd(text, digitsEnd) ? digitsEnd : end;
    }

    private static int CountDigits(ReadOnlySpan<char> span)
    {
        int digits = 0;
        foreach (char c in span)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits;
    }

    private static bool IsWindowEnd(ReadOnlySpan<char> text, int end)
    {
        if (end + 1 < text.Length && text[end] == ':' && char.IsAsciiDigit(text[end + 1]))
        {
            return false;
        }

        return DetectionText.IsTokenEnd(text, end);
    }

    private static bool IsContextualSsn(ReadOnlySpan<char> text, int start, int end) =>
        end - start == 9 && !text[start..end].ContainsAnyExcept(DetectionText.Digits) && UsSsnDetector.HasContext(text[Math.Max(0, start - 40)..start]);

    private void FindInWindow(ReadOnlySpan<char> text, int windowStart, int windowEnd, List<PiiMatch> results)
    {
        // Only the candidate window is materialised, and only when it passed the prefilter.
        string window = text[windowStart..windowEnd].ToString();
        if (window.AsSpan().ContainsAny('_', '~'))
        {
            window = window.Replace('_', '-').Replace('~', '-'); // "415_555_0132": separators libphonenumber does not know
        }
        int firstResult = results.Count;
        bool international = window[0] == '+';
        if (international && TryInternationalFastPath(window, windowStart, results))
        {
            return;
        }
        var (groupStartsWithZero, groupStartsWithSixToNine) = GroupStarts(window);
        for (int r = 0; r < _regions.Length; r++)
        {
            // Accept() takes a national number in a trunk-prefix region only when it starts with '0' (or is
            // an Indian mobile starting 6–9): without such a digit group, FindNumbers cannot yield one.
            if (!international && _regionNeedsTrunkPrefix[r] && !groupStartsWithZero
                && !(groupStartsWithSixToNine && _regions[r] == "IN"))
            {
                continue;
            }

            if (!international && _regionCountryCodes[r] == 1 && SkipsProvablyRejectedWindows && !MayHoldNanpNumber(window))
            {
                continue;
            }

            foreach (var match in _util.FindNumbers(window, _regions[r], PhoneNumberUtil.Leniency.VALID, long.MaxValue))
            {
                int start = windowStart + match.Start;
                if (IsDuplicate(results, firstResult, start, match.Length) || !Accept(window, match, r))
                {
                    continue;
                }

                bool withCountryCode = match.RawString[0] == '+' || match.RawString.StartsWith("00", StringComparison.Ordinal);
                results.Add(new PiiMatch(start, match.Length, EntityType, withCountryCode ? InternationalScore : NationalScore));
            }

            // A leading '+' carries its own country code, so other regions cannot change the result; and once
            // the window is fully explained by accepted numbers, further regions would only repeat them.
            if (international || CoversWindow(results, firstResult, windowStart, window))
            {
                break;
            }
        }

        if (!international && results.Count == firstResult && _nanpRegion >= 0 && (!SkipsProvablyRejectedWindows || HasInteriorGroupOfThree(window)))
        {
            // "(555) 123-4567" is not in an assigned range, yet its 3-3-4 layout with separators makes it a phone
            // number to any reader (and to test data): accept a possible-length NANP number in that layout.
            foreach (var match in _util.FindNumbers(window, _regions[_nanpRegion], PhoneNumberUtil.Leniency.POSSIBLE, long.MaxValue))
            {
                var raw = match.RawString.AsSpan();
                if (match.Number.CountryCode == 1 && raw[0] != '0' && IsSeparatedNanp(raw)
                    && !IsFragmentOfLongerRun(window, match.Start, match.Start + match.Length) && !HasLookAlikeShape(raw))
                {
                    results.Add(new PiiMatch(windowStart + match.Start, match.Length, EntityType, PossibleScore));
                }
            }
        }

        if (international && results.Count == firstResult)
        {
            // "+<country code> <digits>" is a phone number in running text even when the range is not (yet)
            // in libphonenumber's metadata (e.g. "+972-54-123-4567"): accept a possible-length number, lower score.
            foreach (var match in _util.FindNumbers(window, _regions[0], PhoneNumberUtil.Leniency.POSSIBLE, long.MaxValue))
            {
                if (match.Start == 0 && !IsFragmentOfLongerRun(window, match.Start, match.Start + match.Length))
                {
                    results.Add(new PiiMatch(windowStart, match.Length, EntityType, PossibleScore));
                }
            }
        }
    }

    /// <summary>
    /// "+CC …" written with plain separators is one number or none: the explicit country code leaves only
    /// a length question, which libphonenumber answers from metadata without its (slow) pattern matching.
    /// A possible-length number with a known country code is reported (validated ranges at the international
    /// score, others at the possible score), which is what FindNumbers(VALID) plus the possible-length
    /// fallback report, without parsing. Anything else takes the general path.
    /// </summary>
    private bool TryInternationalFastPath(string window, int windowStart, List<PiiMatch> results)
    {
        var body = window.AsSpan(1);
        if (body.IsEmpty || body.ContainsAnyExcept(PlainPhoneChars) || !char.IsAsciiDigit(window[^1]) || HasLookAlikeShape(window)
            || IsFragmentOfLongerRun(window, 0, window.Length))
        {
            return false;
        }

        Span<char> digits = stackalloc char[body.Length];
        var count = 0;
        foreach (var c in body)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
        }

        if (count is < MinDigits or > 17)
        {
            return true;
        }

        for (var ccLength = 1; ccLength <= 3 && ccLength < count; ccLength++)
        {
            var countryCode = int.Parse(digits[..ccLength], provider: System.Globalization.CultureInfo.InvariantCulture);
            if (_util.GetRegionCodeForCountryCode(countryCode) == "ZZ") // libphonenumber's unknown region
            {
                continue;
            }

            var national = digits[ccLength..count];
            var leadingZeros = national.IndexOfAnyExcept('0');
            if (leadingZeros < 0 || national.Length > 17)
            {
                return true;
            }

            var builder = new PhoneNumber.Builder()
                .SetCountryCode(countryCode)
                .SetNationalNumber(ulong.Parse(national, provider: System.Globalization.CultureInfo.InvariantCulture));
            if (leadingZeros > 0)
            {
                builder.SetNumberOfLeadingZeros(leadingZeros);
            }

            var number = builder.Build();
            if (!_util.IsPossibleNumber(number))
            {
                return false; // e.g. "+44 (0)20 …": let FindNumbers handle national prefixes and the like
            }

            // Validity only sets the score (both are above the redaction threshold); checking the country
            // code's main region avoids scanning every region of shared codes such as NANP's +1.
            var valid = _validity.IsValidNumberForRegion(number, _util.GetRegionCodeForCountryCode(countryCode));
            results.Add(new PiiMatch(windowStart, window.Length, EntityType, valid ? InternationalScore : PossibleScore));
            return true;
        }

        return false; // no country code recognised: the general path decides
    }

    /// <summary>Whether any maximal digit run of <paramref name="window"/> starts with '0', and whether any starts with 6–9.</summary>
    private static (bool Zero, bool SixToNine) GroupStarts(ReadOnlySpan<char> window)
    {
        bool zero = false, sixToNine = false;
        for (var i = 0; i < window.Length; i++)
        {
            if (char.IsAsciiDigit(window[i]) && (i == 0 || !char.IsAsciiDigit(window[i - 1])))
            {
                zero |= window[i] == '0';
                sixToNine |= window[i] is >= '6' and <= '9';
            }
        }

        return (zero, sixToNine);
    }

    private bool Accept(string window, PhoneNumberMatch match, int region)
    {
        // Shape and grouping rules look at the number itself, without an extension ("x1234", " ext. 12").
        var raw = window.AsSpan(match.Start, match.Length);
        int extension = raw.IndexOfAny(ExtensionMarkers);
        if (extension > 0)
        {
            raw = raw[..extension].TrimEnd(' ');
        }

        if (IsFragmentOfLongerRun(window, match.Start, match.Start + match.Length) || HasLookAlikeShape(raw))
        {
            return false;
        }

        // FindNumbers does not keep the country-code source, so it is derived from the raw text.
        var number = match.Number;
        if (raw[0] == '+')
        {
            return true;
        }

        if (number.CountryCode != _regionCountryCodes[region])
        {
            // Another country's number without '+': only through an international dialling prefix ("0044 …").
            return raw.StartsWith("00") || raw.StartsWith("011");
        }

        char firstDigit = raw[raw.IndexOfAny(DetectionText.Digits)];
        if (number.CountryCode == 1)
        {
            // NANP numbers are written 3-3-4 ("(415) 555-2671"), optionally after a "1", or contiguous;
            // "213-39-4083-1" is the right length but an id.
            return HasNanpGrouping(raw);
        }

        if (!_regionNeedsTrunkPrefix[region] || firstDigit == '0')
        {
            return true;
        }

        // Indian mobiles (6–9…) are routinely written as ten digits without the trunk prefix, contiguous
        // or grouped 5-5 / 3-3-4 / 4-3-3; other groupings ("644-55-4450-1") are ids, not phones, and the
        // 1xxx "mobile" ranges would swallow ten-digit Unix timestamps.
        return _regions[region] == "IN" && firstDigit is >= '6' and <= '9' && HasIndianMobileGrouping(raw)
            && _util.GetNumberType(number) == PhoneNumberType.MOBILE;
    }

    /// <summary>
    /// Whether some digit group of the window is exactly three digits long with groups on both sides. Every
    /// substring that <see cref="IsSeparatedNanp"/> accepts has one (its second group, 3-3-4 or 1-3-3-4, is a
    /// complete group of the window), so without one the possible-number fallback cannot report anything and
    /// libphonenumber is not asked (e.g. 4-6-5 card groupings).
    /// </summary>
    private static bool HasInteriorGroupOfThree(ReadOnlySpan<char> window)
    {
        Span<int> sizes = stackalloc int[16];
        int groups = GroupSizes(window, sizes);
        for (int i = 1; i < Math.Min(groups - 1, sizes.Length); i++)
        {
            if (sizes[i] == 3)
            {
                return true;
            }
        }

        return groups - 1 > sizes.Length; // more groups than recorded: do not guess
    }

    /// <summary>
    /// False only when Accept() provably rejects every number FindNumbers could find in a NANP region: for a
    /// window of digit groups joined by single ' ', '-' or '.' that starts with 1–9, a match that is not a
    /// fragment (<see cref="IsFragmentOfLongerRun"/>) spans every group, carries the region's calling code (no
    /// '+', no international prefix), and is accepted only with NANP grouping, so the window's own grouping decides.
    /// </summary>
    private static bool MayHoldNanpNumber(ReadOnlySpan<char> window)
    {
        if (window.IsEmpty || window[0] is < '1' or > '9' || !char.IsAsciiDigit(window[^1]))
        {
            return true;
        }

        for (int i = 1; i < window.Length; i++)
        {
            if (!char.IsAsciiDigit(window[i]) && (window[i] is not (' ' or '-' or '.') || !char.IsAsciiDigit(window[i - 1])))
            {
                return true; // other text or doubled separators: not the simple shape, ask libphonenumber
            }
        }

        return HasNanpGrouping(window);
    }

    /// <summary>3-3-4 digit groups (optionally after "1"), area code starting 2–9, no extension or other text.</summary>
    private static bool IsSeparatedNanp(ReadOnlySpan<char> raw)
    {
        Span<int> sizes = stackalloc int[5];
        int groups = GroupSizes(raw, sizes);
        int skip = groups == 4 && sizes[0] == 1 ? 1 : 0;
        if (groups - skip != 3 || (sizes[skip], sizes[skip + 1], sizes[skip + 2]) is not (3, 3, 4) || raw.ContainsAny(ExtensionMarkers))
        {
            return false;
        }

        int areaStart = raw.IndexOfAny(DetectionText.Digits) + (skip == 1 ? 1 : 0);
        while (!char.IsAsciiDigit(raw[areaStart]))
        {
            areaStart++;
        }

        return raw[areaStart] >= '2';
    }

    private static bool HasNanpGrouping(ReadOnlySpan<char> raw)
    {
        Span<int> sizes = stackalloc int[4];
        int groups = GroupSizes(raw, sizes);
        int skip = groups > 1 && sizes[0] == 1 ? 1 : 0;
        return (groups - skip) switch
        {
            1 => sizes[skip] is 10 or 11,
            2 => (sizes[skip], sizes[skip + 1]) is (3, 7) or (6, 4),
            3 => (sizes[skip], sizes[skip + 1], sizes[skip + 2]) is (3, 3, 4),
            _ => false,
        };
    }

    private static bool HasIndianMobileGrouping(ReadOnlySpan<char> raw)
    {
        Span<int> sizes = stackalloc int[4];
        int groups = GroupSizes(raw, sizes);
        return groups switch
        {
            1 => sizes[0] == 10,
            2 => sizes[0] == 5 && sizes[1] == 5,
            3 => (sizes[0], sizes[1], sizes[2]) is (3, 3, 4) or (4, 3, 3),
            _ => false,
        };
    }

    /// <summary>Sizes of the first digit groups (up to <c>sizes.Length</c>); returns the total group count.</summary>
    private static int GroupSizes(ReadOnlySpan<char> raw, Span<int> sizes)
    {
        int groups = 0, run = 0;
        foreach (char c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                run++;
                continue;
            }

            if (run > 0)
            {
                if (groups < sizes.Length)
                {
                    sizes[groups] = run;
                }

                groups++;
                run = 0;
            }
        }

        if (run > 0)
        {
            if (groups < sizes.Length)
            {
                sizes[groups] = run;
            }

            groups++;
        }

        return groups;
    }

    /// <summary>A match glued by a single separator to more digits is a fragment of a card, IBAN or id.</summary>
    private static bool IsFragmentOfLongerRun(string window, int start, int end)
    {
        bool before = start >= 2 && window[start - 1] is ' ' or '-' or '.' && char.IsAsciiDigit(window[start - 2]);
        bool after = end + 1 < window.Length && window[end] is ' ' or '-' or '.' && char.IsAsciiDigit(window[end + 1]);
        return before || after || (start >= 1 && char.IsAsciiDigit(window[start - 1])) || (end < window.Length && char.IsAsciiDigit(window[end]));
    }

    /// <summary>Shapes that libphonenumber can accept but that are other data: SSNs, dotted quads, dates, long ids.</summary>
    private static bool HasLookAlikeShape(ReadOnlySpan<char> raw)
    {
        Span<int> sizes = stackalloc int[6];
        int groups = GroupSizes(raw, sizes);
        int maxGroup = 0;
        for (int i = 0; i < Math.Min(groups, sizes.Length); i++)
        {
            maxGroup = Math.Max(maxGroup, sizes[i]);
        }

        bool plus = raw[0] == '+';
        if (!plus && groups == 1 && sizes[0] > MaxContiguousDigits)
        {
            return true; // contiguous ids, millisecond timestamps, card numbers
        }

        if (!plus && groups == 3 && sizes[0] == 3 && sizes[1] == 2 && sizes[2] == 4)
        {
            return true; // AAA-GG-SSSS: an SSN (valid or not), never a phone in the supported regions
        }

        if (!plus && groups >= 3
            && ((sizes[0] == 4 && sizes[1] <= 2 && sizes[2] <= 2) || (sizes[0] <= 2 && sizes[1] <= 2 && sizes[2] == 4)))
        {
            return true; // yyyy-mm-dd, dd/mm/yyyy, dd.mm.yyyy, possibly followed by a time
        }

        if (groups == 6 && !plus && AllEqual(sizes, 2) && (raw.Count('-') == 5 || raw.Count(':') == 5))
        {
            return true; // an all-digit MAC address ("04-75-08-46-79-01")
        }

        if (groups == 3 && !plus && AllEqual(sizes[..3], 4) && raw.Count('.') == 2)
        {
            return true; // a Cisco-style MAC address ("0936.6828.3133")
        }

        if (groups == 2 && raw.Count('.') == 1 && !raw.ContainsAnyExcept(DecimalChars))
        {
            return true; // a decimal number such as a score or an amount ("0.9876543")
        }

        return groups == 4 && raw.Count('.') == 3 && maxGroup <= 3; // dotted quads
    }

    private static bool CoversWindow(List<PiiMatch> results, int firstResult, int windowStart, string window)
    {
        int covered = 0;
        for (int i = firstResult; i < results.Count; i++)
        {
            covered += results[i].Length;
        }

        int digits = 0;
        foreach (char c in window)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        // Matches found in one window never overlap; compare digit counts so separators between numbers don't matter.
        int coveredDigits = 0;
        for (int i = firstResult; i < results.Count; i++)
        {
            var span = window.AsSpan(results[i].Start - windowStart, results[i].Length);
            foreach (char c in span)
            {
                coveredDigits += char.IsAsciiDigit(c) ? 1 : 0;
            }
        }

        return covered > 0 && coveredDigits == digits;
    }

    private static bool AllEqual(ReadOnlySpan<int> values, int expected) => !values.ContainsAnyExcept(expected);

    private static bool IsDuplicate(List<PiiMatch> results, int firstResult, int start, int length)
    {
        for (int i = firstResult; i < results.Count; i++)
        {
            if (results[i].Start == start && results[i].Length == length)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Collections.Concurrent;
using PhoneNumbers;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// <see cref="PhoneNumberUtil.IsValidNumberForRegion"/> with the same metadata and the same decision
/// procedure (general pattern, then any number type's possible lengths and national-number pattern),
/// but with each region's patterns parsed once into <see cref="DigitPattern"/> matchers: under native
/// AOT the library's own patterns run in the backtracking regex interpreter, which dominated the cost
/// of validating "+CC …" numbers. Whatever this class cannot decide the same way (no general pattern,
/// a type without a pattern, a pattern outside the digit subset) is left to the library. Thread-safe.
/// </summary>
internal sealed class PhoneNumberValidity
{
    private readonly PhoneNumberUtil _util;
    private readonly ConcurrentDictionary<string, Region?> _regions = new(StringComparer.Ordinal);
    private readonly Func<string, Region?> _build;

    public PhoneNumberValidity(PhoneNumberUtil util)
    {
        _util = util;
        _build = Build;
    }

    /// <summary>Same answer as <c>util.IsValidNumberForRegion(number, regionCode)</c>.</summary>
    public bool IsValidNumberForRegion(PhoneNumber number, string regionCode)
    {
        var region = _regions.GetOrAdd(regionCode, _build);
        if (region is null || number.CountryCode != region.CountryCode)
        {
            return _util.IsValidNumberForRegion(number, regionCode);
        }

        return region.IsValid(_util.GetNationalSignificantNumber(number)) ?? _util.IsValidNumberForRegion(number, regionCode);
    }

    private Region? Build(string regionCode)
    {
        if (regionCode == "001")
        {
            return null; // non-geographical entities: metadata per calling code, left to the library
        }

        var metadata = _util.GetMetadataForRegion(regionCode);
        if (metadata is null || !metadata.GeneralDesc.HasNationalNumberPattern)
        {
            return null;
        }

        try
        {
            // The library's order of number types; only whether one matches matters for validity.
            PhoneNumberDesc[] types =
            [
                metadata.PremiumRate, metadata.TollFree, metadata.SharedCost, metadata.Voip, metadata.PersonalNumber,
                metadata.Pager, metadata.Uan, metadata.Voicemail, metadata.FixedLine, metadata.Mobile,
            ];
            return new Region(metadata.CountryCode, new Desc(metadata.GeneralDesc), [.. types.Select(t => new Desc(t))]);
        }
        catch (NotSupportedException)
        {
            return null; // a construct outside the digit subset: the library decides for this region
        }
    }

    private sealed class Region(int countryCode, Desc general, Desc[] types)
    {
        public int CountryCode { get; } = countryCode;

        /// <summary>Validity of a national significant number, or null when the library must decide.</summary>
        public bool? IsValid(string nationalNumber)
        {
            var generalMatch = general.Matches(nationalNumber);
            if (generalMatch is not true)
            {
                return generalMatch;
            }

            foreach (var type in types)
            {
                switch (type.Matches(nationalNumber))
                {
                    case true:
                        return true;
                    case null:
                        return null;
                }
            }

            return false;
        }
    }

    private sealed class Desc
    {
        private readonly int[] _lengths;
        private readonly DigitPattern? _pattern;

        public Desc(PhoneNumberDesc desc)
        {
            _lengths = [.. desc.PossibleLengthList];
            _pattern = desc.HasNationalNumberPattern ? DigitPattern.Parse(desc.NationalNumberPattern) : null;
        }

        /// <summary>The library's IsNumberMatchingDesc; null when this matcher cannot decide it.</summary>
        public bool? Matches(string nationalNumber)
        {
            if (_lengths.Length > 0 && Array.IndexOf(_lengths, nationalNumber.Length) < 0)
            {
                return false;
            }

            return _pattern?.IsMatch(nationalNumber);
        }
    }
}

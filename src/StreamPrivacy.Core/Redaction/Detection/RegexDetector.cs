using System.Text.RegularExpressions;

namespace StreamPrivacy.Core.Redaction.Detection;

/// <summary>
/// A policy-defined detector: every match of a compiled regular expression that also passes an optional
/// checksum is reported with a fixed score. The pattern runs with a match timeout; a timeout is not swallowed
/// (it surfaces as <see cref="RegexMatchTimeoutException"/>) so the sanitize stage fails closed instead of
/// letting an unscanned value through.
/// </summary>
public sealed class RegexDetector : IPiiDetector
{
    /// <summary>Match timeout used when none is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex _regex;
    private readonly ChecksumKind _checksum;
    private readonly double _score;

    /// <summary>Creates a detector for <paramref name="entityType"/>.</summary>
    /// <param name="entityType">Entity type reported for every match, e.g. <c>EMPLOYEE_ID</c>.</param>
    /// <param name="pattern">.NET regular expression; the whole match is reported.</param>
    /// <param name="checksum">Checksum the match must pass (over its digits, or letters and digits for <see cref="ChecksumKind.Mod97"/>).</param>
    /// <param name="score">Confidence in [0, 1] reported for each match.</param>
    /// <param name="matchTimeout">Per-call regex timeout; defaults to <see cref="DefaultTimeout"/>.</param>
    /// <param name="ignoreCase">Match case-insensitively (culture-invariant).</param>
    public RegexDetector(string entityType, string pattern, ChecksumKind checksum = ChecksumKind.None, double score = 0.6, TimeSpan? matchTimeout = null, bool ignoreCase = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 1.0);
        if (!Enum.IsDefined(checksum))
        {
            throw new ArgumentOutOfRangeException(nameof(checksum), checksum, "Unknown checksum kind.");
        }

        var options = RegexOptions.Compiled | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        _regex = new Regex(pattern, options, matchTimeout ?? DefaultTimeout);
        _checksum = checksum;
        _score = score;
        EntityType = entityType;
    }

    /// <inheritdoc />
    public string EntityType { get; }

    /// <summary>The checksum applied to each match.</summary>
    public ChecksumKind Checksum => _checksum;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiMatch> results)
    {
        foreach (var match in _regex.EnumerateMatches(text))
        {
            if (match.Length > 0 && Checksums.IsValid(_checksum, text.Slice(match.Index, match.Length)))
            {
                results.Add(new PiiMatch(match.Index, match.Length, EntityType, _score));
            }
        }
    }
}

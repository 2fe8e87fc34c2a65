using System.Collections.Frozen;

namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>Case-insensitive membership tests for the closed word classes of <see cref="NameCues"/> that are needed before the lexicon is consulted.</summary>
internal static class NameCuesLookup
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles =
        NameCues.Titles.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SignOffs =
        NameCues.SignOffs.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Introductions =
        NameCues.Introductions.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Labels =
        NameCues.Labels.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsTitle(ReadOnlySpan<char> word) => Titles.Contains(word);

    public static bool IsSignOff(ReadOnlySpan<char> word) => SignOffs.Contains(word);

    public static bool IsIntroduction(ReadOnlySpan<char> word) => Introductions.Contains(word);

    public static bool IsLabel(ReadOnlySpan<char> word) => Labels.Contains(word);
}

namespace StreamPrivacy.Core.Redaction.Detection.Text;

/// <summary>Lookups over the generated Unicode tables (see tools/unicode/generate.py).</summary>
internal static partial class UnicodeTables
{
    /// <summary>The printable-ASCII NFKC form of <paramref name="codePoint"/>, or empty when it has none.</summary>
    public static ReadOnlySpan<char> CompatibilityForm(int codePoint) =>
        Find(codePoint, CompatibilityPoints, CompatibilityOffsets, CompatibilityText);

    /// <summary>The ASCII base letters of a Latin letter with diacritics (é → e, ß → ss), or empty.</summary>
    public static ReadOnlySpan<char> LatinFold(int codePoint) =>
        Find(codePoint, LatinFoldPoints, LatinFoldOffsets, LatinFoldText);

    private static ReadOnlySpan<char> Find(int codePoint, ReadOnlySpan<int> points, ReadOnlySpan<ushort> offsets, string text)
    {
        var i = points.BinarySearch(codePoint);
        return i < 0 ? default : text.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);
    }
}

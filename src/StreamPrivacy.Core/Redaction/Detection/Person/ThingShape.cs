namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>
/// Word endings of things that are capitalised like names but are not: drug and chemical names (international
/// nonproprietary name stems such as -cycline, -mycin, -pril, -sartan, -olol, -statin, -azole, -vir, -mab, -nib)
/// and a few technical coinages (-ware, -soft, -tech, -bot). A word in no list with one of them is not a name.
/// </summary>
internal static class ThingShape
{
    private static readonly string[] Endings =
    [
        "cycline", "mycin", "micin", "cillin", "floxacin", "oxacin", "pril", "sartan", "olol", "alol", "statin", "azole",
        "prazole", "tidine", "dipine", "vir", "mab", "nib", "zepam", "azepam", "zolam", "triptan", "caine", "dronate",
        "gliptin", "glitazone", "formin", "setron", "lukast", "terol", "sone", "olone", "parin", "profen", "oxetine",
        "apine", "idone", "afil", "ware", "soft", "tech", "bot",
    ];

    /// <summary>True when <paramref name="word"/> (six letters or more) ends like a drug, chemical or technical coinage.</summary>
    public static bool Matches(ReadOnlySpan<char> word)
    {
        return word.Length >= 6 && DetectionText.EndsWithAny(word, Endings, minStem: 3);
    }
}

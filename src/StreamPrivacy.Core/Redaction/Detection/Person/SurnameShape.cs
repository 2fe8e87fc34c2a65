namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>
/// Endings and beginnings that family names of many cultures share and ordinary words, brands and places rarely
/// do: Slavic -ov/-ova/-ev/-sky/-ski/-vić/-enko/-wicz, Greek -opoulos/-akis/-idis, Armenian -yan/-ian, Georgian
/// -shvili/-dze, Turkish -oğlu, Nordic -son/-sen/-dottir, Italian -elli/-etti/-ucci, Iberian -ez/-eira, Baltic
/// -aitė/-ienė, South Indian -appa/-swamy/-nathan, Yoruba and Igbo Ade-/Olu-/Oluwa-/Chukwu-/Nwa-. A signal for
/// words in no list (the lists cannot hold every family name); deliberately short and free of endings that
/// many English words share (-in, -is, -as, -es, -an).
/// </summary>
internal static class SurnameShape
{
    private static readonly string[] Endings =
    [
        "ov", "ova", "ev", "eva", "sky", "ski", "ska", "skaya", "skiy", "cki", "cka", "vic", "vić", "vich", "ovich", "evich",
        "enko", "chuk", "czyk", "wicz", "ová", "opoulos", "poulos", "akis", "idis", "iadis", "yan", "ian", "shvili", "dze",
        "oğlu", "oglu", "sson", "dottir", "dóttir", "elli", "etti", "ucci", "acci", "ini", "ez", "eira", "eiro", "aitė",
        "aite", "ytė", "ienė", "iene", "appa", "swamy", "nathan", "iah", "anayake", "singhe", "wardena", "pour", "zadeh",
        "zada", "ullah", "uddin",
    ];

    private static readonly string[] Beginnings = ["ade", "olu", "oluwa", "ola", "ogun", "ayo", "chukwu", "nwa", "obi", "abdul", "abdel"];

    /// <summary>True when <paramref name="word"/> (five letters or more) has one of the endings or beginnings.</summary>
    public static bool Matches(ReadOnlySpan<char> word)
    {
        if (word.Length < 5)
        {
            return false;
        }

        if (DetectionText.EndsWithAny(word, Endings, minStem: 3))
        {
            return true;
        }

        foreach (var beginning in Beginnings)
        {
            if (word.Length > beginning.Length + 2 && word.StartsWith(beginning, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

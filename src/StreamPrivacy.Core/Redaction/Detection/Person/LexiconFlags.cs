namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>What the name lexicon knows about a word.</summary>
[Flags]
internal enum LexiconFlags
{
    /// <summary>Nothing known.</summary>
    None = 0,

    /// <summary>A given name in one of the name lists.</summary>
    Given = 1,

    /// <summary>A family name in one of the name lists.</summary>
    Surname = 2,

    /// <summary>A place: city, region or country.</summary>
    Place = 4,

    /// <summary>A capitalised word that is not a name: month, weekday, brand, product, plan or team word.</summary>
    NonName = 8,

    /// <summary>An honorific or title written before a name (Mr, Dr, Prof, …).</summary>
    Title = 16,

    /// <summary>A lowercase name particle (van, de, bin, al, …).</summary>
    Particle = 32,

    /// <summary>A word that introduces a name: greeting, sign-off, introduction (hi, dear, thanks, regards, …).</summary>
    Cue = 64,

    /// <summary>A word after which a capitalised word is likelier a person (with, by, ask, met, …).</summary>
    WeakCue = 128,

    /// <summary>A verb of speech or action that often follows a person's name (said, wrote, asked, …).</summary>
    FollowingCue = 256,

    /// <summary>A word that, after a capitalised word, makes it an organisation, product or place (office, street, inc, team, …).</summary>
    Anti = 512,

    /// <summary>A preposition of place (in, at, near): lowers a place-like name after it.</summary>
    PlaceCue = 1024,

    /// <summary>A brand, product, tech or vehicle name, or a month or weekday in another language: often also a person's name (Julia, Zara, Mai, Ford).</summary>
    Brand = 2048,

    /// <summary>A word that makes the capitalised word after it an organisation, product or place (Team Phoenix, Project Jordan, Mount Sinai).</summary>
    AntiBefore = 4096,

    /// <summary>An English function word (the, in, of, and): never part of a name.</summary>
    FunctionWord = 8192,

    /// <summary>A given name borne by at least 5,000 people born in the US since 1880 (SSA): popular, so a likely name even where it is also a brand or a place.</summary>
    PopularGiven = 16384,

    /// <summary>A preposition before people as often as before things (with, by): points for known names only.</summary>
    PersonPreposition = 262144,

    /// <summary>A verb after which a capitalised word is usually a work, product or tool (watched, install, taking).</summary>
    ThingVerb = 65536,

    /// <summary>A noun that makes a possessive name an eponym or a named day (disease, law, Day).</summary>
    Eponym = 131072,

    /// <summary>A given name borne by at least a million people born in the US since 1880 (Mary, John, Maria): a person far more often than anything else.</summary>
    VeryPopularGiven = 32768,
}

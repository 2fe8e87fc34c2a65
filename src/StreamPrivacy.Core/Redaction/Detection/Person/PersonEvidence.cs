namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>
/// The weights of the PERSON detector's signals, in log-odds-like points that add up; a span's score is
/// <c>1 / (1 + e^-(points - Midpoint))</c>, so <see cref="Midpoint"/> points score 0.5 and the default
/// threshold of 0.4 needs about 1.6 points. Each weight is a statement a reader can check:
/// </summary>
internal static class PersonEvidence
{
    /// <summary>Points at which a span scores 0.5.</summary>
    public const double Midpoint = 2.0;

    /// <summary>A span at or above this score is taken as a name by later passes (repeated mentions, lists).</summary>
    public const double Confident = 0.5;

    /// <summary>Spans scoring below this are not reported at all (a policy may still lower its threshold to this).</summary>
    public const double Floor = 0.3;

    /// <summary>The word is in a given-name list of some culture.</summary>
    public const double GivenName = 2.0;

    /// <summary>The word is in a family-name list.</summary>
    public const double Surname = 1.6;

    /// <summary>The word is in both lists (Jordan, Thomas, Lee): a little more likely a name at all.</summary>
    public const double GivenAndSurname = 2.2;

    /// <summary>A capitalised word in no list and no dictionary: some proper noun, perhaps a name.</summary>
    public const double UnknownProperNoun = 0.4;

    /// <summary>A word in no list that is made of Japanese, Korean or Pinyin syllables (Ryohei, Gyeongsuk): a romanised East Asian name, likely.</summary>
    public const double RomanizedName = 0.8;

    /// <summary>A word in no list with a typical family-name ending or beginning (Papadopoulos, Ivanova, Adebayo: <see cref="SurnameShape"/>).</summary>
    public const double SurnameShape = 0.6;

    /// <summary>A word in no list with Latin letters beyond ASCII (Uğurtan, Gülkadın): a foreign proper noun, often a name.</summary>
    public const double ForeignLetters = 0.5;

    /// <summary>Capitalised inside a sentence of ordinary prose: the writer marked it a proper noun.</summary>
    public const double InformativeCapital = 0.7;

    /// <summary>Times commonness (0–1) when the capital is informative: "ask Mark" is still likely a name.</summary>
    public const double CommonWordInformative = 0.4;

    /// <summary>Times commonness (0–1) when the capital says nothing (sentence start, all caps, no caps): "Will you…", "grace period".</summary>
    public const double CommonWordUninformative = 2.5;

    /// <summary>The word is also a city, region or country and a popular given name (Austin, Georgia, Jordan): a place unless context says person.</summary>
    public const double Place = 1.5;

    /// <summary>The word is also a place but one of the most common given names (Mary, a city in Turkmenistan).</summary>
    public const double PlaceVeryCommonName = 0.8;

    /// <summary>The word is also a city, region or country and at most a rare given name (Boston, France, Milan).</summary>
    public const double PlaceRareName = 2.0;

    /// <summary>Also an English month or weekday, a holiday, a language, a plan or team word (April, May, Easter).</summary>
    public const double NonName = 2.5;

    /// <summary>Also a brand, product or tech name, or another language's month, and a popular given name (Julia, Zara, Ruby, Mai).</summary>
    public const double Brand = 1.0;

    /// <summary>Also a brand, product or tech name and at most a rare given name (Tesla, Sony, Jenkins, Helix).</summary>
    public const double BrandRareName = 2.0;

    /// <summary>Times commonness for a family name that is an ordinary word, even with an informative capital (Help Center, Price List).</summary>
    public const double CommonSurnameInformative = 1.2;

    /// <summary>In a list with a brand or product ("Jenkins and Ruby", "Compare Tesla and Sony").</summary>
    public const double ListedWithBrand = -1.0;

    /// <summary>A single word in text without letter case information (no capitals, or only capitals) and without context before it ("iban", "KAFKA"): lists alone decide too little.</summary>
    public const double LoneUncasedWord = 0.6;

    /// <summary>An ALL-CAPS word inside ordinary prose is as often an acronym as a shouted name.</summary>
    public const double CapsInProse = 0.3;

    /// <summary>A short ALL-CAPS word (two or three letters) inside ordinary prose is an acronym or a code (EUR, CEO, API).</summary>
    public const double ShortCapsInProse = 1.2;

    /// <summary>An initial ("J." in "John F. Kennedy").</summary>
    public const double Initial = 0.3;

    /// <summary>Share of each further name word's points added to the strongest word's.</summary>
    public const double FurtherWordShare = 0.7;

    /// <summary>A given name followed by a family name or an unknown capitalised word (Maria Garcia, Maria Kowalczyk).</summary>
    public const double GivenThenFamily = 1.0;

    /// <summary>After an honorific (Mr., Dr., Prof.).</summary>
    public const double AfterTitle = 3.0;

    /// <summary>After "my name is", "I'm", "this is", "call me", "named".</summary>
    public const double AfterIntroduction = 2.5;

    /// <summary>After a header label ("From:", "Customer:", "Attn:").</summary>
    public const double AfterLabel = 2.5;

    /// <summary>After a greeting or thanks ("Hi", "Dear", "thanks").</summary>
    public const double AfterGreeting = 2.0;

    /// <summary>On the line after a sign-off ("Best regards,") or after a signature dash.</summary>
    public const double Signature = 2.0;

    /// <summary>After "it's": "it's Maria again" as often as "it's Monday".</summary>
    public const double AfterIts = 1.2;

    /// <summary>After a word that usually precedes a person (with, by, ask, met, my colleague).</summary>
    public const double AfterWeakCue = 0.8;

    /// <summary>A place-like word after a preposition of place ("in Austin").</summary>
    public const double AfterPlaceCue = -0.8;

    /// <summary>Followed by a verb of speech or action ("Maria said", "Wei will").</summary>
    public const double BeforeVerb = 1.0;

    /// <summary>Said to someone: "Julia? Are you there?", "Good catch, Musaffa."</summary>
    public const double Vocative = 1.0;

    /// <summary>A chat mention whose handle holds a given or family name ("@naoki", "@aster.haileselassie"): points over the midpoint.</summary>
    public const double Handle = 1.0;

    /// <summary>A possessive ("John's").</summary>
    public const double Possessive = 0.6;

    /// <summary>Alone on its line (a signature or a header value).</summary>
    public const double OwnLine = 0.8;

    /// <summary>Next to an organisation, product or place word ("Team Phoenix", "Austin office", "Jordan Street").</summary>
    public const double NextToOrganisationWord = -3.0;

    /// <summary>After a verb for works, products and tools ("watched Moana", "install Jenkins", "taking Lisinopril").</summary>
    public const double AfterThingVerb = -1.2;

    /// <summary>Part of a Title Case phrase of ordinary words: a label, heading or event ("Save Changes", "Boxing Day", "Help Center").</summary>
    public const double InTitleCasePhrase = -1.5;

    /// <summary>A step of a menu path ("Go to Save Changes > Dashboard").</summary>
    public const double MenuPath = -2.0;

    /// <summary>Repeats a word of a name already found in the text ("Maria Garcia … Maria said").</summary>
    public const double RepeatedName = 2.0;

    /// <summary>A family name written first, before a comma and a given name found ("Papadopoulos, Nikos").</summary>
    public const double FamilyNameFirst = 1.5;

    /// <summary>In a list with a name already found ("Maria, Wei and Tom").</summary>
    public const double ListedWithName = 1.0;

    /// <summary>The score of a span with <paramref name="points"/>.</summary>
    public static double Score(double points) => 1.0 / (1.0 + Math.Exp(-(points - Midpoint)));
}

namespace StreamPrivacy.Core.Redaction.Detection.Person;

/// <summary>
/// The hand-written words around names: honorifics, greetings and sign-offs, introductions, words that
/// point at a person or away from one. Small and closed-class (written for this detector, not taken
/// from a corpus); merged into the <see cref="NameLexicon"/> as flags.
/// </summary>
internal static class NameCues
{
    /// <summary>Honorifics and titles written before a name, with or without a period.</summary>
    public static readonly string[] Titles =
    [
        "mr", "mrs", "ms", "miss", "mx", "mister", "missus", "dr", "doctor", "prof", "professor", "sir", "dame", "madam",
        "madame", "mme", "mlle", "monsieur", "herr", "frau", "señor", "senor", "señora", "senora", "señorita", "sr", "sra",
        "srta", "dona", "doña", "signor", "signora", "sig", "dott", "lord", "lady", "rev", "revd", "reverend", "fr", "pastor",
        "rabbi", "imam", "sheikh", "shaikh", "hon", "capt", "captain", "lt", "lieutenant", "sgt", "sergeant", "cpl", "col",
        "colonel", "det", "detective", "insp", "inspector", "officer", "sen", "senator", "gov", "governor", "mayor",
        "ambassador", "judge", "justice", "nurse", "coach", "uncle", "aunt", "auntie", "grandma", "grandpa", "shri", "smt",
        "sri", "shrimati", "kumari", "hr", "mag", "ing", "dipl", "cllr", "councillor", "president", "chancellor",
    ];

    /// <summary>Greetings, thanks and sign-offs: the next capitalised word is usually the person addressed or signing.</summary>
    public static readonly string[] Greetings =
    [
        "hi", "hello", "hey", "heya", "hiya", "howdy", "dear", "dearest", "greetings", "morning", "evening", "afternoon",
        "thanks", "thank", "thx", "thnx", "ty", "cheers", "regards", "sincerely", "best", "bye", "goodbye", "welcome",
        "congrats", "congratulations", "sorry", "love", "xoxo", "yours", "faithfully", "cordially", "warmly", "hola",
        "bonjour", "ciao", "hallo", "salut", "namaste", "salaam", "salam", "shalom", "ola", "olá",
    ];

    /// <summary>Words that end an introduction: the next words are the name itself ("I'm Kenji", "a man named Tom").</summary>
    public static readonly string[] Introductions = ["i'm", "im", "named", "called", "aka", "name's", "names", "signed"];

    /// <summary>Header labels: before a colon, the next words are the name ("From: Maria Garcia", "Customer: Wei Chen").</summary>
    public static readonly string[] Labels =
    [
        "name", "from", "to", "cc", "bcc", "attn", "attention", "customer", "contact", "author", "requester", "reporter",
        "assignee", "patient", "client", "employee", "user", "agent", "owner", "applicant", "cardholder", "beneficiary",
        "recipient", "sender", "by", "signed", "caller", "guest", "passenger", "member", "tenant", "rep", "representative",
        "manager", "approver", "reviewer", "driver", "student", "teacher", "doctor", "physician", "witness", "insured",
        "policyholder", "holder", "payee", "buyer", "seller", "landlord", "candidate", "interviewer", "speaker", "host",
    ];

    /// <summary>Words after which a capitalised word is likelier a person than anything else.</summary>
    public static readonly string[] WeakCues =
    [
        "ask", "asked", "tell", "told", "ping", "pinged", "contact", "contacted", "cc", "cc'd", "email",
        "emailed", "call", "called", "met", "meet", "meeting", "thank", "per", "colleague", "manager",
        "boss", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "friend", "partner", "mom",
        "mum", "dad", "nephew", "niece", "cousin", "grandson", "granddaughter", "neighbor", "neighbour", "tenant",
        "landlord", "teacher", "student", "doctor", "lawyer", "attorney", "nurse", "supervisor", "coworker", "co-worker",
        "assistant", "representative", "rep", "technician", "driver", "courier", "guest", "passenger", "customer",
        "caller", "member", "spoke", "talked", "chatted", "texted", "messaged", "hired", "fired", "married", "let",
        "named", "whom", "behalf",
    ];

    /// <summary>
    /// Prepositions that come before people as often as before things ("with Maria", "with Visa"): they add points to
    /// a word the name lists know, but do not make a word in no list a name.
    /// </summary>
    public static readonly string[] PersonPrepositions = ["with", "by", "per", "via"];

    /// <summary>Verbs of speech and action that often follow a person's name.</summary>
    public static readonly string[] Following =
    [
        "said", "says", "say", "wrote", "writes", "asked", "asks", "replied", "replies", "answered", "mentioned",
        "confirmed", "reported", "told", "tells", "thinks", "thought", "wants", "wanted", "needs", "needed", "called",
        "calls", "emailed", "texted", "explained", "agreed", "noted", "suggested", "complained", "requested", "shared",
        "sent", "signed", "approved", "joined", "left", "visited", "booked", "ordered", "paid", "lives", "lived", "works",
        "worked", "who", "here", "speaking", "jr", "sr", "ii", "iii", "phd", "md", "esq", "from", "broke", "fixed",
        "deleted", "changed", "updated", "uploaded", "logged", "forgot", "lost", "received", "bought",
    ];

    /// <summary>Words that make the capitalised words next to them an organisation, product, event or place.</summary>
    public static readonly string[] Anti =
    [
        "team", "plan", "plans", "tier", "inc", "ltd", "llc", "llp", "plc", "gmbh", "corp", "corporation", "co", "company",
        "group", "holdings", "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive",
        "way", "square", "county", "city", "university", "college", "school", "academy", "hospital", "clinic", "bank",
        "airport", "station", "hotel", "park", "river", "lake", "mountain", "mount", "beach", "bay", "island", "valley",
        "project", "program", "programme", "product", "app", "api", "sdk", "service", "services", "server", "cluster",
        "version", "release", "edition", "pro", "plus", "max", "mini", "ultra", "premium", "enterprise", "suite", "cloud",
        "foundation", "institute", "department", "dept", "office", "store", "shop", "mall", "center", "centre", "tower",
        "building", "hall", "church", "award", "prize", "festival", "conference", "summit", "cup", "league", "model",
        "series", "engine", "studio", "labs", "lab", "network", "platform", "framework", "library", "package", "module",
        "region", "zone", "account", "accounts", "card", "wallet", "protocol", "database", "dashboard", "portal", "tab",
        "button", "menu", "page", "screen", "feature", "update", "upgrade", "subscription", "bundle", "package",
        "operation", "initiative", "campaign", "day", "week", "month", "quarter", "sprint", "board", "channel", "airlines",
        "airways", "motors", "systems", "technologies", "solutions", "partners", "capital", "ventures", "media", "squad",
        "crew", "guild", "unit", "division", "sale", "sales", "launch", "event", "release", "integration", "instance", "address",
        "place", "court", "close", "crescent", "terrace", "gardens", "parkway", "highway", "hwy", "alley", "row", "strasse",
        "straße", "platz", "weg", "gasse", "rue", "calle", "avenida", "plaza", "piazza", "ulica", "utca", "sokak",
        "caddesi", "marg", "nagar", "lane", "ave", "blvd", "pkwy", "expressway", "freeway", "circle", "pike", "mews",
        "snippet", "script", "code", "developer", "developers", "development", "function", "method", "class", "gem", "plugin",
        "extension", "query", "queries", "syntax", "compiler", "runtime", "client", "application", "tutorial", "docs",
        "documentation", "install", "installation", "deployment", "pipeline", "job", "build", "builds", "workflow", "bot",
    ];

    /// <summary>
    /// English function words (articles, prepositions, pronouns, conjunctions, auxiliaries, a few interjections):
    /// never part of a name, whatever a name list from another language holds (Vietnamese "Thế" folds to "the",
    /// Korean "In" is a given name).
    /// </summary>
    public static readonly string[] FunctionWords =
    [
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "of", "in", "on", "at", "to",
        "from", "by", "for", "with", "without", "into", "onto", "upon", "about", "above", "below", "over", "under",
        "between", "among", "through", "during", "before", "after", "since", "until", "against", "via", "as", "is",
        "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "shall",
        "should", "could", "would", "might", "must", "not", "no", "yes", "this", "that", "these", "those", "there",
        "where", "when", "why", "how", "what", "which", "who", "whom", "whose", "it", "its", "i", "me", "my", "mine",
        "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "they", "them",
        "their", "theirs", "all", "any", "each", "every", "some", "many", "much", "more", "most", "few", "other",
        "another", "such", "only", "also", "just", "very", "too", "please", "ok", "okay", "new", "old", "go", "get",
        "got", "see", "sign", "log", "up", "out", "off", "down", "now", "today", "tomorrow", "yesterday", "here",
        "via", "re", "fw", "fwd", "note", "update", "hi", "hello", "hey", "dear", "thanks", "thank", "lol", "pls",
        "plz", "thx", "thnx", "ty", "idk", "btw", "omg", "asap", "fyi", "imo", "imho", "tbh", "brb", "wfh", "ooo", "np",
        "nvm", "gonna", "wanna", "gotta", "hmm", "yeah", "yep", "nope", "ya", "yo", "cuz", "coz", "bc", "rn", "irl",
        "dm", "ur", "u", "r", "im", "ive", "dont", "cant", "wont", "didnt", "doesnt", "isnt", "its", "thats", "whats",
        "heres", "theres", "ok", "okay", "k", "kk", "lmk", "ttyl", "afaik", "iirc", "eta", "tho", "smth", "sth", "pic",
        "pics", "msg", "msgs", "acct", "info", "pwd", "login", "logout", "signup", "email", "emails", "app", "apps",
        "i'll", "i've", "i'd", "we'll", "we're", "we've", "we'd", "you'll", "you're", "you've", "you'd", "he's", "she's",
        "he'll", "she'll", "it's", "it'll", "that's", "there's", "here's", "what's", "let's", "they're", "they'll",
        "they've", "don't", "can't", "won't", "isn't", "aren't", "wasn't", "weren't", "didn't", "doesn't", "haven't",
        "hasn't", "couldn't", "shouldn't", "wouldn't", "ain't", "y'all",
    ];

    /// <summary>Words that make the capitalised word after them an organisation, product, event or place.</summary>
    public static readonly string[] AntiBefore =
    [
        "team", "project", "operation", "mount", "mt", "lake", "cape", "port", "fort", "camp", "club", "planet", "hurricane",
        "storm", "typhoon", "cyclone", "codename", "model", "version", "release", "plan", "tier", "program", "programme",
        "initiative", "campaign", "brand", "product", "app", "squad", "channel", "tag", "branch", "sprint", "milestone",
        "epic", "repo", "repository", "package", "library", "server", "cluster", "host", "node", "instance", "bucket",
        "database", "table", "region", "zone", "street", "avenue", "via", "rue", "calle", "hotel", "restaurant", "cafe",
        "café", "bar", "pub", "airport", "station", "bridge", "tower", "province", "county", "district", "state",
        "movie", "film", "book", "novel", "series", "show", "album", "song", "episode", "season", "game", "podcast",
        "tool", "framework", "library", "package", "drug", "medication", "medicine", "pill", "tablet", "vaccine",
    ];

    /// <summary>Verbs after which a capitalised word is usually a work, a product or a tool ("watched Moana", "install Jenkins").</summary>
    public static readonly string[] ThingVerbs =
    [
        "read", "reading", "watched", "watching", "watch", "streamed", "streaming", "played", "playing", "install",
        "installed", "installing", "deploy", "deployed", "deploying", "configure", "configured", "run", "running",
        "using", "use", "used", "upgrade", "upgraded", "restart", "restarted", "launch", "launched", "enable", "enabled",
        "disable", "disabled", "prescribed", "taking", "take", "took", "dose", "order", "ordered", "buy", "bought",
    ];

    /// <summary>
    /// Nouns that make a possessive name an eponym or a named day, not a person's belonging ("Parkinson's disease",
    /// "Murphy's law", "St. Patrick's Day").
    /// </summary>
    public static readonly string[] Eponyms =
    [
        "day", "eve", "law", "laws", "syndrome", "disease", "theorem", "principle", "effect", "prize", "award", "rule",
        "razor", "paradox", "constant", "equation", "lemma", "algorithm", "test", "sign", "palsy",
    ];

    /// <summary>English month and weekday names: almost never a name when capitalised alone (April, May and June are, with context).</summary>
    public static readonly string[] Calendar =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ];

    /// <summary>Prepositions of place: a place-like name after them is a place.</summary>
    public static readonly string[] PlaceCues = ["in", "at", "near", "to", "into", "around", "across", "outside", "inside", "across", "via", "visiting"];

    /// <summary>Lowercase particles inside family names (Ludwig van Beethoven, María de la Cruz, Omar bin Laden).</summary>
    public static readonly string[] Particles =
    [
        "van", "von", "der", "den", "de", "del", "della", "dello", "di", "da", "dos", "das", "do", "du", "la", "le", "ter",
        "ten", "bin", "binti", "ibn", "bint", "al", "el", "y", "zu", "af", "av",
    ];

    /// <summary>Sign-off words that, ending a line, put the name on the next line ("Best regards,\nWei Chen").</summary>
    public static readonly string[] SignOffs =
    [
        "regards", "thanks", "thank", "you", "best", "sincerely", "cheers", "yours", "wishes", "care", "faithfully",
        "cordially", "warmly", "respectfully", "love", "later", "soon", "xoxo", "gracias", "merci", "danke", "grazie",
    ];
}

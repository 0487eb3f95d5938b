//! General English vocabulary the extractors match against: number words, qualifiers, event
//! verbs grouped into classes, reporting verbs, titles, organization and place nouns. All
//! entries are lowercase and folded; nothing here is specific to one story.

/// Cardinal number words and their values.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Multipliers that follow a number ("1.5 million", "two hundred").
pub const MULTIPLIERS: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1_000.0),
    ("million", 1_000_000.0),
    ("billion", 1_000_000_000.0),
];

/// Vague amounts: "hundreds of", "dozens of", "a dozen" (value is the order of magnitude).
pub const VAGUE_AMOUNTS: &[(&str, f64)] = &[
    ("dozens", 24.0),
    ("scores", 40.0),
    ("hundreds", 200.0),
    ("thousands", 2_000.0),
    ("millions", 2_000_000.0),
];

/// Qualifiers before a number, longest first, with the bound they express.
pub const QUALIFIERS: &[(&[&str], crate::Bound)] = {
    use crate::Bound::*;
    &[
        (&["no", "fewer", "than"], AtLeast),
        (&["no", "less", "than"], AtLeast),
        (&["not", "less", "than"], AtLeast),
        (&["a", "minimum", "of"], AtLeast),
        (&["a", "maximum", "of"], AtMost),
        (&["as", "many", "as"], AtMost),
        (&["more", "than"], AtLeast),
        (&["at", "least"], AtLeast),
        (&["in", "excess", "of"], AtLeast),
        (&["upwards", "of"], AtLeast),
        (&["up", "to"], AtMost),
        (&["fewer", "than"], AtMost),
        (&["less", "than"], AtMost),
        (&["at", "most"], AtMost),
        (&["an", "estimated"], About),
        (&["close", "to"], AtMost),
        (&["over"], AtLeast),
        (&["nearly"], AtMost),
        (&["almost"], AtMost),
        (&["about"], About),
        (&["around"], About),
        (&["approximately"], About),
        (&["roughly"], About),
        (&["some"], About),
        (&["estimated"], About),
        (&["approx"], About),
    ]
};

/// Fillers between a qualifier or verb and the number that change nothing ("a total of").
pub const FILLERS: &[&[&str]] = &[&["a", "total", "of"], &["the", "lives", "of"]];

/// Event classes: canonical name and the Snowball stems of the words that express it.
pub const EVENT_CLASSES: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "kill",
            "die",
            "dead",
            "perish",
            "slain",
            "slaughter",
            "massacr",
            "execut",
            "murder",
            "drown",
        ],
    ),
    ("injured", &["injur", "wound", "hurt", "maim"]),
    (
        "displaced",
        &[
            "displac", "uproot", "fled", "flee", "evacu", "expel", "relocat",
        ],
    ),
    (
        "struck",
        &[
            "hit", "struck", "strike", "target", "bomb", "shell", "attack", "raid",
        ],
    ),
    (
        "damaged",
        &["damag", "destroy", "demolish", "raze", "flatten"],
    ),
    ("arrested", &["arrest", "detain", "jail", "imprison"]),
    ("captured", &["captur", "kidnap", "abduct", "seiz", "taken"]),
    ("missing", &["miss"]),
    ("rescued", &["rescu", "save", "freed", "releas"]),
    ("affected", &["affect"]),
    ("deployed", &["deploy", "sent", "dispatch"]),
];

/// Words that sit between a counted noun and its verb ("have been killed") or between a verb
/// and its object, and never end a clause.
pub const AUXILIARIES: &[&str] = &[
    "am",
    "are",
    "be",
    "been",
    "being",
    "had",
    "has",
    "have",
    "is",
    "was",
    "were",
    "reportedly",
    "also",
    "already",
    "allegedly",
    "now",
    "so",
    "far",
    "all",
    "since",
    "then",
    "reported",
    "believed",
    "to",
    "thought",
    "said",
    "confirmed",
    "feared",
    "got",
    "get",
    "gotten",
];

/// Reporting verbs (folded forms) that attribute a statement to a speaker.
pub const REPORTING_VERBS: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "added",
    "adds",
    "admitted",
    "admits",
    "announced",
    "announces",
    "argued",
    "argues",
    "asserted",
    "asserts",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "declared",
    "declares",
    "denied",
    "denies",
    "emphasised",
    "emphasized",
    "explained",
    "explains",
    "insisted",
    "insists",
    "noted",
    "notes",
    "recalled",
    "reported",
    "revealed",
    "reveals",
    "said",
    "say",
    "saying",
    "says",
    "stated",
    "states",
    "stressed",
    "stresses",
    "tell",
    "telling",
    "tells",
    "told",
    "tweeted",
    "urged",
    "warned",
    "warning",
    "warns",
    "wrote",
    "writes",
];

/// Words that close a speaker phrase when walking left from a reporting verb.
pub const CLAUSE_OPENERS: &[&str] = &[
    "after", "although", "as", "because", "before", "but", "if", "since", "so", "than", "that",
    "though", "when", "whereas", "which", "while", "who", "whom",
];

/// Titles and roles that precede a person's name.
pub const TITLE_WORDS: &[&str] = &[
    "attorney",
    "ceo",
    "coach",
    "counsel",
    "inspector",
    "pastor",
    "prosecutor",
    "sheriff",
    "superintendent",
    "admiral",
    "ambassador",
    "archbishop",
    "bishop",
    "brig",
    "brigadier",
    "capt",
    "captain",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "councillor",
    "councilman",
    "deputy",
    "director",
    "dr",
    "emir",
    "envoy",
    "gen",
    "general",
    "gov",
    "governor",
    "imam",
    "judge",
    "justice",
    "king",
    "leader",
    "lieutenant",
    "lt",
    "maj",
    "major",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "president",
    "premier",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
];

/// Sentence adverbs and connectives that open a sentence capitalized before a name.
pub const DISCOURSE_WORDS: &[&str] = &[
    "accordingly",
    "additionally",
    "afterward",
    "afterwards",
    "also",
    "besides",
    "consequently",
    "earlier",
    "eventually",
    "furthermore",
    "hence",
    "however",
    "indeed",
    "instead",
    "later",
    "likewise",
    "meanwhile",
    "moreover",
    "nevertheless",
    "nonetheless",
    "now",
    "otherwise",
    "perhaps",
    "previously",
    "separately",
    "still",
    "then",
    "there",
    "therefore",
    "thus",
    "today",
    "tomorrow",
    "yesterday",
    "yet",
];

/// Lowercase nouns that point at a person name right after them ("his counterpart, X").
pub const PERSON_CUES: &[&str] = &[
    "counterpart",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "colleague",
    "commander",
    "official",
    "leader",
    "envoy",
    "analyst",
    "resident",
    "activist",
    "witness",
    "minister",
    "president",
    "aide",
    "adviser",
    "advisor",
    "chief",
    "head",
];

/// Last words of organization names.
pub const ORG_WORDS: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "brigade",
    "brigades",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "coalition",
    "command",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "corps",
    "council",
    "court",
    "department",
    "directorate",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "government",
    "group",
    "guard",
    "inc",
    "institute",
    "league",
    "ltd",
    "media",
    "ministry",
    "movement",
    "navy",
    "network",
    "news",
    "nations",
    "observatory",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "programme",
    "program",
    "service",
    "services",
    "society",
    "tribunal",
    "times",
    "union",
    "university",
];

/// Lowercase nouns after a name that make it an organization ("X newspaper").
pub const ORG_CUES: &[&str] = &[
    "agency",
    "broadcaster",
    "channel",
    "company",
    "daily",
    "firm",
    "group",
    "militia",
    "newspaper",
    "organisation",
    "organization",
    "outlet",
    "party",
    "website",
];

/// Words in or right after a name that make it a place ("Idlib province", "Gulf of X").
pub const PLACE_WORDS: &[&str] = &[
    "area",
    "basin",
    "bay",
    "border",
    "canal",
    "capital",
    "city",
    "coast",
    "countryside",
    "county",
    "desert",
    "district",
    "gulf",
    "highway",
    "island",
    "islands",
    "lake",
    "mountain",
    "mountains",
    "neighbourhood",
    "neighborhood",
    "ocean",
    "peninsula",
    "plain",
    "port",
    "province",
    "region",
    "republic",
    "river",
    "sea",
    "state",
    "strait",
    "street",
    "suburb",
    "territory",
    "town",
    "valley",
    "village",
];

/// Prepositions that put the following name in a location.
pub const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "across",
    "at",
    "in",
    "inside",
    "into",
    "near",
    "outside",
    "throughout",
    "toward",
    "towards",
    "within",
];

/// Compass adjectives that precede a place ("northwestern Syria").
pub const COMPASS: &[&str] = &[
    "central",
    "east",
    "eastern",
    "north",
    "northeast",
    "northeastern",
    "northern",
    "northwest",
    "northwestern",
    "south",
    "southeast",
    "southeastern",
    "southern",
    "southwest",
    "southwestern",
    "west",
    "western",
];

/// British spellings folded to one form before names are compared.
pub const SPELLING_VARIANTS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("defence", "defense"),
    ("labour", "labor"),
    ("offence", "offense"),
    ("organisation", "organization"),
    ("programme", "program"),
];

/// Month names (folded), January first.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names (folded), Monday first.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a folded word is in a sorted or unsorted list.
pub fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Fold British spellings to one form.
pub fn normalize_spelling(folded_word: &str) -> &str {
    SPELLING_VARIANTS
        .iter()
        .find(|(from, _)| *from == folded_word)
        .map(|(_, to)| *to)
        .unwrap_or(folded_word)
}

/// Month index (1-based) of a folded word, accepting three-letter abbreviations.
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() >= 3 && m.starts_with(w) && (w.len() == 3 || w == "sept"))
        })
        .map(|i| i as u32 + 1)
}

/// Weekday index (0 = Monday) of a folded word.
pub fn weekday(word: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| *d == word).map(|i| i as u32)
}

//! Types of the facts stage (quantities, quotes, dates, timeline). Owned by crosswire-facts;
//! they live here so that report and store can use them without depending on that stage.
//!
//! Every item found in an article carries a [`Citation`] (article id, outlet label,
//! paragraph and sentence index) so a reader can check it against the text.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Everything the facts stage found for one story.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Facts {
    /// Date used to resolve relative dates in articles without a publication date (the latest
    /// publication date of the story); `None` when no article is dated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_date: Option<NaiveDate>,
    /// Every quantity claim, in article and reading order.
    #[serde(default)]
    pub claims: Vec<QuantityClaim>,
    /// Claims about the same thing (counted noun + event class) across articles, each group
    /// listing every source's value and scope; groups found in more outlets come first.
    #[serde(default)]
    pub claim_groups: Vec<ClaimGroup>,
    /// Attributed statements and quotes ("who said what"), in article and reading order.
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// People, places and organizations, merged across articles; most mentioned first.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Every date expression found, with its resolution when one was possible.
    #[serde(default)]
    pub dates: Vec<DateMention>,
    /// Dated events of the story in chronological order, merged across articles.
    #[serde(default)]
    pub timeline: Vec<TimelineEvent>,
}

/// Where an item was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Citation {
    /// The article's id.
    pub article: String,
    /// What a citation shows: the article's outlet if known, else its id.
    pub label: String,
    /// Paragraph index in the article body (0-based).
    pub paragraph: usize,
    /// Sentence index within that paragraph (0-based).
    pub sentence: usize,
}

/// How a stated number bounds the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// No qualifier: the number as stated.
    Exact,
    /// "more than", "at least", "a minimum of", "over": the value is a lower bound.
    AtLeast,
    /// "up to", "nearly", "almost", "fewer than": the value is an upper bound.
    AtMost,
    /// "about", "some", "around", "an estimated", or vague amounts ("hundreds of").
    About,
}

/// A number as an article states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quantity {
    /// The number as written, qualifier included ("more than 120", "a dozen", "10 to 15").
    pub text: String,
    /// The qualifier as written, lowercase ("more than", "at least"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// What the qualifier means for the value.
    pub bound: Bound,
    /// The stated value (the lower end of a range).
    pub low: f64,
    /// The upper end of a range; equal to `low` for a single number.
    pub high: f64,
}

/// One number with what it counts, as one sentence states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuantityClaim {
    pub quantity: Quantity,
    /// What is counted, as written but lowercased ("civilians", "health facilities").
    pub counted: String,
    /// Matching key of `counted`: folded Snowball stems of its words ("health facil").
    pub counted_key: String,
    /// The event word(s) as written ("killed", "lost their lives", "have been struck").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Canonical event class shared by synonyms: `killed` (killed, died, lost their lives),
    /// `injured` (wounded), `displaced` (uprooted, fled), `struck` (hit, targeted)...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_class: Option<String>,
    /// The period or moment the number covers, when stated ("since April 25", "as of Monday").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The date the scope resolves to, when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_date: Option<ResolvedDate>,
    /// Who the article attributes the number to, when stated ("the United Nations").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// True when `source` is not stated in this sentence but carried over from the previous
    /// sentence of the paragraph, which counts the same kind of thing or continues its topic
    /// ("12 schools have been damaged, the agency said. Three clinics were hit twice.").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub source_inherited: bool,
    /// The sentence the claim came from.
    pub sentence: String,
    pub citation: Citation,
}

/// How the values of a claim group relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Only one outlet makes the claim.
    Single,
    /// Every source gives the same value.
    Agree,
    /// Values for the same scope differ in wording or bound but can all be true
    /// ("more than 120" and "at least 150").
    Compatible,
    /// Values are for different scopes (periods, moments) and are not compared: each
    /// value's `scope_key` tells which scope it is for.
    Differ,
    /// At least two values for the same (or no stated) scope cannot both be true.
    Conflict,
}

/// Claims about the same counted thing and event, across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ClaimGroup {
    /// Display form of what is counted (the most common wording).
    pub counted: String,
    /// The shared event class, if the claims have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_class: Option<String>,
    /// Grouping key: counted key and event class.
    pub key: String,
    /// Distinct (value, scope, source) statements, each with the outlets that make it.
    pub values: Vec<GroupValue>,
    pub agreement: Agreement,
    /// Every outlet label that contributes a value, deduplicated.
    pub outlets: Vec<String>,
}

/// One value of a claim group and who states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GroupValue {
    pub quantity: Quantity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_date: Option<ResolvedDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// True when the source was carried over from a neighbouring sentence (see
    /// [`QuantityClaim::source_inherited`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub source_inherited: bool,
    /// The scope this value is compared within: the scope's preposition and resolved date
    /// ("since 2019-04-25"), its folded words when unresolved, or "" when no scope is
    /// stated. Values with equal keys (from different articles) are compared; values with
    /// different keys are counts over different periods.
    #[serde(default)]
    pub scope_key: String,
    /// Outlet labels stating this value, deduplicated.
    pub outlets: Vec<String>,
    pub citations: Vec<Citation>,
    /// True when this value contradicts another value of the group for the same scope.
    pub conflicts: bool,
    /// True when a single outlet states it while the group has several outlets.
    pub only_one_outlet: bool,
}

/// An attributed statement or quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Statement {
    /// The speaker resolved to the fullest name the story gives ("Hulusi Akar"), else as
    /// written without a leading article ("Turkish Defense Ministry", "rescue workers"). A
    /// speaker the story describes but does not name ("Sources", "Turkish officials",
    /// "witnesses", "the ministry") keeps its description here and has the role "unnamed
    /// source" (`Statement::is_unnamed`).
    pub speaker: String,
    /// The speaker as this sentence writes it ("Akar", "the ministry", "He", "Turkish
    /// sources").
    pub speaker_text: String,
    /// Title or role of the speaker when the story gives one ("Turkish Defense Minister"),
    /// or "unnamed source" for a speaker the story does not name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The reporting verb as written ("said", "told", "according to", "denies").
    pub verb: String,
    /// What was said: the quoted words, or the reported clause.
    pub text: String,
    /// True for words in quotation marks.
    pub direct: bool,
    pub citation: Citation,
}

/// Stems of reporting verbs that change what a reader takes from the reported words: the
/// speaker denies, rejects or disputes them, warns of them, or only claims them.
const STANCE_VERB_STEMS: &[&str] = &[
    "deni",
    "deny",
    "reject",
    "disput",
    "warn",
    "claim",
    "alleg",
    "insist",
    "admit",
    "acknowledg",
    "refut",
    "dismiss",
    "contest",
    "threaten",
    "vow",
    "promis",
    "pledg",
    "accus",
    "doubt",
    "question",
    "predict",
    "fear",
    "hope",
    "urg",
    "demand",
    "call",
];

/// The role of a speaker the story describes but does not name ("sources said",
/// "officials said"): such a speaker is attributable, never a named speaker.
pub const UNNAMED_ROLE: &str = "unnamed source";

impl Statement {
    /// True when the story does not name the speaker ("sources said", "officials said").
    pub fn is_unnamed(&self) -> bool {
        self.role.as_deref() == Some(UNNAMED_ROLE)
    }

    /// The reporting verb, lowercase, when it changes the meaning of the reported words
    /// ("denies", "warned", "claimed"); `None` for neutral ones ("said", "told").
    pub fn stance_verb(&self) -> Option<String> {
        let v = self.verb.trim().to_lowercase();
        let first = v.split_whitespace().next()?;
        STANCE_VERB_STEMS
            .iter()
            .any(|s| first.starts_with(s))
            .then_some(v)
    }
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
    /// A name whose kind the context does not tell.
    Other,
}

/// A named person, place or organization, merged across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    /// The longest form the story gives ("Hulusi Akar").
    pub name: String,
    pub kind: EntityKind,
    /// Titles and roles seen before the name ("Turkish Defense Minister").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Other forms merged into this one ("Akar", "Erdogan" for "Recep Tayyip Erdoğan").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Number of mentions in the story.
    pub mentions: usize,
    /// Ids of the articles mentioning it.
    pub articles: Vec<String>,
}

/// How precise a resolved date is. `Period` is a span between two stated days, such as a
/// count "since April 28" up to the day it was reported (`2019-04-28/2019-05-13`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Season,
    Year,
    Period,
}

/// A date expression resolved to the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ResolvedDate {
    /// First day of the period.
    pub start: NaiveDate,
    /// Last day of the period (equal to `start` for a day).
    pub end: NaiveDate,
    pub granularity: Granularity,
    /// ISO 8601 form: `2019-05-20` (day), `2019-W20` (week), `2019-05` (month),
    /// `2018-06/2018-08` (season), `2019` (year), `2019-04-28/2019-05-13` (period).
    pub iso: String,
    /// True when the article had no publication date and the story's date was used.
    pub inferred: bool,
}

/// A date expression found in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// The expression as written, with its preposition ("since April 25", "on Tuesday").
    pub text: String,
    /// True for expressions that need a reference date ("Tuesday", "last week", "May 20").
    pub relative: bool,
    /// The calendar date, or `None` when it could not be resolved (kept as text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<ResolvedDate>,
    pub citation: Citation,
}

/// One dated event of the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TimelineEvent {
    pub date: ResolvedDate,
    /// What happened, short: the clause of the event's main verb with its subject and
    /// object, attribution and date phrases dropped, from the first article that states it.
    pub text: String,
    /// The whole sentence the event was read from (in the first article stating it).
    #[serde(default)]
    pub sentence: String,
    /// Outlet labels stating it, deduplicated.
    pub outlets: Vec<String>,
    pub citations: Vec<Citation>,
}

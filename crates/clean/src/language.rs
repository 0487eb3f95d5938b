//! Does the line model read this page's language?
//!
//! The model's evidence is English: the share of English function words tells prose from
//! menus, and calls to action, share/subscribe vocabulary, attribution verbs and month names
//! come from English lexicons. On a page in another language every line looks like a menu
//! (no function words, no verbs), and the model removed whole German or Polish articles that
//! an HTML extractor had already cleaned. A page the model cannot read is therefore kept as it
//! is: declining to judge loses some boilerplate, judging blindly loses the article.

use crate::features::PageLine;

/// Lines of at least this many words are prose-like: their function-word share says most
/// about the language.
const PROSE_LINE_WORDS: usize = 8;
/// Below this many words in prose-like lines, every line's words are used.
const MIN_PROSE_WORDS: usize = 20;
/// English prose has 35–55% function words on our list; other languages' prose under 20%,
/// since only chance spellings ("in", "so", "an") match.
const ENGLISH_FUNCTION_SHARE: f32 = 0.3;
/// Below that, prose is still read as English when it has at least this share of English
/// function words and several times more of them than of other languages' function words.
const ENGLISH_FUNCTION_SHARE_LOW: f32 = 0.2;
const ENGLISH_OVER_FOREIGN: f32 = 3.0;
/// Prose is not English when other languages' function words are at least this share and
/// outnumber the English ones.
const FOREIGN_FUNCTION_SHARE: f32 = 0.1;
/// Prose words checked against other languages' function words.
const FOREIGN_SAMPLE_WORDS: usize = 400;
/// Characters of prose given to the language identifier when function words do not settle it.
const IDENTIFY_CHARS: usize = 1500;
/// A page is read as English when at least 1 in this many identified prose words is in English
/// lines.
const ENGLISH_LINES_DENOMINATOR: usize = 3;

/// Whether the page is in English, the language the line model was trained on. Cheap when the
/// answer is clear (the function-word share the features already computed); otherwise a
/// language identifier decides on the page's prose. A page with no words at all is "read":
/// the model then only drops what is empty of text anyway.
pub fn model_reads(lines: &[PageLine<'_>]) -> bool {
    let share = |min_words: usize| {
        let (stops, words) = lines.iter().filter(|l| l.stats.words >= min_words).fold(
            (0.0f32, 0usize),
            |(s, w), l| {
                (
                    s + l.stats.stop_ratio * l.stats.words as f32,
                    w + l.stats.words,
                )
            },
        );
        (words > 0).then(|| (stops / words as f32, words))
    };
    let Some((prose_share, prose_words)) = share(PROSE_LINE_WORDS)
        .filter(|&(_, w)| w >= MIN_PROSE_WORDS)
        .or_else(|| share(0))
    else {
        return true;
    };
    if prose_share >= ENGLISH_FUNCTION_SHARE {
        return true;
    }
    let min_words = if prose_words >= MIN_PROSE_WORDS {
        PROSE_LINE_WORDS
    } else {
        0
    };
    // Function words of other languages settle most of the rest without the (costly)
    // identifier: German, French or Polish prose is full of them, English prose and
    // English-like text (names, jargon) has next to none.
    let foreign = foreign_function_share(lines, min_words);
    if prose_share >= ENGLISH_FUNCTION_SHARE_LOW && prose_share >= ENGLISH_OVER_FOREIGN * foreign {
        return true;
    }
    if foreign >= FOREIGN_FUNCTION_SHARE && foreign > prose_share {
        return false;
    }
    // Line by line and each distinct line once, so that foreign filler (a language picker,
    // repeated lorem ipsum placeholders) on an English page does not outvote its prose.
    let (mut english, mut other, mut chars) = (0usize, 0usize, 0usize);
    let mut seen = std::collections::HashSet::new();
    for line in lines.iter().filter(|l| l.stats.words >= min_words) {
        if !seen.insert(line.key) {
            continue;
        }
        if chars >= IDENTIFY_CHARS {
            break;
        }
        chars += line.text.len();
        match whatlang::detect(line.text) {
            Some(info) if info.lang() == whatlang::Lang::Eng => english += line.stats.words,
            Some(_) => other += line.stats.words,
            None => {}
        }
    }
    // Unidentifiable text (too short, symbols) is left to the model, as before.
    english * ENGLISH_LINES_DENOMINATOR >= english + other
}

/// Share of other languages' function words among the words of distinct prose lines (at most
/// [`FOREIGN_SAMPLE_WORDS`] words).
fn foreign_function_share(lines: &[PageLine<'_>], min_words: usize) -> f32 {
    let (mut foreign, mut total) = (0usize, 0usize);
    let mut seen = std::collections::HashSet::new();
    for line in lines.iter().filter(|l| l.stats.words >= min_words) {
        if total >= FOREIGN_SAMPLE_WORDS {
            break;
        }
        if !seen.insert(line.key) {
            continue;
        }
        for w in line.text.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() {
                continue;
            }
            total += 1;
            if is_foreign_function_word(&w.to_lowercase()) {
                foreign += 1;
            }
        }
    }
    if total == 0 {
        0.0
    } else {
        foreign as f32 / total as f32
    }
}

/// Frequent function words of German, French, Spanish, Italian, Portuguese, Dutch, Polish and
/// the Scandinavian languages that are not also English words ("die" and "den" are, but rare
/// enough in English prose; "a", "in", "do", "no", "per", "plus", "son" and the "el" and "al"
/// of names are left out).
fn is_foreign_function_word(w: &str) -> bool {
    matches!(
        w,
        // German
        "der" | "die" | "das" | "und" | "ist" | "nicht" | "mit" | "sich" | "auf" | "für"
            | "dem" | "den" | "ein" | "eine" | "einen" | "zu" | "von" | "wird" | "auch"
            | "sie" | "ich" | "wir" | "aber" | "wie" | "bei" | "nach" | "oder" | "noch"
            | "nur" | "werden" | "sind" | "wurde" | "kann" | "dass" | "über" | "im" | "zum"
            | "zur" | "des" | "vom" | "sei"
            // French
            | "le" | "la" | "les" | "et" | "est" | "une" | "dans" | "pour" | "pas" | "qui"
            | "sur" | "avec" | "du" | "au" | "aux" | "ce" | "cette" | "sont" | "par"
            | "mais" | "ou" | "il" | "elle" | "nous" | "vous" | "été" | "être"
            // Spanish, Italian, Portuguese
            | "los" | "las" | "y" | "es" | "en" | "del" | "que" | "por" | "una"
            | "con" | "para" | "se" | "su" | "lo" | "como" | "más" | "pero" | "sus"
            | "fue" | "este" | "esta" | "di" | "che" | "è" | "della" | "delle"
            | "dei" | "gli" | "nel" | "nella" | "sono" | "anche" | "questo" | "più" | "os"
            | "em" | "um" | "uma" | "não" | "com" | "da" | "dos" | "ao"
            | "foi" | "de" | "un"
            // Dutch
            | "het" | "een" | "van" | "niet" | "ik" | "zijn" | "dat" | "voor" | "met"
            | "wordt" | "ook" | "maar" | "bij" | "deze" | "naar" | "heeft"
            // Polish
            | "w" | "nie" | "się" | "na" | "że" | "jest" | "z" | "jak" | "ale" | "po"
            | "od" | "za" | "przez" | "czy" | "są" | "tak"
            // Danish, Norwegian, Swedish
            | "og" | "er" | "ikke" | "att" | "och" | "är" | "det" | "som" | "för" | "med"
            | "på" | "av"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::page_lines;

    fn reads(text: &str) -> bool {
        let blocks: Vec<String> = text.lines().map(str::to_string).collect();
        model_reads(&page_lines(&blocks))
    }

    #[test]
    fn english_prose_is_read() {
        assert!(reads(
            "Home | News | Sport\nThe minister said on Tuesday that the talks would resume \
             next week, after the two sides had agreed on a new schedule for the meetings."
        ));
    }

    #[test]
    fn german_and_polish_prose_is_not() {
        assert!(!reads(
            "Startseite | Politik\nDie Regierung hat am Dienstag beschlossen, dass die \
             Verhandlungen in der kommenden Woche fortgesetzt werden, nachdem sich beide \
             Seiten auf einen neuen Zeitplan für die Gespräche geeinigt hatten."
        ));
        assert!(!reads(
            "Rząd postanowił we wtorek, że negocjacje zostaną wznowione w przyszłym \
             tygodniu, po tym jak obie strony uzgodniły nowy harmonogram rozmów."
        ));
    }

    #[test]
    fn terse_english_prose_is_read_and_terse_german_is_not() {
        // Few function words either way: the other languages' function words decide.
        assert!(reads(
            "Quarterly revenue rose 12 percent to $4.1 billion, beating analyst estimates, \
             as cloud subscriptions, enterprise licensing and hardware sales all grew."
        ));
        assert!(!reads(
            "Der Umsatz im dritten Quartal stieg um 12 Prozent auf 4,1 Milliarden Dollar und \
             lag damit über den Erwartungen der Analysten für das Geschäft mit der Cloud."
        ));
    }

    #[test]
    fn english_with_little_prose_is_read() {
        // Function words are rare in a short English headline list; the identifier decides.
        assert!(reads(
            "Markets rally as central bank holds rates steady\nStocks climb"
        ));
        assert!(reads(""));
    }
}

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
    fn english_with_little_prose_is_read() {
        // Function words are rare in a short English headline list; the identifier decides.
        assert!(reads(
            "Markets rally as central bank holds rates steady\nStocks climb"
        ));
        assert!(reads(""));
    }
}

//! Articles in languages other than English keep their text through the pipeline: the text
//! cleaner's model reads English only, and once removed whole German articles.

use crosswire::model::{RawDocument, SourceKind};
use crosswire::pipeline;

const GERMAN_PAGE: &str = "<html lang=\"de\"><head><title>Hochwasser in Riverton</title></head>\
<body><nav><a href=\"/\">Startseite</a> | <a href=\"/politik\">Politik</a></nav><article>\
<h1>Hochwasser zwingt Tausende zur Flucht</h1>\
<p>Das Hochwasser des Flusses Elm hat am Montag rund 3000 Einwohner von Riverton gezwungen, \
ihre Häuser zu verlassen, nachdem es zwei Tage lang heftig geregnet hatte, wie die Behörden \
mitteilten.</p>\
<p>Der Fluss stieg vier Meter über seinen normalen Pegel und durchbrach nördlich der Stadt \
einen Deich, sagte ein Sprecher der Feuerwehr.</p>\
<p>Rettungskräfte holten mit Booten Familien von den Dächern in den tiefer gelegenen \
Vierteln der Stadt, teilte die Polizei mit.</p></article></body></html>";

const POLISH_TEXT: &str = "Powódź w Riverton\n\n\
Wezbrana rzeka Elm zmusiła w poniedziałek około trzech tysięcy mieszkańców Riverton do \
opuszczenia domów po dwóch dniach ulewnych deszczy, poinformowały władze miasta.\n\n\
Rzeka podniosła się o cztery metry ponad normalny poziom i przerwała wał przeciwpowodziowy \
na północ od miasta, powiedział rzecznik straży pożarnej.";

#[test]
fn german_html_and_polish_text_keep_their_paragraphs() {
    let docs = vec![
        RawDocument {
            kind: SourceKind::Html,
            ..RawDocument::text("de", "de.html", GERMAN_PAGE)
        },
        RawDocument::text("pl", "pl.txt", POLISH_TEXT),
    ];
    let articles = pipeline::prepare(docs);
    assert_eq!(articles.len(), 2);
    for a in &articles {
        let text = a.paragraphs.join("\n");
        assert!(
            a.stats.kept_words * 2 > a.stats.raw_words,
            "{}: kept {} of {} words: {text:?}",
            a.id,
            a.stats.kept_words,
            a.stats.raw_words
        );
    }
    assert!(articles[0].paragraphs.iter().any(|p| p.contains("Deich")));
    assert!(articles[1].paragraphs.iter().any(|p| p.contains("wał")));
}

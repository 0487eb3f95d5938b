//! The stages composed: raw documents → articles → story → digest.
//!
//! Each function here is one arrow of the pipeline and can be called alone; `crosswire
//! digest` calls them in order.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crosswire_clean::{Cleaner, Document as CleanDoc, default_cleaner};
use crosswire_ingest::metadata;
use crosswire_model::{
    Article, CleanStats, DIGEST_SCHEMA_VERSION, Digest, RawDocument, SourceRow, Story,
    SummarySentence,
};
use crosswire_summarize::{Document as SummDoc, Method};
use crosswire_text::{content_terms, headline_or_lead, word_count};

/// Raw documents → cleaned articles, with the default cleaner.
pub fn prepare(docs: Vec<RawDocument>) -> Vec<Article> {
    prepare_with(docs, default_cleaner().as_ref())
}

/// Raw documents → cleaned articles: container conversion (HTML extraction), metadata from
/// the text, then boilerplate removal over the whole batch (repetition across documents is
/// evidence).
pub fn prepare_with(docs: Vec<RawDocument>, cleaner: &dyn Cleaner) -> Vec<Article> {
    let parsed: Vec<(RawDocument, metadata::TextMeta)> = docs
        .into_iter()
        .map(|raw| {
            let meta = metadata::from_raw(&raw);
            (raw, meta)
        })
        .collect();
    let inputs: Vec<CleanDoc<'_>> = parsed
        .iter()
        .map(|(_, m)| CleanDoc {
            title: Some(m.meta.title.as_str()),
            blocks: &m.body,
        })
        .collect();
    let cleaned = cleaner.clean_batch(&inputs);
    parsed
        .into_iter()
        .zip(cleaned)
        .map(|((raw, text_meta), cleaned)| {
            let raw_words = text_meta.raw_words;
            let mut removed = text_meta.removed;
            removed.extend(cleaned.removed);
            let mut meta = text_meta.meta;
            metadata::complete(&mut meta, &cleaned.kept, &removed);
            let stats = CleanStats {
                raw_words: raw_words.max(1),
                kept_words: cleaned.kept.iter().map(|p| word_count(p)).sum(),
            };
            Article {
                id: raw.id,
                origin: raw.origin,
                meta,
                paragraphs: cleaned.kept,
                stats,
                removed,
            }
        })
        .collect()
}

/// Articles about one event → a story with its duplicate groups. Articles are ordered by
/// publication date (undated ones keep their input order, after dated ones of the same rank).
pub fn story(id: &str, mut articles: Vec<Article>) -> Story {
    articles.sort_by_key(|a| a.meta.published.unwrap_or(chrono::NaiveDate::MAX));
    let duplicates = crosswire_dedup::find_duplicates(&articles);
    Story {
        id: id.to_string(),
        articles,
        duplicates,
    }
}

/// Settings of [`digest`].
#[derive(Debug, Clone)]
pub struct DigestOptions {
    /// Word budget of the summary.
    pub words: usize,
    pub method: Method,
    /// Run the facts stage.
    pub facts: bool,
    /// Include the cleaned articles in the digest.
    pub with_articles: bool,
}

impl Default for DigestOptions {
    fn default() -> Self {
        DigestOptions {
            words: 100,
            method: Method::default(),
            facts: true,
            with_articles: false,
        }
    }
}

/// A story → its digest: headline, cited summary, sources table, duplicates, facts.
pub fn digest(story: &Story, opts: &DigestOptions) -> Digest {
    let copy_of: HashMap<&str, (&str, f64)> = story
        .duplicates
        .iter()
        .flat_map(|g| {
            g.copies
                .iter()
                .map(move |c| (c.id.as_str(), (g.representative.as_str(), c.similarity)))
        })
        .collect();
    let reps: Vec<&Article> = story.representatives().collect();
    let summary = summarize(story, &reps, opts);
    let sources = story
        .articles
        .iter()
        .map(|a| SourceRow {
            id: a.id.clone(),
            origin: a.origin.clone(),
            outlet: a.meta.outlet.clone(),
            title: headline_or_lead(&a.meta.title, &a.paragraphs).into_owned(),
            published: a.meta.published,
            byline: a.meta.byline.clone(),
            wire: a.meta.wire.clone(),
            raw_words: a.stats.raw_words,
            kept_words: a.stats.kept_words,
            boilerplate_removed: a.stats.removed_share(),
            copy_of: copy_of.get(a.id.as_str()).map(|(r, _)| r.to_string()),
            similarity: copy_of.get(a.id.as_str()).map(|(_, s)| *s),
        })
        .collect();
    Digest {
        schema_version: DIGEST_SCHEMA_VERSION,
        story_id: story.id.clone(),
        headline: headline(&reps),
        summary,
        sources,
        duplicates: story.duplicates.clone(),
        // Copies are kept here: an outlet that carries a wire story vouches for its numbers.
        facts: opts
            .facts
            .then(|| crosswire_facts::extract(&story.articles)),
        articles: opts.with_articles.then(|| story.articles.clone()),
    }
}

fn summarize(story: &Story, reps: &[&Article], opts: &DigestOptions) -> Vec<SummarySentence> {
    let docs: Vec<SummDoc<'_>> = reps
        .iter()
        .map(|a| SummDoc {
            paragraphs: &a.paragraphs,
        })
        .collect();
    let summary = opts
        .method
        .summarizer_for_reading()
        .summarize(&docs, opts.words);
    summary
        .sentences
        .into_iter()
        .map(|s| {
            // A copy carries whatever its representative carries.
            let mut sources: Vec<String> = Vec::new();
            for &d in &s.supporting {
                let rep = &reps[d].id;
                sources.push(rep.clone());
                // In the duplicate group's order (not the map's), so output is stable.
                sources.extend(
                    story
                        .duplicates
                        .iter()
                        .filter(|g| &g.representative == rep)
                        .flat_map(|g| g.copies.iter())
                        .map(|c| c.id.clone()),
                );
            }
            let mut seen = HashSet::new();
            sources.retain(|id| seen.insert(id.clone()));
            let mut outlets: Vec<String> = Vec::new();
            for id in &sources {
                if let Some(outlet) = story.article(id).and_then(|a| a.meta.outlet.clone())
                    && !outlets.contains(&outlet)
                {
                    outlets.push(outlet);
                }
            }
            SummarySentence {
                text: s.text,
                sources,
                outlets,
            }
        })
        .collect()
}

/// The title that shares the most content terms with the other titles: the most
/// representative wording of the story. Ties go to the earlier article. An article without
/// a title competes with the headline derived from its lead.
fn headline(articles: &[&Article]) -> String {
    let titles: Vec<Cow<'_, str>> = articles
        .iter()
        .map(|a| headline_or_lead(&a.meta.title, &a.paragraphs))
        .collect();
    let terms: Vec<HashSet<String>> = titles
        .iter()
        .map(|t| content_terms(t).into_iter().collect())
        .collect();
    let mut best: Option<(f64, usize)> = None;
    for (i, t) in terms.iter().enumerate() {
        if t.is_empty() {
            continue;
        }
        let score: f64 = terms
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, u)| t.intersection(u).count() as f64 / (t.len() as f64).sqrt())
            .sum();
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| titles[i].to_string())
        .unwrap_or_else(|| "Untitled story".to_string())
}

//! Stories from the store for `crosswire digest --db PATH [--story ID]`.

use std::path::Path;

use anyhow::Context;
use crosswire::model::Story;
use crosswire::store::Store;

/// Load one story (`story` = its id, with or without the `story-` prefix) or, with `None`,
/// every live story, most recently updated first.
pub fn load_stories(db: &Path, story: Option<&str>) -> anyhow::Result<Vec<Story>> {
    if !db.exists() {
        anyhow::bail!(
            "no store at {} (run `crosswire ingest` first)",
            db.display()
        );
    }
    let store = Store::open(db).with_context(|| format!("cannot open {}", db.display()))?;
    match story {
        Some(id) => {
            let n: u64 = id
                .trim()
                .trim_start_matches("story-")
                .parse()
                .with_context(|| format!("story id {id:?} is not a number"))?;
            let s = store
                .story(n)?
                .with_context(|| format!("no story {id} in {}", db.display()))?;
            Ok(vec![s])
        }
        None => {
            let mut out = Vec::new();
            for summary in store.stories()? {
                if let Some(s) = store.story(summary.id)? {
                    out.push(s);
                }
            }
            Ok(out)
        }
    }
}

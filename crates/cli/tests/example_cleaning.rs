//! What a reader checks on the bundled example: boilerplate gone, reporting kept, copies grouped.

mod common;

fn digest() -> serde_json::Value {
    common::digest_json(&["--with-articles"], &common::example())
}

fn kept(d: &serde_json::Value) -> String {
    d["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| {
            a["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap().to_string())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn boilerplate_is_removed() {
    let d = digest();
    let body = kept(&d);
    for gone in [
        "testing whether or not you are a human",
        "1 + 3 =",
        "Solve this simple math problem",
        "users have voted",
        "Add new comment",
        "emailed to you each day",
        "Donate now",
        "donation options",
        "Patreon",
        "Lets face it",
        "Subscribe to Newsletter",
        "full premium article",
        "Log In Sign Up",
        "You May Also Like",
        "Comments are closed",
        "You are here",
        "PHOTO:",
    ] {
        assert!(!body.contains(gone), "still in the body: {gone}");
    }
}

#[test]
fn reporting_is_kept() {
    let d = digest();
    let body = kept(&d);
    for kept in [
        "A renewed wave of violence in northwestern Syria has killed more than 120 civilians",
        "Since April 28, a total of 18 health facilities have been struck",
        "The Syrian army denies its strikes target civilians",
        "Syria has been locked in a vicious civil war since early 2011",
        "Some 1.5 million people currently reside in Idlib",
        "However, observers thought that Turkey is procrastinating",
        "We conducted this lighting offensive",
        "Turkish Foreign Minister Mevlut Cavusoglu called the attacks",
        "Moscow had been exerting pressure on Ankara",
    ] {
        assert!(body.contains(kept), "lost: {kept}");
    }
}

#[test]
fn the_two_reuters_copies_are_grouped() {
    let d = digest();
    let groups = d["duplicates"].as_array().unwrap();
    let together = groups.iter().any(|g| {
        let mut ids: Vec<&str> = vec![g["representative"].as_str().unwrap()];
        ids.extend(
            g["copies"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap()),
        );
        ids.iter().any(|i| i.starts_with("000_")) && ids.iter().any(|i| i.starts_with("001_"))
    });
    assert!(together, "groups: {groups:?}");
    // The two different reports are not copies of anything.
    for g in groups {
        let all = serde_json::to_string(g).unwrap();
        assert!(!all.contains("003_") && !all.contains("004_"), "{all}");
    }
}

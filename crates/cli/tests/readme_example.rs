//! The README shows the digest of the bundled example: every line it shows (the "…" rows
//! stand for what it leaves out) must be what `crosswire digest` prints, so the front page
//! cannot drift from the program.

mod common;

use common::{example, run_ok};

#[test]
fn readme_example_digest_matches_the_program() {
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"),
    )
    .expect("README.md");
    let block: Vec<&str> = readme
        .split("```markdown\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("README has a ```markdown block")
        .lines()
        .filter(|l| !l.starts_with("| …"))
        .collect();
    assert!(block.len() > 20, "the README block is the digest excerpt");
    let out = String::from_utf8(run_ok(&["digest", example().to_str().expect("utf-8 path")]))
        .expect("utf-8 digest");
    let printed: std::collections::HashSet<&str> = out.lines().collect();
    let missing: Vec<&&str> = block.iter().filter(|l| !printed.contains(**l)).collect();
    assert!(
        missing.is_empty(),
        "README lines the digest does not print: {missing:#?}"
    );
}

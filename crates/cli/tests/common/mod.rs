//! Helpers shared by the CLI's end-to-end tests (each test file is its own crate and
//! includes this with `mod common;`).

// Not every test file uses every helper.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `crosswire` binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosswire"))
}

/// The bundled example cluster.
pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/idlib-2019-05")
}

/// A fresh, empty temporary directory, unique to this process, test thread and `name`.
pub fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "crosswire-{name}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("tempdir");
    d
}

/// `crosswire ARGS`, which must succeed: its stdout.
pub fn run_ok(args: &[&str]) -> Vec<u8> {
    let out = bin().args(args).output().expect("crosswire runs");
    assert!(
        out.status.success(),
        "crosswire {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// `crosswire digest --format json EXTRA... INPUT`, which must exit 0: the parsed digest.
pub fn digest_json(extra: &[&str], input: &Path) -> serde_json::Value {
    let out = bin()
        .args(["digest", "--format", "json"])
        .args(extra)
        .arg(input)
        .output()
        .expect("crosswire runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("digest JSON parses")
}

//! Test helpers shared by the newsgraph crates (a dev-dependency only).
//!
//! Corpora live in `../shared/` beside the repository, which exists on
//! developer machines and in CI but not on a user's machine. Tests that read it
//! call [`shared_dir`] and return early, printing a visible notice, when it is
//! absent:
//!
//! ```
//! let Some(dir) = newsgraph_testkit::shared_dir("data/ud_german_gsd") else { return };
//! assert!(dir.is_dir());
//! ```
#![deny(missing_docs)]

use std::path::PathBuf;

/// The path `rel` inside the shared folder, or `None` (after printing a
/// `SKIP` notice to stderr) when it does not exist.
///
/// The shared folder is `$NEWSGRAPH_SHARED` when set, else `../shared` next to
/// the repository root.
pub fn shared_dir(rel: &str) -> Option<PathBuf> {
    let root = std::env::var_os("NEWSGRAPH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let path = root.join(rel);
    if path.exists() {
        Some(path)
    } else {
        // Written to the stderr handle, not with eprintln!, so the notice is
        // visible even though the test harness captures printed output.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr().lock(),
            "SKIP: {} not found (set NEWSGRAPH_SHARED to the shared data folder to run this test)",
            path.display()
        );
        None
    }
}

/// The path of a file in the repository (`samples/…`, `resources/…`).
pub fn repo_path(rel: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(rel)
}

/// Copies folder `from` to `to` with everything below it (a language pack
/// copied under another code, in tests that load packs from a folder).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let target = to.join(path.file_name().expect("a directory entry has a name"));
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

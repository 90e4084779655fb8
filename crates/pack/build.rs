//! Compiles `resources/` into the binary: every data file (scripts and notes
//! aside) becomes an entry of `$OUT_DIR/embedded.rs`, keyed by its path
//! relative to `resources/`; the folders that hold a `pack.toml` are the
//! shipped language packs, the others language-independent data.

use std::path::{Path, PathBuf};

fn main() {
    // Watched paths are relative to the package, so that a target folder
    // copied beside another checkout watches that checkout's files.
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest_dir.join("../../resources");
    let watch = |p: &Path| {
        let rel = p.strip_prefix(manifest_dir).unwrap_or(p);
        println!("cargo:rerun-if-changed={}", rel.display());
    };
    watch(&root);
    let mut packs = Vec::new();
    let mut files = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("resources/ beside the crates")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        if dir.join("pack.toml").is_file() {
            packs.push(dir.file_name().unwrap().to_string_lossy().into_owned());
        }
        walk(&dir, &mut files, &watch);
    }
    let mut out = String::from("/// Shipped pack folders under resources/.\n");
    out.push_str(&format!("pub(crate) static PACKS: &[&str] = &{packs:?};\n"));
    out.push_str("/// (path relative to resources/, content), sorted by path.\n");
    out.push_str("pub(crate) static FILES: &[(&str, &[u8])] = &[\n");
    let mut entries: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&root).unwrap();
            let key: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            (key.join("/"), p.canonicalize().unwrap())
        })
        .collect();
    entries.sort();
    for (key, path) in entries {
        watch(&manifest_dir.join("../../resources").join(&key));
        out.push_str(&format!(
            "    ({key:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(dest, out).unwrap();
}

/// Data files below `dir`: generator scripts and notes are not pack data.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, watch: &dyn Fn(&Path)) {
    watch(dir);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out, watch);
        } else if !matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("py" | "md" | "sh")
        ) {
            out.push(p);
        }
    }
}

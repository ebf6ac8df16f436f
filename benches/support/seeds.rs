//! The bundled seed documents as benchmark text.

use std::path::{Path, PathBuf};

/// The seed texts (`seeds/*.txt`, in name order), joined by newlines.
pub fn seeds() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds/")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

//! `ach import`: sources as analysts have them (saved web pages, e-mail,
//! Word documents, text in any common encoding) turned into documents of the library.
//!
//! An import writes, in `seeds/`:
//! - `NAME.txt`, the readable text. Passages' byte offsets refer to it, so
//!   it is created once and never rewritten (a second import of the same
//!   name is refused);
//! - `NAME.txt.meta.toml`, its provenance ([`SourceMetadata`]): title,
//!   author, publisher, dates, URL, and the name and SHA-256 of the
//!   original;
//! - the original itself, byte for byte, unless it is already there.
//!
//! Each file is written to a temporary file and renamed into place; when
//! any step fails the files already written are removed, so nothing
//! half-imported is left behind.

mod decode;
mod docx;
mod email;
mod html;
mod project;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

pub use decode::{Decoded, decode_text};
pub use docx::convert_docx;
pub use email::convert_email;
pub use html::convert_html;
pub use project::{ImportedProject, ProjectError, import_project};

use crate::document::looks_binary;
use crate::storage::{SaveError, create_new};
use crate::workspace::{SourceMetadata, Workspace, metadata_path};

/// The extensions `ach import` converts.
pub const IMPORTABLE: &[&str] = &["html", "htm", "eml", "docx", "txt", "md"];

/// Extensions analysts' sources come in that the library cannot read as
/// they are and `ach import` does not convert yet.
pub const NOT_YET_IMPORTABLE: &[&str] = &["pdf"];

/// A source converted to text, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The readable text: paragraphs separated by blank lines.
    pub text: String,
    /// What the file itself says about its provenance.
    pub metadata: SourceMetadata,
}

/// Why a file could not be imported. Nothing is written when it fails.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The extension is not one `ach import` knows.
    #[error("cannot import `.{0}` files (import takes .html, .htm, .eml, .docx, .txt and .md)")]
    Unsupported(String),
    /// The file is of a known kind but holds nothing that can be imported.
    #[error("{0}")]
    Unconvertible(String),
    /// Not a regular file (a directory, a symbolic link, a device).
    #[error("not a regular file")]
    NotRegularFile,
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Read(std::io::Error),
    /// A file of that name is already in `seeds/` (imported text is never
    /// rewritten).
    #[error(
        "{0} already exists; imported text is never replaced (rename the file to import it again)"
    )]
    Exists(String),
    /// Writing into the workspace failed.
    #[error("{0}")]
    Write(#[from] SaveError),
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The new document, relative to the workspace root.
    pub document: String,
    /// The original, relative to the workspace root.
    pub original: String,
    /// The metadata written beside the document.
    pub metadata: SourceMetadata,
}

/// Converts the file at `source` by its extension, without writing.
pub fn convert(source: &Path, bytes: &[u8]) -> Result<Converted, ImportError> {
    let extension = extension_of(source);
    match extension.as_str() {
        "html" | "htm" => {
            let decoded = decode_text(bytes).ok_or_else(undecodable)?;
            let mut converted = convert_html(&decoded.text)?;
            converted.metadata.encoding = Some(decoded.encoding.to_owned());
            Ok(converted)
        }
        "eml" => convert_email(bytes),
        "docx" => convert_docx(bytes),
        "txt" | "md" => {
            if looks_binary(bytes) {
                return Err(ImportError::Unconvertible(
                    "a binary file, not a text document".to_owned(),
                ));
            }
            let decoded = decode_text(bytes).ok_or_else(undecodable)?;
            Ok(Converted {
                text: decoded.text,
                metadata: SourceMetadata {
                    encoding: Some(decoded.encoding.to_owned()),
                    ..SourceMetadata::default()
                },
            })
        }
        other => Err(ImportError::Unsupported(other.to_owned())),
    }
}

fn undecodable() -> ImportError {
    ImportError::Unconvertible(
        "the text is in no encoding that can be recognised (not UTF-8, UTF-16 or a common \
         single-byte encoding)"
            .to_owned(),
    )
}

/// Whether `path` names a PARC ACH 2.0 project (`.achz`), which `ach
/// import` makes a matrix of rather than a document.
pub fn is_parc_project(path: &Path) -> bool {
    extension_of(path) == "achz"
}

/// The lower-case extension of `path`, empty when it has none.
pub fn extension_of(path: &Path) -> String {
    path.extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Imports the file at `source` into `workspace`'s `seeds/`, dated `today`
/// as its retrieval date.
pub fn import_file(
    workspace: &Workspace,
    source: &Path,
    today: NaiveDate,
) -> Result<Imported, ImportError> {
    match fs::symlink_metadata(source) {
        Ok(info) if info.file_type().is_file() => {}
        Ok(_) => return Err(ImportError::NotRegularFile),
        Err(error) => return Err(ImportError::Read(error)),
    }
    let bytes = crate::fsio::read_regular(source).map_err(ImportError::Read)?;
    let mut converted = convert(source, &bytes)?;
    let seeds = workspace.root().join("seeds");
    fs::create_dir_all(&seeds).map_err(|source_error| {
        ImportError::Write(SaveError::Io {
            path: seeds.clone(),
            source: source_error,
        })
    })?;
    let original_name = source
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or_else(|| ImportError::Unconvertible("the file name is not valid UTF-8".to_owned()))?
        .to_owned();
    let stem = Path::new(&original_name)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or("document");
    let original_path = seeds.join(&original_name);
    // The text goes to NAME.txt, unless that name is the original itself
    // (a Latin-1 .txt being imported in place).
    let mut text_path = seeds.join(format!("{stem}.txt"));
    if text_path == original_path || same_file(&text_path, source) {
        text_path = seeds.join(format!("{stem}.utf8.txt"));
    }
    let sidecar_path = metadata_path(&text_path);
    for path in [&text_path, &sidecar_path] {
        if fs::symlink_metadata(path).is_ok() {
            return Err(ImportError::Exists(workspace.display_path(path)));
        }
    }

    let metadata = &mut converted.metadata;
    metadata.retrieved = Some(today.format("%Y-%m-%d").to_string());
    metadata.original = Some(original_name.clone());
    metadata.sha256 = Some(sha256_hex(&bytes));

    let mut written = Written::default();
    let copy_original = !same_file(&original_path, source);
    if copy_original {
        match crate::fsio::read_regular(&original_path) {
            Ok(existing) if existing == bytes => {}
            Ok(_) => return Err(ImportError::Exists(workspace.display_path(&original_path))),
            Err(_) => {
                create_new(&original_path, &bytes)?;
                written.0.push(original_path.clone());
            }
        }
    }
    let mut text = converted.text;
    if !text.ends_with('\n') && !text.is_empty() {
        text.push('\n');
    }
    create_new(&text_path, text.as_bytes())?;
    written.0.push(text_path.clone());
    create_new(&sidecar_path, converted.metadata.to_toml().as_bytes())?;
    written.0.clear();

    let relative = |path: &Path| {
        workspace
            .relative_path(path)
            .unwrap_or_else(|| workspace.display_path(path))
    };
    Ok(Imported {
        document: relative(&text_path),
        original: relative(&original_path),
        metadata: converted.metadata,
    })
}

/// Files written by an import that has not finished: removed if it fails.
#[derive(Default)]
struct Written(Vec<PathBuf>);

impl Drop for Written {
    fn drop(&mut self) {
        for path in &self.0 {
            let _ = fs::remove_file(path);
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The SHA-256 of `bytes`, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Text from a converter tidied into the library's paragraph shape: no
/// trailing spaces, at most one blank line between paragraphs, `\n` line
/// endings, no blank lines at either end.
pub(crate) fn tidy_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// The `YYYY-MM-DD` a timestamp starts with, when it is a real date.
pub(crate) fn date_prefix(timestamp: &str) -> Option<String> {
    let day = timestamp.trim().get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(|_| day.to_owned())
}

#[cfg(test)]
mod tests;

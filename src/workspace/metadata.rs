//! A document's provenance: the small TOML sidecar `DOCUMENT.meta.toml`
//! beside it (`seeds/report.txt` → `seeds/report.txt.meta.toml`).
//!
//! `ach import` writes it; the analyst may edit it by hand. Every key is
//! optional, so a hand-written `.txt` can gain a title and a publisher
//! without being imported. The library shows the title, source and date;
//! the exports and the brief cite passages with it; `ach check` validates
//! it and compares the original's SHA-256 with the recorded one.
//!
//! Source grading follows the Admiralty (NATO STANAG 2511) system: the
//! reliability of the source `A`–`F` and the credibility of the
//! information `1`–`6`.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Grading, InformationCredibility, SourceReliability};
use crate::storage::Location;

/// The suffix added to a document's file name to name its sidecar.
pub const METADATA_SUFFIX: &str = ".meta.toml";

/// Where a document's metadata lives, written and read as TOML.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMetadata {
    /// The document's own title (the page's, the report's, the e-mail's
    /// subject).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Who published it: the site, the agency, the sender's organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precisely
    /// as the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where it came from, when the file says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the analyst got it (the import date), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    /// The original file's name, in the document's directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// The SHA-256 of the original, lowercase hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// The character encoding the original was decoded from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Admiralty reliability of the source, `A` (completely reliable) to
    /// `F` (cannot be judged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<String>,
    /// Admiralty credibility of the information, 1 (confirmed) to 6
    /// (cannot be judged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<u8>,
}

/// What is wrong with a sidecar, with the position in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{at}: {message}")]
pub struct MetadataError {
    /// The sidecar, as the caller named it.
    pub path: String,
    /// Where in it.
    pub at: Location,
    /// What is wrong.
    pub message: String,
}

/// The sidecar of the document at `document` (a file path).
pub fn metadata_path(document: &Path) -> PathBuf {
    let mut name = document.as_os_str().to_owned();
    name.push(METADATA_SUFFIX);
    PathBuf::from(name)
}

/// Reads the sidecar of `document`: `Ok(None)` when there is none. Only a
/// regular file is read (a symbolic link is refused as unreadable).
pub fn read_metadata(document: &Path) -> Result<Option<SourceMetadata>, MetadataError> {
    let path = metadata_path(document);
    let shown = path.display().to_string();
    match std::fs::symlink_metadata(&path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(whole_file(&shown, format!("cannot read: {error}"))),
        Ok(info) if !info.file_type().is_file() => {
            return Err(whole_file(&shown, "not a regular file".to_owned()));
        }
        Ok(_) => {}
    }
    let text = crate::fsio::read_regular_to_string(&path)
        .map_err(|error| whole_file(&shown, format!("cannot read: {error}")))?;
    parse_metadata(&shown, &text).map(Some)
}

fn whole_file(path: &str, message: String) -> MetadataError {
    MetadataError {
        path: path.to_owned(),
        at: Location::START,
        message,
    }
}

/// Parses and validates sidecar `text`, known as `path` in errors.
pub fn parse_metadata(path: &str, text: &str) -> Result<SourceMetadata, MetadataError> {
    let error_at = |offset: usize, message: String| MetadataError {
        path: path.to_owned(),
        at: Location::of_offset(text, offset),
        message,
    };
    let metadata: SourceMetadata = toml::from_str(text).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        error_at(offset, error.message().to_owned())
    })?;
    // The value's position, for a problem found after parsing.
    let key_at = |key: &str| {
        text.lines()
            .scan(0, |start, line| {
                let here = *start;
                *start += line.len() + 1;
                Some((here, line))
            })
            .find(|(_, line)| {
                line.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(0, |(start, line)| {
                start + line.len() - line.trim_start().len()
            })
    };
    // The same grades, and messages, as an evidence item's.
    if let Some(Err(error)) = metadata
        .reliability
        .as_deref()
        .map(str::parse::<SourceReliability>)
    {
        return Err(error_at(
            key_at("reliability"),
            format!("reliability {error}"),
        ));
    }
    if let Some(Err(error)) = metadata
        .credibility
        .map(|digit| InformationCredibility::new(digit.into()))
    {
        return Err(error_at(
            key_at("credibility"),
            format!("credibility {error}"),
        ));
    }
    for (key, value) in [
        ("published", &metadata.published),
        ("retrieved", &metadata.retrieved),
    ] {
        if let Some(date) = value
            && !is_partial_date(date)
        {
            return Err(error_at(
                key_at(key),
                format!("{key} `{date}` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
            ));
        }
    }
    if let Some(sha) = &metadata.sha256
        && (sha.len() != 64
            || !sha
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    {
        return Err(error_at(
            key_at("sha256"),
            "sha256 is not 64 lowercase hexadecimal digits".to_owned(),
        ));
    }
    if let Some(original) = &metadata.original
        && (original.contains('/')
            || original.contains('\\')
            || original == ".."
            || original.is_empty())
    {
        return Err(error_at(
            key_at("original"),
            format!("original `{original}` must be a file name in the document's directory"),
        ));
    }
    Ok(metadata)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date.
fn is_partial_date(text: &str) -> bool {
    use chrono::NaiveDate;
    match text.len() {
        4 => text.bytes().all(|b| b.is_ascii_digit()),
        7 => NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").is_ok(),
        10 => NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
        _ => false,
    }
}

impl SourceMetadata {
    /// The sidecar's text, keys in a fixed order.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("metadata of strings and numbers serialises")
    }

    /// `B2`, `B`, `2` or `None`: the Admiralty grade as analysts write it.
    pub fn grade(&self) -> Option<String> {
        self.grading().code()
    }

    /// The Admiralty grade as the model holds it (a value that does not
    /// parse, which [`parse_metadata`] refuses, is left out).
    pub fn grading(&self) -> Grading {
        Grading {
            reliability: self.reliability.as_deref().and_then(|r| r.parse().ok()),
            credibility: self
                .credibility
                .and_then(|digit| InformationCredibility::new(digit.into()).ok()),
        }
    }

    /// A citation of the document: `“Title”, Author, Publisher, 2024-05-01,
    /// https://…, graded B2`, leaving out what is not known; `None` when
    /// nothing is known but the file.
    pub fn citation(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(title) = &self.title {
            parts.push(format!("“{title}”"));
        }
        for part in [&self.author, &self.publisher, &self.published, &self.url]
            .into_iter()
            .flatten()
        {
            parts.push(part.clone());
        }
        if let Some(grade) = self.grade() {
            parts.push(format!("graded {grade}"));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

impl fmt::Display for SourceMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.citation().unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_sidecar_round_trips() {
        let metadata = SourceMetadata {
            title: Some("Port closed".into()),
            author: Some("A. Writer".into()),
            publisher: Some("Harbour News".into()),
            published: Some("2024-05-01".into()),
            url: Some("https://example.org/port".into()),
            retrieved: Some("2026-12-03".into()),
            original: Some("port.html".into()),
            sha256: Some("a".repeat(64)),
            encoding: Some("windows-1252".into()),
            reliability: Some("B".into()),
            credibility: Some(2),
        };
        let text = metadata.to_toml();
        assert_eq!(parse_metadata("m", &text).unwrap(), metadata);
        assert_eq!(
            metadata.citation().unwrap(),
            "“Port closed”, A. Writer, Harbour News, 2024-05-01, https://example.org/port, graded B2"
        );
    }

    #[test]
    fn an_empty_sidecar_is_valid_and_cites_nothing() {
        let metadata = parse_metadata("m", "").unwrap();
        assert_eq!(metadata, SourceMetadata::default());
        assert_eq!(metadata.citation(), None);
    }

    #[test]
    fn bad_values_are_reported_at_their_line_and_column() {
        let cases = [
            (
                "title = \"x\"\n  reliability = \"G\"\n",
                "m:2:3: reliability `G` is not one of A, B, C, D, E, F",
            ),
            (
                "credibility = 7\n",
                "m:1:1: credibility 7 is not between 1 and 6",
            ),
            (
                "title = \"t\"\npublished = \"2024-13-01\"\n",
                "m:2:1: published `2024-13-01` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
            ),
            (
                "sha256 = \"xyz\"\n",
                "m:1:1: sha256 is not 64 lowercase hexadecimal digits",
            ),
            (
                "original = \"../etc/passwd\"\n",
                "m:1:1: original `../etc/passwd` must be a file name in the document's directory",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_metadata("m", text).unwrap_err().to_string(), expected);
        }
        let unknown = parse_metadata("m", "title = \"t\"\npublisherr = \"x\"\n").unwrap_err();
        assert_eq!(unknown.at.line, 2, "{unknown}");
        assert!(unknown.message.contains("publisherr"), "{unknown}");
    }

    #[test]
    fn partial_dates_are_dates() {
        for good in ["2024", "2024-05", "2024-05-31"] {
            assert!(is_partial_date(good), "{good}");
        }
        for bad in ["24", "2024-5", "2024-02-30", "May 2024"] {
            assert!(!is_partial_date(bad), "{bad}");
        }
    }

    #[test]
    fn the_sidecar_is_named_after_the_document() {
        assert_eq!(
            metadata_path(Path::new("seeds/a.txt")),
            PathBuf::from("seeds/a.txt.meta.toml")
        );
        let dir = tempfile::tempdir().unwrap();
        let document = dir.path().join("a.txt");
        assert_eq!(read_metadata(&document).unwrap(), None);
        std::fs::write(metadata_path(&document), "publisher = \"P\"\n").unwrap();
        assert_eq!(
            read_metadata(&document)
                .unwrap()
                .unwrap()
                .publisher
                .as_deref(),
            Some("P")
        );
    }
}

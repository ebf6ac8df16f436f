//! PARC ACH 2.0 projects (`.achz`), the reference tool's file format.
//!
//! An `.achz` file is gzip of UTF-16 XML (with a byte order mark, either
//! byte order): `PROJECT-TITLE`, `CLASSIFICATION`, then `MATRIX` holding
//! `HYPOTHESIS/NAME` in column order and `EVIDENCE/{NAME, NOTES, LINK,
//! TYPE, DATE, CODE, FLAG, VALUES, CREDIBILITY}` in row order — the layout
//! Burton's open-source ACH importer reads. No public `.achz` file is
//! known, so [`read`] is liberal: element names in any case, a file that
//! is not compressed, UTF-8 or UTF-16 without a mark; unknown elements
//! are kept in the notes, missing ones defaulted, and everything that
//! could not be kept is listed in [`Imported::lost`]. [`write`] produces
//! exactly the layout above, and reports what of the matrix the format
//! cannot hold. Pure: bytes in, bytes out.

mod read;
mod write;

pub use read::{ImportError, read};
pub use write::{Written, write};

use crate::model::{EvidenceKind, Matrix};

/// A matrix converted from an `.achz` file, with what did not survive.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub matrix: Matrix,
    /// One sentence per thing the conversion dropped or replaced.
    pub lost: Vec<String>,
}

/// The `TYPE` word written for each kind; read back to the same kind.
fn type_word(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Fact => "Fact",
        EvidenceKind::Report => "Report",
        EvidenceKind::Assumption => "Assumption",
        EvidenceKind::Absence => "Absence of Evidence",
        EvidenceKind::Other => "Other",
    }
}

/// The kind a `TYPE` word stands for, and whether the word said so exactly
/// (a type such as "HUMINT" becomes `Other`, its word kept in the notes).
fn kind_of_type(word: &str) -> (EvidenceKind, bool) {
    let lower = word.trim().to_lowercase();
    for kind in EvidenceKind::ALL {
        if lower == type_word(kind).to_lowercase() {
            return (kind, true);
        }
    }
    let kind = if lower.contains("assum") {
        EvidenceKind::Assumption
    } else if lower.contains("absence") {
        EvidenceKind::Absence
    } else if lower.contains("report") || lower.contains("news") || lower.contains("intelligence") {
        EvidenceKind::Report
    } else if lower.contains("fact") {
        EvidenceKind::Fact
    } else {
        EvidenceKind::Other
    };
    (kind, false)
}

#[cfg(test)]
mod tests;

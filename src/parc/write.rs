//! Writing a matrix as an `.achz` file, in exactly the layout the module
//! doc describes.

use std::io::Write;

use chrono::NaiveTime;

use super::type_word;
use crate::model::{Level, Matrix, Rating};

/// The bytes of an `.achz` file, with what of the matrix it cannot hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub bytes: Vec<u8>,
    pub lost: Vec<String>,
}

/// Writes `matrix` as gzip of big-endian UTF-16 XML with a byte order mark:
/// what Java's `UTF-16` charset, which PARC ACH is written in, produces.
pub fn write(matrix: &Matrix) -> Written {
    let mut lost = Vec::new();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<ACH>\n");
    element(&mut xml, 1, "PROJECT-TITLE", &matrix.title);
    element(&mut xml, 1, "CLASSIFICATION", "");
    xml.push_str("  <MATRIX>\n");
    for hypothesis in matrix.hypotheses() {
        xml.push_str("    <HYPOTHESIS>\n");
        element(&mut xml, 3, "NAME", &hypothesis.title);
        xml.push_str("    </HYPOTHESIS>\n");
        if hypothesis.description.is_some() {
            lost.push(format!("hypothesis {}: its description", hypothesis.id));
        }
    }
    for evidence in matrix.evidence() {
        xml.push_str("    <EVIDENCE>\n");
        element(&mut xml, 3, "NAME", &evidence.summary);
        element(
            &mut xml,
            3,
            "NOTES",
            evidence.notes.as_deref().unwrap_or(""),
        );
        element(&mut xml, 3, "LINK", "");
        element(&mut xml, 3, "TYPE", type_word(evidence.kind));
        let millis = evidence.date.map_or(0, |date| {
            date.and_time(NaiveTime::MIN).and_utc().timestamp_millis()
        });
        element(&mut xml, 3, "DATE", &millis.to_string());
        element(&mut xml, 3, "CODE", &evidence.id);
        element(&mut xml, 3, "FLAG", "false");
        let values: Vec<&str> = (0..matrix.hypotheses().len())
            .map(|column| evidence.rating(column).map_or("", value))
            .collect();
        element(&mut xml, 3, "VALUES", &values.join(","));
        element(
            &mut xml,
            3,
            "CREDIBILITY",
            &evidence.credibility.word().to_uppercase(),
        );
        xml.push_str("    </EVIDENCE>\n");
        if evidence.relevance != Level::Medium {
            lost.push(format!(
                "evidence {}: relevance {}",
                evidence.id, evidence.relevance
            ));
        }
        if let Some(source) = &evidence.source {
            lost.push(format!(
                "evidence {}: its passage of {}",
                evidence.id, source.document
            ));
        }
    }
    xml.push_str("  </MATRIX>\n</ACH>\n");
    if xml.contains('\u{FFFD}') && !matrix_text_has_replacement(matrix) {
        lost.push("control characters XML cannot hold, written as \u{FFFD}".to_owned());
    }
    for (present, what) in [
        (matrix.question.is_some(), "the question"),
        (matrix.analyst.is_some(), "the analyst"),
        (
            matrix.created.is_some() || matrix.updated.is_some(),
            "the created and updated times",
        ),
    ] {
        if present {
            lost.push(what.to_owned());
        }
    }
    let mut utf16 = vec![0xFE, 0xFF];
    utf16.extend(xml.encode_utf16().flat_map(u16::to_be_bytes));
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gzip.write_all(&utf16)
        .expect("compressing to memory cannot fail");
    let bytes = gzip.finish().expect("compressing to memory cannot fail");
    Written { bytes, lost }
}

/// A rating as PARC ACH writes it, the doubled ones with a space.
fn value(rating: Rating) -> &'static str {
    match rating {
        Rating::VeryConsistent => "C C",
        Rating::Consistent => "C",
        Rating::Neutral => "N",
        Rating::NotApplicable => "NA",
        Rating::Inconsistent => "I",
        Rating::VeryInconsistent => "I I",
    }
}

/// Characters XML 1.0 cannot hold at all, not even as references.
fn unrepresentable(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

fn element(xml: &mut String, depth: usize, name: &str, text: &str) {
    xml.push_str(&"  ".repeat(depth));
    xml.push_str(&format!("<{name}>"));
    // The five XML entities; `\r` as a reference so a reader's newline
    // normalisation keeps it.
    for c in text.chars() {
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '"' => xml.push_str("&quot;"),
            '\'' => xml.push_str("&apos;"),
            '\r' => xml.push_str("&#13;"),
            c if unrepresentable(c) => xml.push('\u{FFFD}'),
            c => xml.push(c),
        }
    }
    xml.push_str(&format!("</{name}>\n"));
}

/// Whether the matrix itself already holds U+FFFD (so finding one in the
/// XML says nothing about control characters).
fn matrix_text_has_replacement(matrix: &Matrix) -> bool {
    let has = |text: &str| text.contains('\u{FFFD}');
    has(&matrix.title)
        || matrix.hypotheses().iter().any(|h| has(&h.title))
        || matrix
            .evidence()
            .iter()
            .any(|e| has(&e.summary) || has(&e.id) || e.notes.as_deref().is_some_and(has))
}

//! Reading an `.achz` file into a matrix, liberally (see the module doc).

use std::io::Read;

use chrono::DateTime;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use roxmltree::{Document, Node};

use super::{Imported, kind_of_type};
use crate::model::{Evidence, Hypothesis, Level, Matrix, Rating, is_valid_id};

/// The most XML a project may unpack to: far above a 40 × 300 project
/// (about 1 MB), low enough that a gzip bomb cannot exhaust memory.
const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;

/// Why an `.achz` file could not be converted at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("not a gzip file PARC ACH could have written: {0}")]
    Gzip(std::io::Error),
    #[error("unpacks to more than {} MiB of XML", MAX_XML_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("not well-formed XML: {0}")]
    Xml(#[from] roxmltree::Error),
    #[error("no HYPOTHESIS or EVIDENCE element: not a PARC ACH project")]
    NotAProject,
}

/// Converts the bytes of an `.achz` file to a matrix.
pub fn read(bytes: &[u8]) -> Result<Imported, ImportError> {
    let mut lost = Vec::new();
    let xml = unpack(bytes)?;
    let text = decode(&xml, &mut lost);
    let document = Document::parse(&text)?;
    let root = document.root_element();
    let matrix_node = root
        .descendants()
        .find(|node| is(node, "MATRIX"))
        .unwrap_or(root);
    let hypotheses: Vec<Node> = matrix_node
        .descendants()
        .filter(|node| is(node, "HYPOTHESIS"))
        .collect();
    let evidence: Vec<Node> = matrix_node
        .descendants()
        .filter(|node| is(node, "EVIDENCE"))
        .collect();
    if hypotheses.is_empty() && evidence.is_empty() {
        return Err(ImportError::NotAProject);
    }
    let title = child_text(root, "PROJECT-TITLE")
        .or_else(|| {
            root.descendants()
                .find(|n| is(n, "PROJECT-TITLE"))
                .and_then(text_of)
        })
        .unwrap_or_else(|| {
            lost.push(
                "no PROJECT-TITLE: the matrix is titled \"Imported PARC ACH project\"".into(),
            );
            "Imported PARC ACH project".into()
        });
    let mut matrix = Matrix::new(one_line(&title));
    if let Some(classification) = root
        .descendants()
        .find(|n| is(n, "CLASSIFICATION"))
        .and_then(text_of)
    {
        lost.push(format!(
            "CLASSIFICATION \"{classification}\": a matrix has no classification field"
        ));
    }
    for element in root.children().filter(Node::is_element) {
        if !["PROJECT-TITLE", "CLASSIFICATION", "MATRIX"]
            .iter()
            .any(|name| is(&element, name))
            && element != matrix_node
        {
            lost.push(format!(
                "the project's {} element",
                element.tag_name().name()
            ));
        }
    }
    for (column, node) in hypotheses.iter().enumerate() {
        matrix.push_hypothesis(hypothesis(*node, column, &mut lost));
    }
    let columns = hypotheses.len();
    for (row, node) in evidence.iter().enumerate() {
        let (item, ratings) = evidence_item(*node, row, &matrix, &mut lost);
        let row = matrix.push_evidence(item);
        for (column, rating) in ratings.into_iter().enumerate().take(columns) {
            matrix.set_rating(row, column, rating);
        }
    }
    lost.push("relevance is not in the format: every item's relevance is medium".into());
    Ok(Imported { matrix, lost })
}

/// Gunzips `bytes`; XML that was never compressed is taken as it is.
fn unpack(bytes: &[u8]) -> Result<Vec<u8>, ImportError> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes.to_vec());
    }
    let mut xml = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(ImportError::Gzip)?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(ImportError::TooLarge);
    }
    Ok(xml)
}

/// Decodes by the byte order mark, else by where the zero bytes of `<?`
/// fall, else as UTF-8. encoding_rs joins surrogate pairs and replaces
/// anything unpaired with U+FFFD, which is reported.
fn decode(xml: &[u8], lost: &mut Vec<String>) -> String {
    let (encoding, skip): (&'static Encoding, usize) = match Encoding::for_bom(xml) {
        Some(found) => found,
        None if xml.len() >= 2 && xml[0] == 0 && xml[1] != 0 => (UTF_16BE, 0),
        None if xml.len() >= 2 && xml[0] != 0 && xml[1] == 0 => (UTF_16LE, 0),
        None => (UTF_8, 0),
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(&xml[skip..]);
    if had_errors {
        lost.push(format!(
            "some text was not valid {} (an unpaired surrogate, say) and shows as \u{FFFD}",
            encoding.name()
        ));
    }
    // The declaration names UTF-16; the text is Rust's own now.
    text.into_owned()
}

fn hypothesis(node: Node, column: usize, lost: &mut Vec<String>) -> Hypothesis {
    let title = child_text(node, "NAME").unwrap_or_else(|| {
        lost.push(format!("hypothesis {} has no NAME", column + 1));
        format!("Hypothesis {}", column + 1)
    });
    let mut hypothesis = Hypothesis::new(format!("H{}", column + 1), one_line(&title));
    let extra = unknown_children(node, &["NAME"]);
    if !extra.is_empty() {
        hypothesis.description = Some(extra.join("\n"));
    }
    hypothesis
}

/// One evidence item and its ratings in column order.
fn evidence_item(
    node: Node,
    row: usize,
    matrix: &Matrix,
    lost: &mut Vec<String>,
) -> (Evidence, Vec<Option<Rating>>) {
    let number = row + 1;
    let code = child_text(node, "CODE");
    let id = match &code {
        Some(code) if is_valid_id(code) && matrix.evidence_index(code).is_none() => code.clone(),
        _ => unique_id(matrix, number),
    };
    let summary = child_text(node, "NAME").unwrap_or_else(|| {
        lost.push(format!("evidence {number} has no NAME"));
        format!("Evidence {number}")
    });
    let mut item = Evidence::new(id.clone(), one_line(&summary));
    let mut notes: Vec<String> = child_text(node, "NOTES").into_iter().collect();
    if let Some(code) = code.filter(|code| *code != id) {
        notes.push(format!("CODE: {code}"));
    }
    if let Some(link) = child_text(node, "LINK") {
        notes.push(format!("LINK: {link}"));
    }
    if let Some(word) = child_text(node, "TYPE") {
        let (kind, exact) = kind_of_type(&word);
        item.kind = kind;
        if !exact {
            notes.push(format!("TYPE: {word}"));
        }
    }
    if let Some(flag) = child_text(node, "FLAG")
        && !matches!(flag.to_lowercase().as_str(), "false" | "0" | "no" | "")
    {
        notes.push(format!("FLAG: {flag}"));
    }
    match child_text(node, "DATE").map(|ms| ms.parse::<i64>()) {
        None | Some(Ok(0)) => {}
        Some(Ok(ms)) => match DateTime::from_timestamp_millis(ms) {
            Some(time) => item.date = Some(time.date_naive()),
            None => lost.push(format!("evidence {id}: DATE {ms} is out of range")),
        },
        Some(Err(_)) => lost.push(format!("evidence {id}: DATE is not milliseconds")),
    }
    item.credibility = match child_text(node, "CREDIBILITY").map(|w| w.to_lowercase()) {
        None => Level::Medium,
        Some(word) => word.parse().unwrap_or_else(|_| {
            lost.push(format!(
                "evidence {id}: CREDIBILITY \"{word}\" read as medium"
            ));
            Level::Medium
        }),
    };
    notes.extend(unknown_children(node, KNOWN_EVIDENCE));
    if !notes.is_empty() {
        item.notes = Some(notes.join("\n"));
    }
    let columns = matrix.hypotheses().len();
    let values = child_text(node, "VALUES").unwrap_or_default();
    let mut ratings: Vec<Option<Rating>> = if values.trim().is_empty() {
        Vec::new()
    } else {
        values
            .split(',')
            .map(|value| rating(value, &id, lost))
            .collect()
    };
    if ratings.len() > columns {
        lost.push(format!(
            "evidence {id}: {} VALUES for {columns} hypotheses; the extra ones were dropped",
            ratings.len()
        ));
    }
    ratings.truncate(columns);
    (item, ratings)
}

const KNOWN_EVIDENCE: &[&str] = &[
    "NAME",
    "NOTES",
    "LINK",
    "TYPE",
    "DATE",
    "CODE",
    "FLAG",
    "VALUES",
    "CREDIBILITY",
];

/// One value of `VALUES`: PARC writes `C C` and `I I` with a space.
fn rating(value: &str, id: &str, lost: &mut Vec<String>) -> Option<Rating> {
    let code: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    match code.to_uppercase().as_str() {
        "" => None,
        "CC" => Some(Rating::VeryConsistent),
        "C" => Some(Rating::Consistent),
        "N" => Some(Rating::Neutral),
        "NA" => Some(Rating::NotApplicable),
        "I" => Some(Rating::Inconsistent),
        "II" => Some(Rating::VeryInconsistent),
        other => {
            lost.push(format!(
                "evidence {id}: value \"{other}\" is no rating; left unrated"
            ));
            None
        }
    }
}

fn unique_id(matrix: &Matrix, number: usize) -> String {
    (number..)
        .map(|n| format!("E{n}"))
        .find(|id| matrix.evidence_index(id).is_none())
        .expect("some E-number is free")
}

/// Whether `node` is the element `name`, in any case, `_` for `-`.
fn is(node: &Node, name: &str) -> bool {
    node.is_element()
        && node
            .tag_name()
            .name()
            .replace('_', "-")
            .eq_ignore_ascii_case(name)
}

fn text_of(node: Node) -> Option<String> {
    let text: String = node
        .descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn child_text(node: Node, name: &str) -> Option<String> {
    node.children()
        .find(|child| is(child, name))
        .and_then(text_of)
}

/// `NAME: text` for each child element not in `known`, so nothing a newer
/// PARC ACH wrote is thrown away.
fn unknown_children(node: Node, known: &[&str]) -> Vec<String> {
    node.children()
        .filter(|child| child.is_element() && !known.iter().any(|name| is(child, name)))
        .filter_map(|child| Some(format!("{}: {}", child.tag_name().name(), text_of(child)?)))
        .collect()
}

/// Titles and summaries are one line in a matrix.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

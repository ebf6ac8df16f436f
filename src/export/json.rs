//! The JSON export: the whole matrix with its computed scores, for
//! programs. Field names and meanings are documented in
//! `docs/export-json.md`; [`EXPORT_SCHEMA`] changes whenever they change
//! incompatibly.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::SensitivityEntry;
use super::report::{Report, timestamp};
use crate::model::{Evidence, Hypothesis, Matrix};

/// The version of the JSON export's layout.
pub const EXPORT_SCHEMA: u32 = 1;

/// The JSON export, field for field.
#[derive(Debug, Serialize)]
pub struct ExportDocument<'a> {
    /// [`EXPORT_SCHEMA`].
    pub export_schema: u32,
    pub title: &'a str,
    pub question: Option<&'a str>,
    pub analyst: Option<&'a str>,
    /// RFC 3339, UTC.
    pub created: Option<String>,
    /// RFC 3339, UTC.
    pub updated: Option<String>,
    /// `YYYY-MM-DD`.
    pub generated: String,
    /// In matrix (column) order.
    pub hypotheses: Vec<HypothesisEntry<'a>>,
    /// Hypothesis ids, least inconsistent first.
    pub ranking: Vec<&'a str>,
    /// In matrix (row) order.
    pub evidence: Vec<EvidenceEntry<'a>>,
    /// `leader`, `critical`, `fragile`, `margin`.
    #[serde(flatten)]
    pub sensitivity: SensitivityEntry<'a>,
}

/// One hypothesis with its scores.
#[derive(Debug, Serialize)]
pub struct HypothesisEntry<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub rank: usize,
    pub inconsistency: u32,
    pub weighted_inconsistency: f64,
    pub weighted_consistency: f64,
    pub unrated: usize,
}

/// One evidence item with its ratings and diagnosticity.
#[derive(Debug, Serialize)]
pub struct EvidenceEntry<'a> {
    pub id: &'a str,
    pub summary: &'a str,
    pub kind: &'static str,
    pub credibility: &'static str,
    pub relevance: &'static str,
    /// Credibility × relevance.
    pub weight: f64,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub notes: Option<&'a str>,
    /// Hypothesis id → rating code, or `null` when unrated; one entry per
    /// hypothesis, in column order.
    pub ratings: RatingsMap<'a>,
    pub diagnosticity: f64,
    pub source: Option<SourceEntry<'a>>,
}

/// The passage an item was taken from.
#[derive(Debug, Serialize)]
pub struct SourceEntry<'a> {
    pub document: &'a str,
    pub start: usize,
    pub end: usize,
    pub quote: &'a str,
    /// The 1-based line `start` is on, or `null` when the document could
    /// not be read or no longer holds the quote there.
    pub line: Option<usize>,
}

/// An evidence item's ratings as a JSON object in column order (a map type
/// would sort the keys, putting `H10` before `H2`).
#[derive(Debug)]
pub struct RatingsMap<'a> {
    hypotheses: &'a [Hypothesis],
    evidence: &'a Evidence,
}

impl Serialize for RatingsMap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.hypotheses.len()))?;
        for (column, hypothesis) in self.hypotheses.iter().enumerate() {
            let code = self.evidence.rating(column).map(|rating| rating.code());
            map.serialize_entry(&hypothesis.id, &code)?;
        }
        map.end()
    }
}

impl<'a> ExportDocument<'a> {
    fn new(report: &Report<'a>) -> Self {
        let matrix: &'a Matrix = report.matrix;
        let hypotheses = matrix
            .hypotheses()
            .iter()
            .enumerate()
            .map(|(column, hypothesis)| {
                let score = report.score_of(column);
                HypothesisEntry {
                    id: &hypothesis.id,
                    title: &hypothesis.title,
                    description: hypothesis.description.as_deref(),
                    rank: score.rank,
                    inconsistency: score.inconsistency,
                    weighted_inconsistency: score.weighted_inconsistency,
                    weighted_consistency: score.weighted_consistency,
                    unrated: score.unrated,
                }
            })
            .collect();
        let ranking = report
            .scores
            .ranking
            .iter()
            .map(|&column| matrix.hypotheses()[column].id.as_str())
            .collect();
        let evidence = matrix
            .evidence()
            .iter()
            .enumerate()
            .map(|(row, evidence)| EvidenceEntry {
                id: &evidence.id,
                summary: &evidence.summary,
                kind: evidence.kind.word(),
                credibility: evidence.credibility.word(),
                relevance: evidence.relevance.word(),
                weight: evidence.weight(),
                date: evidence.date.map(|d| d.format("%Y-%m-%d").to_string()),
                notes: evidence.notes.as_deref(),
                ratings: RatingsMap {
                    hypotheses: matrix.hypotheses(),
                    evidence,
                },
                diagnosticity: report.scores.diagnosticity[row],
                source: evidence.source.as_ref().map(|passage| SourceEntry {
                    document: &passage.document,
                    start: passage.start,
                    end: passage.end,
                    quote: &passage.quote,
                    line: report.quote_lines[row].as_ref().and_then(|l| l.number()),
                }),
            })
            .collect();
        ExportDocument {
            export_schema: EXPORT_SCHEMA,
            title: &matrix.title,
            question: matrix.question.as_deref(),
            analyst: matrix.analyst.as_deref(),
            created: matrix.created.map(timestamp),
            updated: matrix.updated.map(timestamp),
            generated: report.generated.format("%Y-%m-%d").to_string(),
            hypotheses,
            ranking,
            evidence,
            sensitivity: SensitivityEntry::new(matrix, &report.sensitivity),
        }
    }
}

/// The JSON export of `report`: pretty-printed, ending with a newline.
pub(super) fn render(report: &Report<'_>) -> String {
    let text = serde_json::to_string_pretty(&ExportDocument::new(report))
        .expect("the export document has string keys and finite numbers");
    let mut text = crate::text::escape_json_controls(&text).into_owned();
    text.push('\n');
    text
}

//! The JSON export: the whole matrix with its computed scores, for
//! programs. Field names and meanings are documented in
//! `docs/export-json.md`; [`EXPORT_SCHEMA`] changes whenever they change
//! incompatibly.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::SensitivityEntry;
use super::report::{Report, timestamp};
use crate::model::{Evidence, Hypothesis, Matrix};
use crate::probability::{CAVEAT, estimative_word};

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
    /// What the probability model assumes.
    pub probability_caveat: &'static str,
    pub coherence: CoherenceEntry,
    /// Warnings first, then questions.
    pub probability_findings: Vec<FindingEntry>,
    /// The analyst's own judgement (`[judgement]` in the file), if recorded.
    pub judgement: Option<JudgementEntry<'a>>,
}

/// The analyst's judgement: which hypothesis, how confident, how likely.
#[derive(Debug, Serialize)]
pub struct JudgementEntry<'a> {
    pub hypothesis: &'a str,
    /// `low`, `moderate` or `high`.
    pub confidence: &'static str,
    /// The ICD 203 words, if said.
    pub estimate: Option<&'static str>,
    pub rationale: Option<&'a str>,
}

/// One indicator to watch for a hypothesis (Heuer's step 8).
#[derive(Debug, Serialize)]
pub struct IndicatorEntry<'a> {
    pub text: &'a str,
    /// `YYYY-MM-DD`.
    pub expected_by: Option<String>,
    /// `open`, `observed` or `not observed`.
    pub status: &'static str,
    /// Still open after `expected_by`, counted from `generated`.
    pub overdue: bool,
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
    /// The prior the model used (defaulted, normalised).
    pub prior: f64,
    /// The model's posterior probability.
    pub posterior: f64,
    /// The ICD 203 words for the posterior.
    pub posterior_words: &'static str,
    /// The analyst's judged probability, if given.
    pub judged: Option<f64>,
    /// The ICD 203 words for the judged probability.
    pub judged_words: Option<&'static str>,
    /// The coherent version of the judged probability, when it can be told.
    pub coherent: Option<f64>,
    /// Whether the analyst set the hypothesis aside (left out of every
    /// score and of `ranking`; its `rank` is then 0).
    pub set_aside: bool,
    /// Why, when set aside with a reason.
    pub set_aside_reason: Option<&'a str>,
    /// What to watch for, in file order.
    pub indicators: Vec<IndicatorEntry<'a>>,
}

/// How the judged probabilities hold together, as `ach score --json` says.
#[derive(Debug, Serialize)]
pub struct CoherenceEntry {
    pub judged_sum: Option<f64>,
    pub coherent: Option<bool>,
}

/// A warning about the probability reading, or a question for the analyst.
#[derive(Debug, Serialize)]
pub struct FindingEntry {
    /// `warning` or `question`.
    pub kind: &'static str,
    pub message: String,
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
    /// Whether the analyst set the item aside (left out of every score).
    pub set_aside: bool,
    /// Why, when set aside with a reason.
    pub set_aside_reason: Option<&'a str>,
    /// The Admiralty letter `A`–`F` for the source, or `null` when ungraded.
    pub source_reliability: Option<&'static str>,
    /// The Admiralty digit 1–6 for the information, or `null` when ungraded.
    pub information_credibility: Option<u8>,
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
        let reading = &report.probability;
        let coherent = reading.coherent();
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
                    prior: reading.priors[column],
                    posterior: reading.posteriors[column],
                    posterior_words: estimative_word(reading.posteriors[column]),
                    judged: reading.judged[column],
                    judged_words: reading.judged[column].map(estimative_word),
                    coherent: coherent.as_ref().map(|values| values[column]),
                    set_aside: hypothesis.set_aside.is_set(),
                    set_aside_reason: hypothesis.set_aside.reason(),
                    indicators: hypothesis
                        .indicators
                        .iter()
                        .map(|indicator| IndicatorEntry {
                            text: &indicator.text,
                            expected_by: indicator
                                .expected_by
                                .map(|d| d.format("%Y-%m-%d").to_string()),
                            status: indicator.status.word(),
                            overdue: indicator.is_overdue(report.generated),
                        })
                        .collect(),
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
                set_aside: evidence.set_aside.is_set(),
                set_aside_reason: evidence.set_aside.reason(),
                source_reliability: evidence.grading.reliability.map(|grade| grade.letter()),
                information_credibility: evidence.grading.credibility.map(|grade| grade.digit()),
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
            probability_caveat: CAVEAT,
            coherence: CoherenceEntry {
                judged_sum: reading.coherence.judged_sum,
                coherent: reading.coherence.coherent,
            },
            probability_findings: reading
                .findings
                .iter()
                .map(|finding| FindingEntry {
                    kind: if finding.is_question() {
                        "question"
                    } else {
                        "warning"
                    },
                    message: finding.to_string(),
                })
                .collect(),
            judgement: matrix.judgement.as_ref().map(|judgement| JudgementEntry {
                hypothesis: &judgement.hypothesis,
                confidence: judgement.confidence.word(),
                estimate: judgement.estimate.map(|words| words.word()),
                rationale: judgement.rationale.as_deref(),
            }),
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

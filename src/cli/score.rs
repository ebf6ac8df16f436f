//! `ach score`: hypotheses in rank order, evidence by diagnosticity.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::table::{Align, Column, render};
use super::{Outcome, report_load_error};
use crate::model::Matrix;
use crate::scoring::{Scores, by_diagnosticity, score};

#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// The matrix file to score (`-` reads it from standard input).
    pub matrix: PathBuf,
    /// Print JSON (the format the README documents) instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &ScoreArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    let matrix = match super::input::load(&args.matrix) {
        Ok((matrix, _)) => matrix,
        Err(error) => {
            report_load_error(err, &error)?;
            return Ok(Outcome::Invalid);
        }
    };
    let scores = score(&matrix);
    if args.json {
        let report = ScoreReport::new(&matrix, &scores);
        let json = serde_json::to_string_pretty(&report).map_err(io::Error::other)?;
        writeln!(out, "{}", crate::text::escape_json_controls(&json))?;
    } else {
        out.write_all(score_table(&matrix, &scores).as_bytes())?;
    }
    Ok(Outcome::Success)
}

/// `ach score --json`, field for field. Scripts depend on these names and
/// orders: hypotheses in rank order, evidence in file order.
#[derive(Debug, Serialize)]
pub struct ScoreReport<'a> {
    pub title: &'a str,
    pub hypotheses: Vec<HypothesisReport<'a>>,
    pub evidence: Vec<EvidenceReport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct HypothesisReport<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub rank: usize,
    pub inconsistency: u32,
    pub weighted_inconsistency: f64,
    pub weighted_consistency: f64,
    pub unrated: usize,
}

#[derive(Debug, Serialize)]
pub struct EvidenceReport<'a> {
    pub id: &'a str,
    pub summary: &'a str,
    pub diagnosticity: f64,
}

impl<'a> ScoreReport<'a> {
    pub fn new(matrix: &'a Matrix, scores: &Scores) -> Self {
        let hypotheses = scores
            .ranking
            .iter()
            .map(|&column| {
                let hypothesis = &matrix.hypotheses()[column];
                let score = &scores.hypotheses[column];
                HypothesisReport {
                    id: &hypothesis.id,
                    title: &hypothesis.title,
                    rank: score.rank,
                    inconsistency: score.inconsistency,
                    weighted_inconsistency: score.weighted_inconsistency,
                    weighted_consistency: score.weighted_consistency,
                    unrated: score.unrated,
                }
            })
            .collect();
        let evidence = matrix
            .evidence()
            .iter()
            .zip(&scores.diagnosticity)
            .map(|(evidence, &diagnosticity)| EvidenceReport {
                id: &evidence.id,
                summary: &evidence.summary,
                diagnosticity,
            })
            .collect();
        ScoreReport {
            title: &matrix.title,
            hypotheses,
            evidence,
        }
    }
}

fn score_table(matrix: &Matrix, scores: &Scores) -> String {
    let hypothesis_columns = [
        Column {
            header: "Rank",
            align: Align::Right,
            max_width: 4,
        },
        Column {
            header: "Id",
            align: Align::Left,
            max_width: 12,
        },
        Column {
            header: "Hypothesis",
            align: Align::Left,
            max_width: 40,
        },
        Column {
            header: "Inconsistency",
            align: Align::Right,
            max_width: 13,
        },
        Column {
            header: "Weighted",
            align: Align::Right,
            max_width: 8,
        },
        Column {
            header: "Consistency",
            align: Align::Right,
            max_width: 11,
        },
        Column {
            header: "Unrated",
            align: Align::Right,
            max_width: 7,
        },
    ];
    let hypothesis_rows: Vec<Vec<String>> = scores
        .ranking
        .iter()
        .map(|&column| {
            let hypothesis = &matrix.hypotheses()[column];
            let score = &scores.hypotheses[column];
            vec![
                score.rank.to_string(),
                hypothesis.id.clone(),
                hypothesis.title.clone(),
                score.inconsistency.to_string(),
                format!("{:.2}", score.weighted_inconsistency),
                format!("{:.2}", score.weighted_consistency),
                score.unrated.to_string(),
            ]
        })
        .collect();
    let evidence_columns = [
        Column {
            header: "Diagnosticity",
            align: Align::Right,
            max_width: 13,
        },
        Column {
            header: "Id",
            align: Align::Left,
            max_width: 12,
        },
        Column {
            header: "Evidence",
            align: Align::Left,
            max_width: 70,
        },
    ];
    let evidence_rows: Vec<Vec<String>> = by_diagnosticity(scores)
        .into_iter()
        .map(|row| {
            let evidence = &matrix.evidence()[row];
            vec![
                format!("{:.2}", scores.diagnosticity[row]),
                evidence.id.clone(),
                evidence.summary.clone(),
            ]
        })
        .collect();
    let mut out = format!("{}\n", crate::text::one_line(&matrix.title));
    if let Some(question) = &matrix.question {
        out.push_str(&format!("{}\n", crate::text::one_line(question)));
    }
    out.push_str("\nHypotheses, least inconsistent first\n");
    out.push_str(&render(&hypothesis_columns, &hypothesis_rows));
    out.push_str("\nEvidence, most diagnostic first\n");
    out.push_str(&render(&evidence_columns, &evidence_rows));
    out
}

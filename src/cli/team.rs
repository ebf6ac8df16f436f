//! `ach team FILES...|FOLDER [--json | --brief [-o FILE]]`: a team's
//! copies of one matrix side by side: consensus, spread and each analyst's
//! leader; or the team brief in Markdown.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use serde_json::{Map, Value, json};

use super::export::{generation_date_here, parse_date};
use super::{Outcome, report_load_error};
use crate::export::team_brief;
use crate::probability::estimative_word;
use crate::storage::write_atomically;
use crate::team::{Team, TeamError, compare, load_team, team_files};
use crate::text::inert;

#[derive(Debug, clap::Args)]
pub struct TeamArgs {
    /// The analysts' matrix files, or a folder holding them (its *.toml).
    #[arg(required = true)]
    pub matrices: Vec<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, conflicts_with = "brief")]
    pub json: bool,
    /// Write the team brief (Markdown): who leads for each analyst, where
    /// the team agrees, where it splits most and which splits change the
    /// consensus leader.
    #[arg(long)]
    pub brief: bool,
    /// Write the brief to FILE instead of standard output. The file is
    /// replaced atomically; a previous version is kept as FILE.bak.
    #[arg(long, short = 'o', value_name = "FILE", requires = "brief")]
    pub output: Option<PathBuf>,
    /// The generation date printed in the brief [default: SOURCE_DATE_EPOCH
    /// if set, else today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, requires = "brief")]
    pub date: Option<NaiveDate>,
}

pub fn run(args: &TeamArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    let loaded = team_files(&args.matrices).and_then(|files| Ok((load_team(&files)?, files)));
    let (copies, files) = match loaded {
        Ok(loaded) => loaded,
        Err(TeamError::Load(error)) => {
            report_load_error(err, &error)?;
            return Ok(Outcome::Invalid);
        }
        Err(error) => {
            writeln!(err, "ach team: {}", inert(&error.to_string()))?;
            return Ok(Outcome::Invalid);
        }
    };
    if args.brief {
        return brief(args, &copies, &files, out, err);
    }
    let team = compare(&copies);
    if args.json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&to_json(&team)).map_err(io::Error::other)?
        )?;
    } else {
        write_text(&team, out)?;
    }
    Ok(Outcome::Success)
}

/// `--brief`: the team brief to standard output or, atomically, to `-o`.
fn brief(
    args: &TeamArgs,
    copies: &[crate::team::Copy],
    files: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let generated = match generation_date_here(args.date) {
        Ok(date) => date,
        Err(message) => {
            writeln!(err, "ach team: {}", inert(&message))?;
            return Ok(Outcome::Invalid);
        }
    };
    let text = team_brief(copies, generated);
    let Some(output) = &args.output else {
        out.write_all(text.as_bytes())?;
        return Ok(Outcome::Success);
    };
    if files.iter().any(|file| same_file(output, file)) {
        let message = format!(
            "{}: refusing to overwrite an analyst's matrix with the brief",
            output.display()
        );
        writeln!(err, "ach team: {}", inert(&message))?;
        return Ok(Outcome::Invalid);
    }
    if let Err(error) = write_atomically(output, text.as_bytes()) {
        writeln!(err, "ach team: {}", inert(&error.to_string()))?;
        return Ok(Outcome::Invalid);
    }
    Ok(Outcome::Success)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn code(rating: Option<crate::model::Rating>) -> Value {
    rating.map_or(Value::Null, |r| Value::from(r.code()))
}

/// The JSON form: `analysts`, `cells`, `hypotheses` (consensus scores,
/// ranked), `leaders`, `consensus_leaders` and what only some copies have.
pub fn to_json(team: &Team) -> Value {
    let cells: Vec<Value> = team
        .cells
        .iter()
        .map(|cell| {
            let ratings: Map<String, Value> = team
                .analysts
                .iter()
                .zip(&cell.ratings)
                .map(|(a, r)| (a.clone(), code(*r)))
                .collect();
            json!({
                "evidence": cell.evidence,
                "hypothesis": cell.hypothesis,
                "ratings": ratings,
                "consensus": code(cell.consensus),
                "spread": cell.spread,
                "band": cell.band.word(),
            })
        })
        .collect();
    let hypotheses: Vec<Value> = team
        .scores
        .ranking
        .iter()
        .map(|&h| {
            let hypothesis = &team.consensus.hypotheses()[h];
            let score = &team.scores.hypotheses[h];
            json!({
                "id": hypothesis.id,
                "title": hypothesis.title,
                "rank": score.rank,
                "inconsistency": score.inconsistency,
                "weighted_inconsistency": score.weighted_inconsistency,
            })
        })
        .collect();
    let leaders: Map<String, Value> = team
        .analysts
        .iter()
        .zip(&team.leaders)
        .map(|(a, ids)| (a.clone(), json!(ids)))
        .collect();
    let partial = |list: &[crate::team::Partial]| -> Vec<Value> {
        list.iter()
            .map(|p| json!({ "id": p.id, "analysts": p.analysts }))
            .collect()
    };
    let ids = |values: &[f64]| -> Map<String, Value> {
        team.consensus
            .hypotheses()
            .iter()
            .zip(values)
            .map(|(h, p)| (h.id.clone(), json!(p)))
            .collect()
    };
    let probabilities = &team.probabilities;
    let coherent: Map<String, Value> = team
        .analysts
        .iter()
        .zip(&probabilities.coherent)
        .map(|(a, values)| {
            (
                a.clone(),
                values.as_deref().map_or(Value::Null, |v| ids(v).into()),
            )
        })
        .collect();
    json!({
        "analysts": team.analysts,
        "probabilities": {
            "posterior": ids(&probabilities.posterior),
            "coherent": coherent,
            "average": probabilities.average.as_deref().map_or(Value::Null, |v| ids(v).into()),
            "averaged": probabilities.averaged(),
        },
        "cells": cells,
        "hypotheses": hypotheses,
        "leaders": leaders,
        "consensus_leaders": crate::team::top(&team.consensus, &team.scores),
        "only_in_some": {
            "hypotheses": partial(&team.partial_hypotheses),
            "evidence": partial(&team.partial_evidence),
        },
    })
}

fn write_text(team: &Team, out: &mut dyn Write) -> io::Result<()> {
    let line = |out: &mut dyn Write, text: String| writeln!(out, "{}", inert(&text));
    line(
        out,
        format!(
            "{} ({} analysts: {})",
            team.consensus.title,
            team.analysts.len(),
            team.analysts.join(", ")
        ),
    )?;
    line(out, "\nConsensus ranking".to_owned())?;
    for &h in &team.scores.ranking {
        let hypothesis = &team.consensus.hypotheses()[h];
        let score = &team.scores.hypotheses[h];
        line(
            out,
            format!(
                "  {}. {} {} (weighted inconsistency {:.1})",
                score.rank, hypothesis.id, hypothesis.title, score.weighted_inconsistency
            ),
        )?;
    }
    write_probabilities(team, out)?;
    line(out, "\nEach analyst's leader".to_owned())?;
    for (analyst, ids) in team.analysts.iter().zip(&team.leaders) {
        line(
            out,
            format!(
                "  {analyst}: {}",
                if ids.is_empty() {
                    "-".to_owned()
                } else {
                    ids.join(", ")
                }
            ),
        )?;
    }
    let mut splits: Vec<&crate::team::TeamCell> = team
        .cells
        .iter()
        .filter(|c| c.band != crate::team::Band::Agreement)
        .collect();
    splits.sort_by(|a, b| b.spread.total_cmp(&a.spread));
    line(
        out,
        format!(
            "\nWhere the team splits ({} cells, biggest spread first)",
            splits.len()
        ),
    )?;
    for cell in splits {
        let who: Vec<String> = team
            .analysts
            .iter()
            .zip(&cell.ratings)
            .map(|(a, r)| format!("{a} {}", r.map_or("-", |r| r.code())))
            .collect();
        line(
            out,
            format!(
                "  {} / {}: consensus {}, spread {:.2} ({}): {}",
                cell.evidence,
                cell.hypothesis,
                cell.consensus.map_or("-", |r| r.code()),
                cell.spread,
                cell.band.word(),
                who.join(", ")
            ),
        )?;
    }
    for (what, list) in [
        ("Hypotheses", &team.partial_hypotheses),
        ("Evidence", &team.partial_evidence),
    ] {
        if !list.is_empty() {
            line(out, format!("\n{what} only in some copies"))?;
            for partial in list {
                line(
                    out,
                    format!("  {}: only {}", partial.id, partial.analysts.join(", ")),
                )?;
            }
        }
    }
    Ok(())
}

/// The team's average of coherent estimates beside the consensus model.
fn write_probabilities(team: &Team, out: &mut dyn Write) -> io::Result<()> {
    let p = &team.probabilities;
    let worded = |value: f64| format!("{value:.2} ({})", estimative_word(value));
    writeln!(
        out,
        "\nProbabilities: each analyst's judged values made coherent, then averaged ({} of {} \
         analysts give one for every hypothesis), beside the consensus model's posterior",
        p.averaged(),
        team.analysts.len()
    )?;
    for &h in &team.scores.ranking {
        let hypothesis = &team.consensus.hypotheses()[h];
        let average = p
            .average
            .as_ref()
            .map_or_else(|| "none".to_owned(), |values| worded(values[h]));
        let text = format!(
            "  {} {}: team {average}, model {}",
            hypothesis.id,
            hypothesis.title,
            worded(p.posterior[h])
        );
        writeln!(out, "{}", inert(&text))?;
    }
    Ok(())
}

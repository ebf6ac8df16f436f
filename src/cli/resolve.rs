//! `ach resolve FILE (--ours|--theirs|--value V)`: settle a merge conflict
//! recorded in a matrix file (the first, or `--conflict N`).

use std::io::{self, Write};
use std::path::PathBuf;

use super::Outcome;
use crate::merge::{Resolution, conflicts_in, resolve};
use crate::storage::{matrix_from_str, write_atomically};
use crate::text::inert;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("choice").required(true).args(["ours", "theirs", "value"])))]
pub struct ResolveArgs {
    /// The matrix file holding `[[conflicts]]`.
    pub matrix: PathBuf,
    /// Which conflict, counting from 1 in file order.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub conflict: usize,
    /// Keep our value.
    #[arg(long)]
    pub ours: bool,
    /// Take their value.
    #[arg(long)]
    pub theirs: bool,
    /// A new value: a rating such as II, or any TOML value.
    #[arg(long, value_name = "VALUE")]
    pub value: Option<String>,
}

pub fn run(args: &ResolveArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    let path_text = args.matrix.display().to_string();
    let shown = inert(&path_text);
    let text = match std::fs::read_to_string(&args.matrix) {
        Ok(text) => text,
        Err(error) => {
            writeln!(err, "ach: {shown}: cannot read: {error}")?;
            return Ok(Outcome::Invalid);
        }
    };
    let resolution = match (&args.value, args.theirs) {
        (Some(value), _) => Resolution::typed(value),
        (None, true) => Resolution::Theirs,
        (None, false) => Resolution::Ours,
    };
    let index = args.conflict.saturating_sub(1);
    let described = text
        .parse()
        .ok()
        .and_then(|doc| conflicts_in(&doc).get(index).map(|c| c.describe()));
    let resolved = match resolve(&text, index, &resolution) {
        Ok(resolved) => resolved,
        Err(error) => {
            writeln!(err, "ach: {shown}: {}", inert(&error.to_string()))?;
            return Ok(Outcome::Invalid);
        }
    };
    if let Err(diagnostics) = matrix_from_str(&resolved) {
        for diagnostic in diagnostics {
            let line = format!(
                "ach: {shown}: resolving would make {}: {}",
                diagnostic.location, diagnostic.message
            );
            writeln!(err, "{}", inert(&line))?;
        }
        return Ok(Outcome::Invalid);
    }
    if let Err(error) = write_atomically(&args.matrix, resolved.as_bytes()) {
        writeln!(err, "ach: {}", inert(&error.to_string()))?;
        return Ok(Outcome::Invalid);
    }
    let left = resolved
        .parse()
        .map(|doc| conflicts_in(&doc).len())
        .unwrap_or(0);
    writeln!(
        out,
        "{shown}: resolved {}; {left} conflicts left",
        inert(&described.unwrap_or_default())
    )?;
    Ok(Outcome::Success)
}

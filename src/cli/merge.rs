//! `ach merge BASE OURS THEIRS`: the git merge driver (`%O %A %B`).
//!
//! The result is written to OURS. Exit 0 when the merge is clean; 1 when a
//! true conflict remains (recorded in the file, so it still loads) or an
//! input cannot be merged, which git shows as an unmerged path.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Outcome;
use crate::merge::{Labels, merge};
use crate::storage::{matrix_from_str, write_atomically_without_backup};
use crate::text::inert;

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O).
    pub base: PathBuf,
    /// Our version (git's %A); the merged result replaces it.
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Who had our values, as conflicts name them (default: our file's
    /// `analyst`, else "ours").
    #[arg(long, value_name = "NAME")]
    pub ours_label: Option<String>,
    /// Who had their values (default: their file's `analyst`, else "theirs").
    #[arg(long, value_name = "NAME")]
    pub theirs_label: Option<String>,
}

pub fn run(args: &MergeArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    let read = |path: &Path| std::fs::read_to_string(path);
    let (base, ours, theirs) = match (read(&args.base), read(&args.ours), read(&args.theirs)) {
        (Ok(b), Ok(o), Ok(t)) => (b, o, t),
        (b, o, t) => {
            for (path, result) in [(&args.base, b), (&args.ours, o), (&args.theirs, t)] {
                if let Err(error) = result {
                    writeln!(
                        err,
                        "ach: {}: cannot read: {error}",
                        inert(&path.display().to_string())
                    )?;
                }
            }
            return Ok(Outcome::Invalid);
        }
    };
    let analyst = |text: &str| matrix_from_str(text).ok().and_then(|m| m.analyst);
    let (our_analyst, their_analyst) = (analyst(&ours), analyst(&theirs));
    let distinct = our_analyst.is_some() && our_analyst != their_analyst;
    let labels = Labels {
        ours: args
            .ours_label
            .clone()
            .or(our_analyst.filter(|_| distinct))
            .unwrap_or_else(|| "ours".to_owned()),
        theirs: args
            .theirs_label
            .clone()
            .or(their_analyst.filter(|_| distinct))
            .unwrap_or_else(|| "theirs".to_owned()),
    };
    let merged = match merge(&base, &ours, &theirs, &labels) {
        Ok(merged) => merged,
        Err(error) => {
            // Left as ours: git marks the path unmerged.
            writeln!(
                err,
                "ach merge: {}: {}",
                inert(&args.ours.display().to_string()),
                inert(&error.to_string())
            )?;
            return Ok(Outcome::Invalid);
        }
    };
    if let Err(error) = write_atomically_without_backup(&args.ours, merged.text.as_bytes()) {
        writeln!(err, "ach: {}", inert(&error.to_string()))?;
        return Ok(Outcome::Invalid);
    }
    let mut outcome = Outcome::Success;
    if let Err(diagnostics) = matrix_from_str(&merged.text) {
        outcome = Outcome::Invalid;
        for diagnostic in diagnostics {
            let line = format!(
                "ach merge: merged file: {}: {}",
                diagnostic.location, diagnostic.message
            );
            writeln!(err, "{}", inert(&line))?;
        }
    }
    for conflict in &merged.conflicts {
        outcome = Outcome::Invalid;
        writeln!(err, "ach merge: conflict: {}", inert(&conflict.describe()))?;
    }
    // Quiet when clean: git prints its own line for each merged path.
    let _ = out;
    Ok(outcome)
}

//! `ach diff A B`: the changes between two matrix files, by id; and
//! `ach diff --list FILE`, one line per value, the textconv that makes
//! `git diff` name cells (`ach git install` sets it up).

use std::io::{self, Write};
use std::path::PathBuf;

use super::Outcome;
use crate::merge::{diff, facts};
use crate::text::inert;

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The file before (with --list, the only file).
    pub before: PathBuf,
    /// The file after.
    #[arg(required_unless_present = "list")]
    pub after: Option<PathBuf>,
    /// Print every value of one file on its own line (`E4 / H2 = I`)
    /// instead of comparing two.
    #[arg(long, conflicts_with = "after")]
    pub list: bool,
}

pub fn run(args: &DiffArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    let read = |path: &PathBuf, err: &mut dyn Write| -> io::Result<Option<String>> {
        match std::fs::read_to_string(path) {
            Ok(text) => Ok(Some(text)),
            Err(error) => {
                writeln!(
                    err,
                    "ach: {}: cannot read: {error}",
                    inert(&path.display().to_string())
                )?;
                Ok(None)
            }
        }
    };
    let Some(before) = read(&args.before, err)? else {
        return Ok(Outcome::Invalid);
    };
    let not_toml = |err: &mut dyn Write, path: &PathBuf, error: toml_edit::TomlError| {
        let message = format!(
            "ach: {}: not a TOML file: {}",
            path.display(),
            error.to_string().trim_end()
        );
        writeln!(err, "{}", inert(&message))
    };
    let Some(after_path) = &args.after else {
        match facts(&before) {
            Ok(lines) => {
                for line in lines {
                    writeln!(out, "{}", inert(&line))?;
                }
                return Ok(Outcome::Success);
            }
            Err(error) => {
                not_toml(err, &args.before, error)?;
                return Ok(Outcome::Invalid);
            }
        }
    };
    let Some(after) = read(after_path, err)? else {
        return Ok(Outcome::Invalid);
    };
    match diff(&before, &after) {
        Ok(changes) => {
            for change in changes {
                writeln!(out, "{}", inert(&change.to_string()))?;
            }
            Ok(Outcome::Success)
        }
        Err(error) => {
            let bad = if before.parse::<toml_edit::DocumentMut>().is_err() {
                &args.before
            } else {
                after_path
            };
            not_toml(err, bad, error)?;
            Ok(Outcome::Invalid)
        }
    }
}

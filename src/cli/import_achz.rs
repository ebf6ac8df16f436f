//! `ach import FILE.achz`: a PARC ACH 2.0 project converted to a matrix in
//! the workspace's `hypotheses/` (or `--output`), with what did not survive
//! listed as warnings.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Outcome;
use crate::storage::{SaveError, create_new, matrix_to_toml};
use crate::text::inert;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The PARC ACH 2.0 project (`.achz`) to convert.
    pub file: PathBuf,
    /// Where to write the matrix [default: hypotheses/NAME.toml in the
    /// workspace]. An existing file is never replaced.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub fn run(
    args: &ImportArgs,
    workspace: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let file = args.file.display().to_string();
    let bytes = match crate::fsio::read_regular(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            writeln!(
                err,
                "ach: {}",
                inert(&format!("{file}: cannot read: {error}"))
            )?;
            return Ok(Outcome::Invalid);
        }
    };
    let imported = match crate::parc::read(&bytes) {
        Ok(imported) => imported,
        Err(error) => {
            writeln!(err, "ach: {}", inert(&format!("{file}: {error}")))?;
            return Ok(Outcome::Invalid);
        }
    };
    let output = match &args.output {
        Some(path) => path.clone(),
        None => {
            let root = match workspace {
                Some(root) => root.to_owned(),
                None => std::env::current_dir()?,
            };
            let stem = args.file.file_stem().unwrap_or_default();
            root.join("hypotheses").join(stem).with_extension("toml")
        }
    };
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty())
        && let Err(error) = std::fs::create_dir_all(parent)
    {
        let message = format!("{}: cannot create: {error}", parent.display());
        writeln!(err, "ach: {}", inert(&message))?;
        return Ok(Outcome::Invalid);
    }
    let text = matrix_to_toml(&imported.matrix);
    if let Err(error) = create_new(&output, text.as_bytes()) {
        let message = match error {
            SaveError::AlreadyExists { .. } => format!(
                "{}: already exists; choose another with --output",
                output.display()
            ),
            other => other.to_string(),
        };
        writeln!(err, "ach: {}", inert(&message))?;
        return Ok(Outcome::Invalid);
    }
    for lost in &imported.lost {
        writeln!(
            err,
            "{}",
            inert(&format!("{file}: warning: not kept: {lost}"))
        )?;
    }
    let summary = format!(
        "{}: imported {} hypotheses and {} evidence items from {file}",
        output.display(),
        imported.matrix.hypotheses().len(),
        imported.matrix.evidence().len(),
    );
    writeln!(out, "{}", inert(&summary))?;
    Ok(Outcome::Success)
}

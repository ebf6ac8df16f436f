//! `ach new`: an empty matrix file to start from.

use std::io::{self, Write};
use std::path::PathBuf;

use super::Outcome;
use crate::model::Matrix;
use crate::storage::{SaveError, create_new, matrix_to_toml};

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Where to write the matrix (refused if the file exists).
    pub matrix: PathBuf,
    /// The matrix title.
    #[arg(long)]
    pub title: String,
    /// The question the hypotheses answer.
    #[arg(long)]
    pub question: Option<String>,
    /// Who is making the analysis.
    #[arg(long)]
    pub analyst: Option<String>,
}

pub fn run(args: &NewArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    if args.title.trim().is_empty() {
        writeln!(err, "ach: --title must not be empty")?;
        return Ok(Outcome::Invalid);
    }
    let now = chrono::Utc::now().with_nanosecond_zeroed();
    let mut matrix = Matrix::new(args.title.clone());
    matrix.question = args.question.clone();
    matrix.analyst = args.analyst.clone();
    matrix.created = Some(now);
    matrix.updated = Some(now);
    if let Some(parent) = args.matrix.parent().filter(|p| !p.as_os_str().is_empty())
        && let Err(error) = std::fs::create_dir_all(parent)
    {
        let text = format!("{}: cannot create directory: {error}", parent.display());
        writeln!(err, "ach: {}", super::message(&text))?;
        return Ok(Outcome::Invalid);
    }
    match create_new(&args.matrix, matrix_to_toml(&matrix).as_bytes()) {
        Ok(()) => {
            let text = format!("created {}", args.matrix.display());
            writeln!(out, "{}", super::message(&text))?;
            Ok(Outcome::Success)
        }
        Err(error @ (SaveError::AlreadyExists { .. } | SaveError::Io { .. })) => {
            writeln!(err, "ach: {}", super::message(&error.to_string()))?;
            Ok(Outcome::Invalid)
        }
    }
}

/// Whole seconds keep the written timestamp short and exactly reloadable.
trait WholeSeconds {
    fn with_nanosecond_zeroed(self) -> Self;
}

impl WholeSeconds for chrono::DateTime<chrono::Utc> {
    fn with_nanosecond_zeroed(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

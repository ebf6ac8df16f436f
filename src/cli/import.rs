//! `ach import FILE...`: sources into the library's `seeds/`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Outcome;
use crate::import::import_file;
use crate::text::inert;
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The files to import: .html/.htm (the article of a saved page), .eml
    /// (an e-mail's text), .txt/.md (in any common encoding). Each becomes
    /// seeds/NAME.txt with its metadata in seeds/NAME.txt.meta.toml; the
    /// original is kept beside it.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

pub fn run(
    args: &ImportArgs,
    workspace: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let root = match workspace {
        Some(root) => root.to_owned(),
        None => std::env::current_dir()?,
    };
    let workspace = Workspace::new(root);
    let today = chrono::Local::now().date_naive();
    let mut outcome = Outcome::Success;
    for file in &args.files {
        match import_file(&workspace, file, today) {
            Ok(imported) => {
                let title = imported
                    .metadata
                    .citation()
                    .unwrap_or_else(|| "no metadata found".to_owned());
                let line = format!(
                    "{}: imported as {} ({title})",
                    file.display(),
                    imported.document
                );
                writeln!(out, "{}", inert(&line))?;
            }
            Err(error) => {
                outcome = Outcome::Invalid;
                let line = format!("ach: {}: not imported: {error}", file.display());
                writeln!(err, "{}", inert(&line))?;
            }
        }
    }
    Ok(outcome)
}

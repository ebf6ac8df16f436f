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
    /// (an e-mail's text), .docx (a Word document's body), .txt/.md (in any
    /// common encoding). Each becomes
    /// seeds/NAME.txt with its metadata in seeds/NAME.txt.meta.toml; the
    /// original is kept beside it.
    /// A PARC ACH 2.0 project (`.achz`) is converted to a matrix in
    /// hypotheses/ instead (see `--output`).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// For a `.achz` project: where to write the matrix [default:
    /// hypotheses/NAME.toml in the workspace]. An existing file is never
    /// replaced.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
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
        if crate::import::is_parc_project(file) {
            let project = super::import_achz::ImportArgs {
                file: file.clone(),
                output: args.output.clone(),
            };
            let root = Some(workspace.root());
            if super::import_achz::run(&project, root, out, err)? == Outcome::Invalid {
                outcome = Outcome::Invalid;
            }
            continue;
        }
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

//! `ach git install`: make git merge and diff matrices by id in the
//! repository holding the workspace.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::Outcome;
use crate::storage::write_atomically_without_backup;
use crate::text::inert;

#[derive(Debug, clap::Args)]
pub struct GitArgs {
    #[command(subcommand)]
    pub command: GitCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum GitCommand {
    /// Write .gitattributes lines for the workspace's matrices and set this
    /// repository's git config for `ach merge` and a by-id `git diff`.
    Install,
}

pub fn run(
    args: &GitArgs,
    workspace: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let GitCommand::Install = args.command;
    let root = match workspace {
        Some(root) => root.to_owned(),
        None => std::env::current_dir()?,
    };
    let Some(top) = repository_top(&root) else {
        writeln!(
            err,
            "ach: {}: not inside a git repository",
            inert(&root.display().to_string())
        )?;
        return Ok(Outcome::Invalid);
    };
    let matrices = match root
        .canonicalize()
        .ok()
        .and_then(|r| r.strip_prefix(&top).ok().map(Path::to_owned))
    {
        Some(relative) if relative.as_os_str().is_empty() => "hypotheses/**/*.toml".to_owned(),
        Some(relative) => format!(
            "{}/hypotheses/**/*.toml",
            relative.to_string_lossy().replace('\\', "/")
        ),
        None => {
            writeln!(
                err,
                "ach: {}: the workspace is outside the repository",
                inert(&root.display().to_string())
            )?;
            return Ok(Outcome::Invalid);
        }
    };
    let attributes_line = format!("{matrices} merge=ach diff=ach");
    let attributes = top.join(".gitattributes");
    let existing = match std::fs::symlink_metadata(&attributes) {
        Ok(meta) if !meta.is_file() => {
            writeln!(
                err,
                "ach: {}: not a regular file; not changed",
                inert(&attributes.display().to_string())
            )?;
            return Ok(Outcome::Invalid);
        }
        Ok(_) => std::fs::read_to_string(&attributes)?,
        Err(_) => String::new(),
    };
    if !existing.lines().any(|line| line.trim() == attributes_line) {
        let mut text = existing.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str("# ACH matrices merge and diff by id (ach git install)\n");
        text.push_str(&attributes_line);
        text.push('\n');
        if let Err(error) = write_atomically_without_backup(&attributes, text.as_bytes()) {
            writeln!(err, "ach: {}", inert(&error.to_string()))?;
            return Ok(Outcome::Invalid);
        }
    }
    let exe = quoted(&std::env::current_exe()?);
    for (key, value) in [
        (
            "merge.ach.name",
            "ACH matrices, merged by id (ach merge)".to_owned(),
        ),
        ("merge.ach.driver", format!("{exe} merge %O %A %B")),
        ("diff.ach.textconv", format!("{exe} diff --list")),
    ] {
        let status = Command::new("git")
            .arg("-C")
            .arg(&top)
            .args(["config", "--local", key, &value])
            .status()?;
        if !status.success() {
            writeln!(err, "ach: git config {key} failed")?;
            return Ok(Outcome::Invalid);
        }
    }
    writeln!(
        out,
        "{}: {attributes_line}",
        inert(&attributes.display().to_string())
    )?;
    writeln!(
        out,
        "git config: merge.ach.driver and diff.ach.textconv set for {}",
        inert(&top.display().to_string())
    )?;
    Ok(Outcome::Success)
}

fn repository_top(dir: &Path) -> Option<PathBuf> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--show-toplevel"])
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let top = String::from_utf8(output.stdout).ok()?;
    PathBuf::from(top.trim_end_matches(['\n', '\r']))
        .canonicalize()
        .ok()
}

/// The path quoted for the shell git runs drivers with.
fn quoted(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', r"'\''"))
}

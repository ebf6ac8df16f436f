//! The `ach` command line: argument parsing and the headless commands.
//! Exit status: 0 success, 1 invalid input, 2 usage error (clap's own).

mod check;
mod config;
mod diff;
mod export;
mod git;
mod import;
mod import_achz;
mod input;
mod merge;
mod new;
mod resolve;
mod score;
mod shell;
mod table;
mod team;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::tui::Startup;
use crate::workspace::Workspace;

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "ach",
    version,
    about = "ACH Workbench: Analysis of Competing Hypotheses in the terminal",
    long_about = "ACH Workbench: Analysis of Competing Hypotheses in the terminal.\n\n\
        Run without a command to open the workbench on the workspace in the current \
        directory (documents in seeds/, matrices in hypotheses/). The commands below \
        score, check and create matrix files without opening it."
)]
pub struct Cli {
    /// The workspace directory (holding seeds/ and hypotheses/).
    #[arg(long, short = 'w', global = true, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a matrix's hypotheses in rank order and its evidence by diagnosticity.
    Score(score::ScoreArgs),
    /// Validate matrix files and check their passages against the documents.
    Check(check::CheckArgs),
    /// Create a new, empty matrix file.
    New(new::NewArgs),
    /// Open the workbench on a matrix, its first cell selected.
    Open(OpenArgs),
    /// Export a matrix for a report: Markdown, HTML, CSV, JSON or an analytic brief.
    Export(export::ExportArgs),
    /// Merge two versions of a matrix by ids (a git merge driver: BASE OURS THEIRS, result in OURS).
    Merge(merge::MergeArgs),
    /// List the changes between two matrix files by id (E4 / H2: I -> II).
    Diff(diff::DiffArgs),
    /// Settle a merge conflict recorded in a matrix file.
    Resolve(resolve::ResolveArgs),
    /// Set up git for matrices: `ach git install`.
    Git(git::GitArgs),
    /// Compare a team's copies of one matrix: consensus, spread, each analyst's leader.
    Team(team::TeamArgs),
    /// Import sources into seeds/ (web pages, e-mail, text in any encoding,
    /// with their metadata), or convert a PARC ACH 2.0 project (.achz) to a matrix.
    Import(import::ImportArgs),
    /// Print the default settings file, or check the one in force.
    Config(config::ConfigArgs),
    /// Print a completion script for a shell (source it to complete `ach`).
    Completions(shell::CompletionsArgs),
    /// Print the manual page (roff), e.g. `ach man | man -l -`.
    Man,
}

/// How a command ended, beyond what it printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was valid (warnings allowed).
    Success,
    /// An input was invalid or could not be read or written.
    Invalid,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Invalid => ExitCode::from(1),
        }
    }
}

/// Entry point of the `ach` binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version hold no user input; keep clap's colours.
        Err(error) if !error.use_stderr() => error.exit(),
        // A usage error quotes the argument as typed: inert, like every
        // other message.
        Err(error) => {
            let _ = write!(io::stderr(), "{}", message(&error.render().to_string()));
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    // Not locked for the whole run: the workbench's signal watcher must be
    // able to write to the terminal while the event loop waits.
    let mut stdout = io::stdout();
    let mut stderr = io::stderr();
    match run(cli, &mut stdout, &mut stderr) {
        Ok(outcome) => outcome.into(),
        // `ach score m.toml | head` closes the pipe early; that is not an error.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(stderr, "ach: {}", message(&error.to_string()));
            ExitCode::from(1)
        }
    }
}

/// Runs one parsed command line, writing results to `out` and problems to
/// `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    // A workspace that is not there would make every relative path in it
    // silently wrong; refuse it before any command runs.
    if let Some(root) = &cli.workspace
        && !root.is_dir()
    {
        let message = format!("{}: the workspace is not a directory", root.display());
        writeln!(err, "ach: {}", crate::text::inert(&message))?;
        return Ok(Outcome::Invalid);
    }
    match cli.command {
        Some(Command::Completions(args)) => shell::completions(&args, out),
        Some(Command::Man) => shell::man(out),
        Some(Command::Config(args)) => config::run(&args, out, err),
        Some(Command::Score(args)) => score::run(&args, out, err),
        Some(Command::Check(args)) => check::run(&args, cli.workspace.as_deref(), out, err),
        Some(Command::New(args)) => new::run(&args, out, err),
        Some(Command::Export(args)) => export::run(&args, cli.workspace.as_deref(), out, err),
        Some(Command::Import(args)) => import::run(&args, cli.workspace.as_deref(), out, err),
        Some(Command::Merge(args)) => merge::run(&args, out, err),
        Some(Command::Diff(args)) => diff::run(&args, out, err),
        Some(Command::Resolve(args)) => resolve::run(&args, out, err),
        Some(Command::Git(args)) => git::run(&args, cli.workspace.as_deref(), out, err),
        Some(Command::Team(args)) => team::run(&args, out, err),
        Some(Command::Open(args)) => open(args, cli.workspace, err),
        None => {
            let root = match cli.workspace {
                Some(root) => root,
                None => std::env::current_dir()?,
            };
            if !root.is_dir() {
                let text = format!("{}: not a directory", root.display());
                writeln!(err, "ach: {}", message(&text))?;
                return Ok(Outcome::Invalid);
            }
            workbench(
                Startup {
                    workspace: Workspace::new(root),
                    matrix: None,
                    team: None,
                },
                err,
            )
        }
    }
}

/// The arguments of `ach open`.
#[derive(Debug, clap::Args)]
pub struct OpenArgs {
    /// The matrix file to open. The workspace is the nearest ancestor
    /// directory holding seeds/ or hypotheses/, else the matrix's directory.
    #[arg(required_unless_present = "team")]
    pub matrix: Option<PathBuf>,
    /// Open the team view on these analysts' copies of one matrix (files,
    /// or a folder of them): the consensus, the disagreement, and the open
    /// matrix's analyst against the team.
    #[arg(long, num_args = 1.., value_name = "FILES")]
    pub team: Vec<PathBuf>,
}

/// `ach open [MATRIX] [--team FILES...]`: every file is checked before the
/// terminal is taken over, so a bad one is reported like any command's.
fn open(args: OpenArgs, workspace: Option<PathBuf>, err: &mut dyn Write) -> io::Result<Outcome> {
    if let Some(matrix) = &args.matrix
        && !matrix.is_file()
    {
        let message = format!(
            "{}: no such matrix file (create it with `ach new {} --title TITLE`)",
            matrix.display(),
            matrix.display()
        );
        writeln!(err, "ach: {}", crate::text::inert(&message))?;
        return Ok(Outcome::Invalid);
    }
    let team = if args.team.is_empty() {
        None
    } else {
        let files = crate::team::team_files(&args.team);
        match files.and_then(|files| Ok((crate::team::load_team(&files)?, files))) {
            Ok((copies, files)) => Some(crate::tui::state::TeamView::new(files, &copies)),
            Err(crate::team::TeamError::Load(error)) => {
                report_load_error(err, &error)?;
                return Ok(Outcome::Invalid);
            }
            Err(error) => {
                writeln!(err, "ach open --team: {}", message(&error.to_string()))?;
                return Ok(Outcome::Invalid);
            }
        }
    };
    let near = args
        .matrix
        .clone()
        .or_else(|| team.as_ref().and_then(|t| t.files.first().cloned()));
    let workspace = match (workspace, near) {
        (Some(root), _) => Workspace::new(root),
        (None, Some(near)) => Workspace::of_matrix(&near),
        (None, None) => Workspace::new(std::env::current_dir()?),
    };
    workbench(
        Startup {
            workspace,
            matrix: args.matrix,
            team,
        },
        err,
    )
}

/// Runs the interactive workbench; an error that stops it is reported
/// after the terminal has been restored.
fn workbench(startup: Startup, err: &mut dyn Write) -> io::Result<Outcome> {
    // A dumb terminal cannot move the cursor: the workbench would draw
    // garbage. Say so instead, with what does work there.
    if std::env::var("TERM").is_ok_and(|term| term == "dumb") {
        writeln!(
            err,
            "ach: the workbench cannot draw on TERM=dumb (it needs a terminal that can move \
             the cursor, such as xterm-256color); `ach score`, `ach check` and `ach export` \
             work anywhere"
        )?;
        return Ok(Outcome::Invalid);
    }
    match crate::tui::settings::Settings::from_env() {
        Ok(settings) => settings.install(),
        Err(error) => {
            report_load_error(err, &error)?;
            return Ok(Outcome::Invalid);
        }
    }
    match crate::tui::run(startup) {
        Ok(()) => Ok(Outcome::Success),
        Err(error) => {
            writeln!(err, "ach: {}", message(&format!("{error:#}")))?;
            Ok(Outcome::Invalid)
        }
    }
}

/// Writes a load error to `err`, one diagnostic per line.
fn report_load_error(err: &mut dyn Write, error: &crate::storage::LoadError) -> io::Result<()> {
    writeln!(err, "{}", message(&error.to_string()))
}

/// Every message the CLI prints goes through here: the same inert-text
/// function the workbench draws with, so a file name, a matrix field or an
/// argument holding ESC or a bidirectional control cannot command the
/// terminal.
pub(crate) fn message(text: &str) -> std::borrow::Cow<'_, str> {
    crate::text::inert(text)
}

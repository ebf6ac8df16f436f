//! `ach export`: a matrix as Markdown, HTML, CSV, JSON or an analytic brief.

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use super::{Outcome, report_load_error};
use crate::export::{ExportContext, Format, Target, export};
use crate::storage::write_atomically;
use crate::text::inert;
use crate::workspace::Workspace;

/// The environment variable that fixes the generation date, as defined by
/// <https://reproducible-builds.org/specs/source-date-epoch/>.
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// U+FEFF, which spreadsheets take as "this file is UTF-8".
const UTF8_BOM: char = '\u{FEFF}';

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The matrix file to export (`-` reads it from standard input).
    pub matrix: PathBuf,
    /// The export format [default: from the --output extension (an
    /// extension that names no format is refused), else markdown].
    #[arg(long, short = 'f', value_parser = format_parser())]
    pub format: Option<Target>,
    /// Write the export to FILE instead of standard output. The file is
    /// replaced atomically; a previous version is kept as FILE.bak.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The generation date printed in the export, so that the same matrix
    /// gives the same bytes [default: SOURCE_DATE_EPOCH if set, else today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Start a CSV export with a UTF-8 byte order mark, so that Excel and
    /// LibreOffice Calc read it as UTF-8 instead of the system code page.
    #[arg(long)]
    pub bom: bool,
}

/// Accepts exactly the format names, listing them (with what each is for)
/// in `--help` and in the error for a wrong one.
fn format_parser() -> impl TypedValueParser<Value = Target> {
    PossibleValuesParser::new(
        Target::ALL.map(|target| PossibleValue::new(target.name()).help(target.description())),
    )
    .map(|name| {
        Target::ALL
            .into_iter()
            .find(|target| target.name() == name)
            .expect("the parser only accepts format names")
    })
}

pub(super) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date of the form YYYY-MM-DD"))
}

/// [`generation_date`] from this process's environment and clock, as every
/// command that dates its output reads it.
pub fn generation_date_here(date: Option<NaiveDate>) -> Result<NaiveDate, String> {
    generation_date(date, std::env::var_os(SOURCE_DATE_EPOCH).as_deref(), || {
        chrono::Local::now().date_naive()
    })
}

/// The generation date: `--date`, else `SOURCE_DATE_EPOCH` (whole seconds
/// since 1970-01-01 UTC; unset or empty means absent), else `today`.
pub fn generation_date(
    date: Option<NaiveDate>,
    source_date_epoch: Option<&OsStr>,
    today: impl FnOnce() -> NaiveDate,
) -> Result<NaiveDate, String> {
    if let Some(date) = date {
        return Ok(date);
    }
    let Some(epoch) = source_date_epoch.filter(|value| !value.is_empty()) else {
        return Ok(today());
    };
    epoch
        .to_str()
        .and_then(|text| text.parse::<i64>().ok())
        .and_then(|seconds| DateTime::from_timestamp(seconds, 0))
        .map(|time| time.date_naive())
        .ok_or_else(|| {
            format!(
                "{SOURCE_DATE_EPOCH} must be a whole number of seconds since 1970-01-01 UTC, not `{}`",
                epoch.to_string_lossy()
            )
        })
}

pub fn run(
    args: &ExportArgs,
    workspace: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let generated = match generation_date_here(args.date) {
        Ok(date) => date,
        Err(message) => {
            writeln!(err, "ach: {}", inert(&message))?;
            return Ok(Outcome::Invalid);
        }
    };
    let target = match (args.format, args.output.as_deref()) {
        (Some(target), _) => target,
        (None, None) => Target::Report(Format::Markdown),
        (None, Some(output)) => match Target::from_path(output) {
            Some(format) => format,
            None => {
                // Writing Markdown into `x.pdf` would look like success.
                let names: Vec<&str> = Target::ALL.iter().map(|t| t.extension()).collect();
                let message = format!(
                    "{}: cannot tell the format from the file name (known endings: .{}); \
                     name it with --format",
                    output.display(),
                    names.join(", .")
                );
                writeln!(err, "ach: {}", inert(&message))?;
                return Ok(Outcome::Invalid);
            }
        },
    };
    let matrix = match super::input::load(&args.matrix) {
        Ok((matrix, _)) => matrix,
        Err(error) => {
            report_load_error(err, &error)?;
            return Ok(Outcome::Invalid);
        }
    };
    let workspace = match workspace {
        Some(root) => Workspace::new(root),
        None if super::input::is_stdin(&args.matrix) => Workspace::new(std::env::current_dir()?),
        None => Workspace::of_matrix(&args.matrix),
    };
    let context = ExportContext::new(generated).with_workspace(&workspace);
    let bytes = match target {
        Target::Report(Format::Csv) if args.bom => {
            let mut text = export(&matrix, Format::Csv, &context);
            text.insert(0, UTF8_BOM);
            text.into_bytes()
        }
        _ if args.bom => {
            writeln!(err, "ach: --bom applies to CSV only, not {}", target.name())?;
            return Ok(Outcome::Invalid);
        }
        target => match target.render(&matrix, &context) {
            Ok(rendered) => {
                let name = args.matrix.display().to_string();
                for lost in &rendered.lost {
                    let warning = format!("{name}: warning: not in an .achz project: {lost}");
                    writeln!(err, "{}", inert(&warning))?;
                }
                rendered.bytes
            }
            Err(why) => {
                let message = format!("{}: {why}", args.matrix.display());
                writeln!(err, "ach: {}", inert(&message))?;
                return Ok(Outcome::Invalid);
            }
        },
    };
    let Some(output) = &args.output else {
        out.write_all(&bytes)?;
        return Ok(Outcome::Success);
    };
    if same_file(output, &args.matrix) {
        let message = format!(
            "{}: refusing to overwrite the matrix with its own export",
            output.display()
        );
        writeln!(err, "ach: {}", inert(&message))?;
        return Ok(Outcome::Invalid);
    }
    if let Err(error) = write_atomically(output, &bytes) {
        writeln!(err, "ach: {}", inert(&error.to_string()))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_date_flag_wins_over_the_environment() {
        let date = generation_date(
            Some(day(2020, 1, 2)),
            Some(OsStr::new("0")),
            || unreachable!(),
        );
        assert_eq!(date, Ok(day(2020, 1, 2)));
    }

    #[test]
    fn source_date_epoch_is_seconds_in_utc() {
        // 2026-02-20T23:59:59Z
        let date = generation_date(None, Some(OsStr::new("1771631999")), || unreachable!());
        assert_eq!(date, Ok(day(2026, 2, 20)));
    }

    #[test]
    fn unset_or_empty_means_today() {
        assert_eq!(
            generation_date(None, None, || day(2001, 1, 1)),
            Ok(day(2001, 1, 1))
        );
        assert_eq!(
            generation_date(None, Some(OsStr::new("")), || day(2001, 1, 1)),
            Ok(day(2001, 1, 1))
        );
    }

    #[test]
    fn malformed_epochs_are_refused() {
        for bad in ["1.5", "soon", "99999999999999999999"] {
            let error = generation_date(None, Some(OsStr::new(bad)), || unreachable!());
            assert!(error.unwrap_err().contains(SOURCE_DATE_EPOCH), "{bad}");
        }
    }
}

//! `ach config`: the settings file, printed with its defaults or checked.

use std::io::{self, Write};

use super::{Outcome, message, report_load_error};
use crate::tui::settings::Settings;

/// The arguments of `ach config`.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Print a settings file holding every default, commented out.
    #[arg(long, conflicts_with = "path")]
    pub default: bool,
    /// Print where the settings file is looked for.
    #[arg(long)]
    pub path: bool,
}

/// Without options, checks the settings file in force (as the workbench
/// would read it) and says where it is.
pub fn run(args: &ConfigArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Outcome> {
    if args.default {
        out.write_all(crate::tui::keymap_config::default_config_text().as_bytes())?;
        return Ok(Outcome::Success);
    }
    let located = crate::config::path_from(|name| std::env::var(name).ok());
    if args.path {
        match &located {
            Some((path, _)) => writeln!(out, "{}", message(&path.display().to_string()))?,
            None => {
                writeln!(
                    err,
                    "ach: neither ACH_CONFIG, XDG_CONFIG_HOME nor HOME is set"
                )?;
                return Ok(Outcome::Invalid);
            }
        }
        return Ok(Outcome::Success);
    }
    match Settings::from_env() {
        Ok(_) => {
            let text = match &located {
                Some((path, _)) if path.is_file() => format!("{}: valid", path.display()),
                Some((path, _)) => {
                    format!("{}: not there; the defaults are in force", path.display())
                }
                None => "no settings file; the defaults are in force".to_owned(),
            };
            writeln!(out, "{}", message(&text))?;
            Ok(Outcome::Success)
        }
        Err(error) => {
            report_load_error(err, &error)?;
            Ok(Outcome::Invalid)
        }
    }
}

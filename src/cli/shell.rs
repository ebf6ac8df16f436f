//! `ach completions SHELL` and `ach man`: the shell's conventions, generated
//! from the same clap definition that parses the arguments, so they cannot
//! drift from the commands.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::roff::{Roff, roman};

use super::{Cli, Outcome};

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Writes the completion script for `args.shell`.
pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> io::Result<Outcome> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "ach", out);
    Ok(Outcome::Success)
}

/// Writes the manual page of `ach` and its commands as one roff document:
/// clap_mangen's page for `ach` (with its COMMANDS list), then a section per
/// command holding that command's own `--help`, so `man ach` documents
/// every option without a page per command to install.
pub fn man(out: &mut dyn Write) -> io::Result<Outcome> {
    let mut command = Cli::command();
    command.build();
    // Not `render`: its SUBCOMMANDS section points at ach-score(1) and
    // the like, pages that are not installed; the sections below stand in.
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    for sub in command.get_subcommands_mut() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let name = sub.get_name().to_uppercase();
        let help = sub.render_long_help().to_string();
        let mut roff = Roff::new();
        roff.control("SH", [format!("ACH {name}").as_str()]);
        // `nf` keeps clap's own layout of the help; roff escapes the text.
        roff.control("nf", []);
        for line in help.lines() {
            roff.text([roman(line)]);
        }
        roff.control("fi", []);
        roff.to_writer(out)?;
    }
    page.render_version_section(out)?;
    Ok(Outcome::Success)
}

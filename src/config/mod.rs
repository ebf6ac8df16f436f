//! The analyst's own settings: `$XDG_CONFIG_HOME/ach/config.toml` (or the
//! file `ACH_CONFIG` names). Parsed and checked here, without a terminal;
//! the workbench turns the key overrides into its keymap.
//!
//! ```toml
//! theme = "colour-blind"
//! analyst = "A. Analyst"
//! after-rating = "next-hypothesis"
//!
//! [keys]            # an action's keys wherever it has keys
//! undo = ["U", "Ctrl-z"]
//!
//! [keys.matrix]     # only in one pane or popup
//! rate-cc = "1"
//! ```

mod parse;
#[cfg(test)]
mod tests;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use parse::parse;

use crate::storage::{Diagnostic, LoadError, Location};

/// How the workbench is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Green for consistent, red for inconsistent.
    #[default]
    Default,
    /// Blue and orange, which readers with red-green colour blindness tell
    /// apart.
    ColourBlind,
    /// No colour at all: emphasis by weight, underline and reverse video.
    /// Also what `NO_COLOR` asks for.
    Mono,
}

impl Theme {
    /// Every theme with the name the file spells it with.
    pub const ALL: [(Theme, &'static str); 3] = [
        (Theme::Default, "default"),
        (Theme::ColourBlind, "colour-blind"),
        (Theme::Mono, "mono"),
    ];
}

/// Where the cursor goes after a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AfterRating {
    /// Across the row: one item against every hypothesis, as Heuer advises.
    #[default]
    NextHypothesis,
    /// Down the column: one hypothesis against every item.
    NextEvidence,
    /// The cursor stays on the cell just rated.
    Stay,
}

impl AfterRating {
    pub const ALL: [(AfterRating, &'static str); 3] = [
        (AfterRating::NextHypothesis, "next-hypothesis"),
        (AfterRating::NextEvidence, "next-evidence"),
        (AfterRating::Stay, "stay"),
    ];
}

/// A piece of the file, with the bytes it came from for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// One `action = KEYS` line of a `[keys]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// `None` under `[keys]` (everywhere the action has keys); the pane's
    /// name under `[keys.PANE]`.
    pub pane: Option<Located<String>>,
    pub action: Located<String>,
    /// The keys as written (`"Ctrl-s"`, `"U"`), at least one.
    pub keys: Vec<Located<String>>,
}

/// The settings a config file gives; everything it leaves out is the
/// default.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    pub theme: Theme,
    /// The analyst name new matrices start with.
    pub analyst: Option<String>,
    pub after_rating: AfterRating,
    pub keys: Vec<KeyOverride>,
}

/// A config file's text with the path it was read from, so that later
/// checks (the keys, which only the workbench knows) can be located too.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    /// The error for problems found at byte ranges of this file.
    pub fn error(&self, problems: Vec<(Range<usize>, String)>) -> LoadError {
        let mut diagnostics: Vec<Diagnostic> = problems
            .into_iter()
            .map(|(span, message)| {
                Diagnostic::new(Location::of_offset(&self.text, span.start), message)
            })
            .collect();
        diagnostics.sort_by_key(|d| d.location);
        LoadError::Invalid {
            path: self.path.clone(),
            diagnostics,
        }
    }
}

/// Which file holds the settings: `ACH_CONFIG` if set (it must then
/// exist), else `$XDG_CONFIG_HOME/ach/config.toml`, else
/// `~/.config/ach/config.toml`. The flag says whether the file was named
/// explicitly.
pub fn path_from(env: impl Fn(&str) -> Option<String>) -> Option<(PathBuf, bool)> {
    let set = |name: &str| env(name).filter(|value| !value.is_empty());
    if let Some(path) = set("ACH_CONFIG") {
        return Some((PathBuf::from(path), true));
    }
    let base = set("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| set("HOME").map(|home| Path::new(&home).join(".config")))?;
    Some((base.join("ach").join("config.toml"), false))
}

/// Reads and parses the config file, if there is one. A file named by
/// `ACH_CONFIG` must exist; the default location may be empty. Only a
/// regular file is read (a FIFO there would hang the start).
pub fn load(path: &Path, named: bool) -> Result<Option<(Config, Source)>, LoadError> {
    let text = match crate::fsio::read_regular_to_string(path) {
        Ok(text) => text,
        Err(error) if !named && error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(LoadError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    let source = Source {
        path: path.to_owned(),
        text,
    };
    match parse(&source.text) {
        Ok(config) => Ok(Some((config, source))),
        Err(problems) => Err(source.error(problems)),
    }
}

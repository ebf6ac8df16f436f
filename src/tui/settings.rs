//! The analyst's settings in force in this workbench: read once from the
//! config file at start-up (see [`crate::config`]), checked against the
//! keymap, then installed for the whole process, since keys and colours do
//! not change under a running workbench.

use std::sync::OnceLock;

use super::keymap::{self, Binding};
use super::keymap_config;
use super::view::theme;
use crate::config::{self, AfterRating, Config, Theme};
use crate::storage::LoadError;

/// What the config file decided, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    pub keymap: Vec<Binding>,
    pub theme: Theme,
    pub analyst: Option<String>,
    pub after_rating: AfterRating,
}

static SETTINGS: OnceLock<(Option<String>, AfterRating)> = OnceLock::new();

impl Settings {
    /// The settings of a parsed config file (or none), with `NO_COLOR`
    /// (any non-empty value, as no-color.org says) overriding the theme.
    pub fn new(
        config: Option<(Config, config::Source)>,
        no_color: bool,
    ) -> Result<Settings, LoadError> {
        let (config, keymap) = match config {
            None => (Config::default(), keymap::KEYMAP.to_vec()),
            Some((config, source)) => {
                let keymap = keymap_config::apply(&config.keys).map_err(|p| source.error(p))?;
                (config, keymap)
            }
        };
        Ok(Settings {
            keymap,
            theme: if no_color { Theme::Mono } else { config.theme },
            analyst: config.analyst,
            after_rating: config.after_rating,
        })
    }

    /// The settings the environment gives: the config file `ACH_CONFIG`
    /// or the XDG location names, and `NO_COLOR`.
    pub fn from_env() -> Result<Settings, LoadError> {
        let env = |name: &str| std::env::var(name).ok();
        let config = match config::path_from(env) {
            Some((path, named)) => config::load(&path, named)?,
            None => None,
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Settings::new(config, no_color)
    }

    /// Puts these settings in force for the rest of the process.
    pub fn install(self) {
        keymap::install(self.keymap);
        theme::install(self.theme);
        let _ = SETTINGS.set((self.analyst, self.after_rating));
    }
}

/// The analyst name new matrices start with, if the config gives one.
pub fn analyst() -> Option<&'static str> {
    SETTINGS.get().and_then(|(analyst, _)| analyst.as_deref())
}

/// Where the cursor goes after a rating.
pub fn after_rating() -> AfterRating {
    SETTINGS
        .get()
        .map_or(AfterRating::default(), |(_, after)| *after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins_over_the_theme() {
        let config = config::parse("theme = \"colour-blind\"").unwrap();
        let source = config::Source {
            path: "c.toml".into(),
            text: String::new(),
        };
        let settings = Settings::new(Some((config, source)), true).unwrap();
        assert_eq!(settings.theme, Theme::Mono);
    }

    #[test]
    fn a_bad_key_is_reported_at_its_line() {
        let text = "theme = \"mono\"\n[keys]\nundo = \"s\"\n";
        let source = config::Source {
            path: "c.toml".into(),
            text: text.to_owned(),
        };
        let error = Settings::new(Some((config::parse(text).unwrap(), source)), false)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("c.toml:3:8: `s` would mean both"),
            "{error}"
        );
    }
}

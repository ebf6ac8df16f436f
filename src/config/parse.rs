//! From the config file's text to [`Config`]: every problem is collected
//! with the bytes it is at, so the analyst sees all of them at once.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{AfterRating, Config, KeyOverride, Located, Theme};

type Problems = Vec<(Range<usize>, String)>;

/// The top-level keys a config file may hold.
const KNOWN: &str = "theme, analyst, after-rating, keys";

/// Parses a config file. Unknown keys are errors, as in matrix files: a
/// misspelt setting silently ignored is a setting the analyst thinks
/// they have.
pub fn parse(text: &str) -> Result<Config, Problems> {
    let table = match DeTable::parse(text) {
        Ok(table) => table.into_inner(),
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            return Err(vec![(span, error.message().to_owned())]);
        }
    };
    let mut config = Config::default();
    let mut problems = Problems::new();
    for (key, value) in &table {
        let span = key.span();
        match key.get_ref().as_ref() {
            "theme" => {
                if let Some(theme) = choice(value, "theme", &Theme::ALL, &mut problems) {
                    config.theme = theme;
                }
            }
            "after-rating" => {
                let options = &AfterRating::ALL;
                if let Some(after) = choice(value, "after-rating", options, &mut problems) {
                    config.after_rating = after;
                }
            }
            "analyst" => match value.get_ref() {
                DeValue::String(name) if !name.trim().is_empty() => {
                    config.analyst = Some(name.trim().to_owned());
                }
                _ => problems.push((value.span(), "`analyst` must be a name".to_owned())),
            },
            "keys" => keys(value, &mut config.keys, &mut problems),
            other => problems.push((span, format!("unknown setting `{other}` (known: {KNOWN})"))),
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems)
    }
}

/// A string that must be one of `options`.
fn choice<T: Copy>(
    value: &Spanned<DeValue<'_>>,
    name: &str,
    options: &[(T, &str)],
    problems: &mut Problems,
) -> Option<T> {
    let names = || {
        options
            .iter()
            .map(|(_, name)| format!("\"{name}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let DeValue::String(text) = value.get_ref()
        && let Some((option, _)) = options.iter().find(|(_, n)| *n == text.as_ref())
    {
        return Some(*option);
    }
    problems.push((value.span(), format!("`{name}` must be one of {}", names())));
    None
}

/// The `[keys]` table: `action = KEYS` everywhere, or `[keys.PANE]`
/// tables of them.
fn keys(value: &Spanned<DeValue<'_>>, out: &mut Vec<KeyOverride>, problems: &mut Problems) {
    let DeValue::Table(table) = value.get_ref() else {
        problems.push((value.span(), "`keys` must be a table of actions".to_owned()));
        return;
    };
    for (name, value) in table {
        match value.get_ref() {
            DeValue::Table(pane) => {
                let pane_name = located(name);
                for (action, keys) in pane {
                    if let Some(entry) = entry(Some(pane_name.clone()), action, keys, problems) {
                        out.push(entry);
                    }
                }
            }
            _ => {
                if let Some(entry) = entry(None, name, value, problems) {
                    out.push(entry);
                }
            }
        }
    }
}

/// One `action = "KEY"` or `action = ["KEY", ...]`.
fn entry(
    pane: Option<Located<String>>,
    action: &Spanned<std::borrow::Cow<'_, str>>,
    value: &Spanned<DeValue<'_>>,
    problems: &mut Problems,
) -> Option<KeyOverride> {
    let bad = |problems: &mut Problems| {
        let message = format!(
            "the keys of `{}` must be a key (\"Ctrl-s\") or a list of keys ([\"u\", \"Ctrl-z\"])",
            action.get_ref()
        );
        problems.push((value.span(), message));
    };
    let keys: Vec<Located<String>> = match value.get_ref() {
        DeValue::String(key) => vec![Located {
            value: key.to_string(),
            span: value.span(),
        }],
        DeValue::Array(items) => {
            let mut keys = Vec::new();
            for item in items {
                let DeValue::String(key) = item.get_ref() else {
                    bad(problems);
                    return None;
                };
                keys.push(Located {
                    value: key.to_string(),
                    span: item.span(),
                });
            }
            keys
        }
        _ => {
            bad(problems);
            return None;
        }
    };
    if keys.is_empty() {
        let message = format!(
            "`{}` needs at least one key; an action without keys cannot be reached",
            action.get_ref()
        );
        problems.push((value.span(), message));
        return None;
    }
    Some(KeyOverride {
        pane,
        action: located(action),
        keys,
    })
}

fn located(name: &Spanned<std::borrow::Cow<'_, str>>) -> Located<String> {
    Located {
        value: name.get_ref().to_string(),
        span: name.span(),
    }
}

//! The analyst's key bindings from the config file, laid over the keymap
//! table: names for actions and panes, key spellings, and the checks that
//! keep a rebinding from silently shadowing another key.

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

use crossterm::event::{KeyCode, KeyModifiers};

use super::action::Action;
use super::keymap::{Binding, Context, KEYMAP, Key};
use crate::config::{KeyOverride, Located};

type Problems = Vec<(Range<usize>, String)>;

/// Every context with the name a config file gives it, in help order.
pub const PANES: [(Context, &str); 12] = [
    (Context::Global, "everywhere"),
    (Context::Library, "library"),
    (Context::Reader, "reader"),
    (Context::Matrix, "matrix"),
    (Context::TextField, "field"),
    (Context::Form, "form"),
    (Context::Lines, "lines"),
    (Context::Confirm, "question"),
    (Context::Choice, "list"),
    (Context::Help, "help"),
    (Context::Typing, "typing"),
    (Context::Team, "team"),
];

fn pane_name(context: Context) -> &'static str {
    PANES
        .iter()
        .find(|(c, _)| *c == context)
        .map_or("everywhere", |(_, name)| name)
}

/// The name a config file calls an action by: `undo`, `next-pane`,
/// `rate-cc`, `unrate`, `type-go-to-prev-word`, `what-if-assumptions`. `None` for what is not a
/// key's own action (answering a question: its keys are the question's).
pub fn action_name(action: Action) -> Option<String> {
    match action {
        Action::Answer(_) => None,
        Action::Rate(Some(rating)) => Some(format!("rate-{}", rating.code().to_lowercase())),
        Action::Rate(None) => Some("unrate".to_owned()),
        Action::Type(request) => Some(format!("type-{}", kebab(&format!("{request:?}")))),
        Action::WhatIf(what) => Some(format!("what-if-{}", kebab(&format!("{what:?}")))),
        other => Some(kebab(&format!("{other:?}"))),
    }
}

/// `NextPane` → `next-pane`.
fn kebab(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars().take_while(|c| c.is_alphanumeric()) {
        if c.is_uppercase() && !out.is_empty() {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Reads a key as help writes it (`Ctrl-s`, `Shift-Tab`, `PgDn`, `↑` or
/// `Up`, `F1`, `Space`, `u`), the inverse of [`Key::label`].
pub fn parse_key(text: &str) -> Option<Key> {
    let (modifiers, base) = if let Some(rest) = strip_prefix_ci(text, "Ctrl-") {
        (KeyModifiers::CONTROL, rest)
    } else if let Some(rest) = strip_prefix_ci(text, "Alt-") {
        (KeyModifiers::ALT, rest)
    } else {
        (KeyModifiers::NONE, text)
    };
    let named = [
        ("Space", KeyCode::Char(' ')),
        ("Enter", KeyCode::Enter),
        ("Esc", KeyCode::Esc),
        ("Tab", KeyCode::Tab),
        ("Shift-Tab", KeyCode::BackTab),
        ("Backspace", KeyCode::Backspace),
        ("Delete", KeyCode::Delete),
        ("↑", KeyCode::Up),
        ("Up", KeyCode::Up),
        ("↓", KeyCode::Down),
        ("Down", KeyCode::Down),
        ("←", KeyCode::Left),
        ("Left", KeyCode::Left),
        ("→", KeyCode::Right),
        ("Right", KeyCode::Right),
        ("PgUp", KeyCode::PageUp),
        ("PgDn", KeyCode::PageDown),
        ("Home", KeyCode::Home),
        ("End", KeyCode::End),
    ];
    let code = if let Some((_, code)) = named.iter().find(|(n, _)| n.eq_ignore_ascii_case(base)) {
        *code
    } else if let Some(n) = base.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
        (1..=12).contains(&n).then_some(KeyCode::F(n))?
    } else {
        let mut chars = base.chars();
        let c = chars.next()?;
        if chars.next().is_some() || c.is_control() {
            return None;
        }
        // As Key::of_event folds them: Ctrl-S is Ctrl-s.
        KeyCode::Char(if modifiers == KeyModifiers::CONTROL {
            c.to_ascii_lowercase()
        } else {
            c
        })
    };
    Some(Key { code, modifiers })
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    (head.eq_ignore_ascii_case(prefix) && text.len() > prefix.len()).then(|| &text[prefix.len()..])
}

/// A key that is text when typed into a field.
fn printable(key: Key) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key.modifiers.contains(KeyModifiers::CONTROL)
        && !key.modifiers.contains(KeyModifiers::ALT)
}

/// Contexts where a printable key must stay text.
fn is_field(context: Context) -> bool {
    matches!(
        context,
        Context::TextField | Context::Form | Context::Lines | Context::Typing
    )
}

/// A binding and, when it came from the config file, where.
struct Placed {
    binding: Binding,
    at: Option<Range<usize>>,
}

/// The keymap with the analyst's overrides: each override replaces the
/// keys of its action (in its pane, or in every pane that has the action).
/// Problems: unknown actions, panes or keys; a printable key for a field;
/// and any key the override makes mean two things where it is pressed.
pub fn apply(overrides: &[KeyOverride]) -> Result<Vec<Binding>, Problems> {
    let names: HashMap<String, Action> = KEYMAP
        .iter()
        .filter_map(|b| action_name(b.action).map(|name| (name, b.action)))
        .collect();
    let mut problems = Problems::new();
    let mut placed: Vec<Placed> = KEYMAP
        .iter()
        .map(|&binding| Placed { binding, at: None })
        .collect();
    for entry in overrides {
        let Some(&action) = names.get(&entry.action.value) else {
            problems.push((
                entry.action.span.clone(),
                format!(
                    "`{}` is not an action of the workbench (`ach config --default` lists them)",
                    entry.action.value
                ),
            ));
            continue;
        };
        let pane = match &entry.pane {
            None => None,
            Some(Located { value, span }) => match PANES.iter().find(|(_, n)| n == value) {
                Some((context, _)) => Some(*context),
                None => {
                    let known: Vec<&str> = PANES.iter().map(|(_, n)| *n).collect();
                    problems.push((
                        span.clone(),
                        format!("unknown pane `{value}` (known: {})", known.join(", ")),
                    ));
                    continue;
                }
            },
        };
        let contexts: Vec<Context> = PANES
            .iter()
            .map(|(context, _)| *context)
            .filter(|&context| pane.is_none_or(|p| p == context))
            .filter(|&context| {
                KEYMAP
                    .iter()
                    .any(|b| b.context == context && b.action == action)
            })
            .collect();
        if contexts.is_empty() {
            let pane = entry.pane.as_ref().map_or("", |p| p.value.as_str());
            problems.push((
                entry.action.span.clone(),
                format!(
                    "`{}` has no keys in the {pane} pane; set its keys under [keys]",
                    entry.action.value
                ),
            ));
            continue;
        }
        let mut keys = Vec::new();
        for key in &entry.keys {
            match parse_key(&key.value) {
                Some(parsed) => keys.push((parsed, key.span.clone())),
                None => problems.push((
                    key.span.clone(),
                    format!(
                        "`{}` is not a key (write keys as help does: u, U, Ctrl-s, Alt-x, Enter, Esc, Tab, Shift-Tab, Space, F1, PgDn, Up)",
                        key.value
                    ),
                )),
            }
        }
        for context in contexts {
            // The new keys take the old ones' place, so help keeps its order.
            let same = |p: &Placed| p.binding.context == context && p.binding.action == action;
            let mut at = placed
                .iter()
                .position(same)
                .expect("the action has keys in this context");
            let first = placed[at].binding;
            placed.retain(|p| !same(p));
            for (n, (key, span)) in keys.iter().enumerate() {
                let default = is_default(context, *key, action);
                if is_field(context) && printable(*key) && !default {
                    problems.push((
                        span.clone(),
                        format!(
                            "`{}` is text in a field ({}); bind a Ctrl, Alt or named key there",
                            key.label(),
                            pane_name(context)
                        ),
                    ));
                    continue;
                }
                placed.insert(
                    at,
                    Placed {
                        binding: Binding {
                            key: *key,
                            // The hint shows once, on the first key, as before.
                            hint: if n == 0 { first.hint } else { None },
                            ..first
                        },
                        at: Some(span.clone()),
                    },
                );
                at += 1;
            }
        }
    }
    clashes(&placed, &mut problems);
    if problems.is_empty() {
        Ok(placed.into_iter().map(|p| p.binding).collect())
    } else {
        Err(problems)
    }
}

/// A key the analyst bound that also means something else where it is
/// pressed: in the same context, or between a pane and the keys that work
/// everywhere (the pane's own binding would win there, silently).
fn clashes(placed: &[Placed], problems: &mut Problems) {
    for (n, mine) in placed.iter().enumerate() {
        let Some(at) = &mine.at else { continue };
        let b = &mine.binding;
        let other = placed.iter().enumerate().find(|(m, other)| {
            let o = &other.binding;
            *m != n
                && o.key == b.key
                && o.action != b.action
                && (o.context == b.context
                    || b.context.parent() == Some(o.context)
                    || o.context.parent() == Some(b.context))
                // A pane's own meaning over a global one, as the defaults
                // have it (`l` is the next sentence in the reader).
                && !(is_default(b.context, b.key, b.action) && is_default(o.context, o.key, o.action))
                // Report a clash between two of the analyst's keys once.
                && (other.at.is_none() || *m < n)
        });
        if let Some((_, other)) = other {
            let o = &other.binding;
            let name = |action| action_name(action).unwrap_or_default();
            problems.push((
                at.clone(),
                format!(
                    "`{}` would mean both `{}` and `{}` ({}) {}",
                    b.key.label(),
                    name(b.action),
                    name(o.action),
                    o.description,
                    match (b.context, o.context) {
                        (Context::Global, Context::Global) => "everywhere".to_owned(),
                        (Context::Global, pane) | (pane, _) =>
                            format!("in the {} pane", pane_name(pane)),
                    }
                ),
            ));
        }
    }
}

/// Whether the keymap table itself binds `key` to `action` in `context`.
fn is_default(context: Context, key: Key, action: Action) -> bool {
    KEYMAP
        .iter()
        .any(|b| b.context == context && b.key == key && b.action == action)
}

/// `ach config --default`: a config file of the defaults, every line
/// commented out, so the analyst uncomments what they change.
pub fn default_config_text() -> String {
    let mut out = String::new();
    let theme_names: Vec<String> = crate::config::Theme::ALL
        .iter()
        .map(|(_, n)| format!("\"{n}\""))
        .collect();
    let after_names: Vec<String> = crate::config::AfterRating::ALL
        .iter()
        .map(|(_, n)| format!("\"{n}\""))
        .collect();
    let _ = write!(
        out,
        "# ACH Workbench settings: $XDG_CONFIG_HOME/ach/config.toml (by default\n\
         # ~/.config/ach/config.toml), or the file ACH_CONFIG names.\n\
         # Every line is commented out: uncomment what you change.\n\
         \n\
         # Colours: {}. \"colour-blind\" uses blue and\n\
         # orange, which red-green colour-blind readers tell apart; \"mono\" uses none\n\
         # (weight, underline and reverse video only) and is what NO_COLOR=1 gives.\n\
         # theme = \"default\"\n\
         \n\
         # The analyst name new matrices start with.\n\
         # analyst = \"A. Analyst\"\n\
         \n\
         # Where the cursor goes after a rating: {}.\n\
         # after-rating = \"next-hypothesis\"\n\
         \n\
         # Keys, written as help writes them. A line under [keys.PANE] sets the\n\
         # action's keys in that pane or popup only; under [keys], everywhere it has\n\
         # keys. A key may not mean two things where it is pressed, and a printable\n\
         # key in a field (field, form, typing) is always text.\n",
        theme_names.join(", "),
        after_names.join(", ")
    );
    for (context, name) in PANES {
        let mut actions: Vec<(Action, Vec<String>, &str)> = Vec::new();
        for binding in KEYMAP.iter().filter(|b| b.context == context) {
            match actions.iter_mut().find(|(a, _, _)| *a == binding.action) {
                Some((_, keys, _)) => keys.push(binding.key.label()),
                None => actions.push((
                    binding.action,
                    vec![binding.key.label()],
                    binding.description,
                )),
            }
        }
        let _ = write!(out, "\n# [keys.{name}]\n");
        for (action, keys, description) in actions {
            let Some(action) = action_name(action) else {
                continue;
            };
            let keys: Vec<String> = keys.iter().map(|k| toml_string(k)).collect();
            let _ = writeln!(out, "# {action} = [{}]  # {description}", keys.join(", "));
        }
    }
    out
}

fn toml_string(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;

    fn problems(text: &str) -> Vec<String> {
        let config = parse(text).unwrap();
        let mut problems = apply(&config.keys).unwrap_err();
        problems.sort_by_key(|(span, _)| span.start);
        problems
            .into_iter()
            .map(|(span, message)| format!("{}: {message}", &text[span]))
            .collect()
    }

    fn lookup(table: &[Binding], context: Context, key: &str) -> Option<Action> {
        let key = parse_key(key).unwrap();
        let find = |context| {
            table
                .iter()
                .find(|b| b.context == context && b.key == key)
                .map(|b| b.action)
        };
        find(context).or_else(|| context.parent().and_then(find))
    }

    #[test]
    fn every_key_of_the_table_reads_back_from_its_label() {
        for binding in KEYMAP {
            assert_eq!(
                parse_key(&binding.key.label()),
                Some(binding.key),
                "{}",
                binding.key.label()
            );
        }
    }

    #[test]
    fn every_action_with_keys_has_its_own_name() {
        let mut seen: HashMap<String, Action> = HashMap::new();
        for binding in KEYMAP {
            if let Some(name) = action_name(binding.action) {
                let before = seen.insert(name.clone(), binding.action);
                assert!(
                    before.is_none_or(|a| a == binding.action),
                    "{name} names two actions"
                );
            }
        }
        assert_eq!(action_name(Action::Undo).as_deref(), Some("undo"));
        assert_eq!(action_name(Action::NextPane).as_deref(), Some("next-pane"));
        assert_eq!(
            action_name(Action::Rate(Some(crate::model::Rating::VeryInconsistent))).as_deref(),
            Some("rate-ii")
        );
    }

    #[test]
    fn an_override_replaces_the_actions_keys_and_keeps_its_help() {
        let config = parse("[keys]\nundo = \"U\"\n[keys.matrix]\nrate-cc = \"1\"\n").unwrap();
        let table = apply(&config.keys).unwrap();
        assert_eq!(lookup(&table, Context::Matrix, "U"), Some(Action::Undo));
        assert_eq!(lookup(&table, Context::Matrix, "u"), None);
        assert_eq!(lookup(&table, Context::Matrix, "Ctrl-z"), None);
        let cc = Action::Rate(Some(crate::model::Rating::VeryConsistent));
        assert_eq!(lookup(&table, Context::Matrix, "1"), Some(cc));
        assert_eq!(lookup(&table, Context::Matrix, "C"), None);
        let undo = table.iter().find(|b| b.action == Action::Undo).unwrap();
        assert_eq!(undo.description, "undo");
        assert_eq!(undo.hint, Some("undo"));
    }

    #[test]
    fn unknown_actions_panes_and_keys_are_named() {
        assert_eq!(
            problems(
                "[keys]\nundo-twice = \"U\"\nundo = \"Hyper-u\"\n[keys.sidebar]\nquit = \"Q\"\n"
            ),
            [
                "undo-twice: `undo-twice` is not an action of the workbench (`ach config --default` lists them)",
                "\"Hyper-u\": `Hyper-u` is not a key (write keys as help does: u, U, Ctrl-s, Alt-x, Enter, Esc, Tab, Shift-Tab, Space, F1, PgDn, Up)",
                "sidebar: unknown pane `sidebar` (known: everywhere, library, reader, matrix, field, form, lines, question, list, help, typing, team)",
            ]
        );
        assert_eq!(
            problems("[keys.reader]\nrate-cc = \"1\"\n"),
            ["rate-cc: `rate-cc` has no keys in the reader pane; set its keys under [keys]"]
        );
    }

    #[test]
    fn a_key_may_not_mean_two_things_where_it_is_pressed() {
        // `s` orders the evidence in the matrix pane: undo would never
        // reach it there.
        assert_eq!(
            problems("[keys]\nundo = \"s\"\n"),
            [
                "\"s\": `s` would mean both `undo` and `cycle-order` (order evidence: file, diagnosticity, credibility) in the matrix pane"
            ]
        );
        // Two of the analyst's own keys, reported once (at the one later
        // in the table).
        assert_eq!(
            problems("[keys]\nundo = \"U\"\nredo = \"U\"\n"),
            ["\"U\": `U` would mean both `redo` and `undo` (undo) everywhere"]
        );
        // The reader's word keys are checked as any other.
        assert_eq!(
            problems("[keys.reader]\nextend-by-word = \"a\"\n"),
            [
                "\"a\": `a` would mean both `extend-by-word` and `attach` (attach the selection (or sentence) as evidence) in the reader pane"
            ]
        );
        let config = parse("[keys.reader]\nshrink-by-word = \"e\"\n").unwrap();
        let table = apply(&config.keys).unwrap();
        assert_eq!(
            lookup(&table, Context::Reader, "e"),
            Some(Action::ShrinkByWord)
        );
        assert_eq!(lookup(&table, Context::Reader, "b"), None);
        // Moving a key away from its old action first is fine.
        let config = parse("[keys.matrix]\ncycle-order = \"o\"\n[keys]\nundo = \"s\"\n").unwrap();
        let table = apply(&config.keys).unwrap();
        assert_eq!(lookup(&table, Context::Matrix, "s"), Some(Action::Undo));
    }

    #[test]
    fn a_printable_key_in_a_field_stays_text() {
        assert_eq!(
            problems("[keys.form]\nnext-field = \"n\"\n"),
            ["\"n\": `n` is text in a field (form); bind a Ctrl, Alt or named key there"]
        );
    }

    #[test]
    fn the_default_file_uncommented_is_the_default_keymap() {
        let text = default_config_text();
        let uncommented: String = text
            .lines()
            .filter_map(|line| line.strip_prefix("# "))
            .filter(|line| line.starts_with("[keys.") || line.contains(" = ["))
            .map(|line| format!("{line}\n"))
            .collect();
        let config = parse(&uncommented).unwrap();
        assert!(config.keys.len() > 50, "{}", config.keys.len());
        let table = apply(&config.keys).unwrap();
        let set = |table: &[Binding]| {
            let mut set: Vec<String> = table
                .iter()
                .map(|b| format!("{:?} {:?} {:?}", b.context, b.key, b.action))
                .collect();
            set.sort();
            set
        };
        assert_eq!(set(&table), set(KEYMAP));
        // And the settings lines, uncommented, are valid too.
        let settings: String = text
            .lines()
            .filter_map(|line| line.strip_prefix("# "))
            .filter(|line| {
                ["theme =", "analyst =", "after-rating ="]
                    .iter()
                    .any(|p| line.starts_with(p))
            })
            .map(|line| format!("{line}\n"))
            .collect();
        assert_eq!(settings.lines().count(), 3);
        parse(&settings).unwrap();
    }
}

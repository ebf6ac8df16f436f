use std::path::PathBuf;

use super::*;

fn problems(text: &str) -> Vec<String> {
    let source = Source {
        path: PathBuf::from("config.toml"),
        text: text.to_owned(),
    };
    match parse(text) {
        Ok(config) => panic!("accepted: {config:?}"),
        Err(problems) => source
            .error(problems)
            .to_string()
            .lines()
            .map(str::to_owned)
            .collect(),
    }
}

#[test]
fn an_empty_file_is_every_default() {
    assert_eq!(parse("").unwrap(), Config::default());
}

#[test]
fn every_setting_is_read() {
    let config = parse(
        "theme = \"colour-blind\"\nanalyst = \"  A. Analyst \"\nafter-rating = \"stay\"\n\
         [keys]\nundo = [\"U\", \"Ctrl-z\"]\n[keys.matrix]\nrate-cc = \"1\"\n",
    )
    .unwrap();
    assert_eq!(config.theme, Theme::ColourBlind);
    assert_eq!(config.analyst.as_deref(), Some("A. Analyst"));
    assert_eq!(config.after_rating, AfterRating::Stay);
    let keys: Vec<(Option<String>, String, Vec<String>)> = config
        .keys
        .iter()
        .map(|k| {
            (
                k.pane.as_ref().map(|p| p.value.clone()),
                k.action.value.clone(),
                k.keys.iter().map(|key| key.value.clone()).collect(),
            )
        })
        .collect();
    assert_eq!(
        keys,
        // Read in name order: `matrix` before `undo`.
        [
            (
                Some("matrix".to_owned()),
                "rate-cc".to_owned(),
                vec!["1".to_owned()]
            ),
            (
                None,
                "undo".to_owned(),
                vec!["U".to_owned(), "Ctrl-z".to_owned()]
            ),
        ]
    );
}

#[test]
fn spans_point_at_what_was_written() {
    let text = "[keys]\nundo = [\"U\", \"Ctrl-z\"]\n";
    let config = parse(text).unwrap();
    let undo = &config.keys[0];
    assert_eq!(&text[undo.action.span.clone()], "undo");
    assert_eq!(&text[undo.keys[1].span.clone()], "\"Ctrl-z\"");
}

#[test]
fn unknown_settings_and_bad_values_are_located() {
    assert_eq!(
        problems("theme = \"dark\"\n\ncolour = 1\n"),
        [
            "config.toml:1:9: `theme` must be one of \"default\", \"colour-blind\", \"mono\"",
            "config.toml:3:1: unknown setting `colour` (known: theme, analyst, after-rating, keys)",
        ]
    );
    assert_eq!(
        problems("after-rating = \"down\""),
        [
            "config.toml:1:16: `after-rating` must be one of \"next-hypothesis\", \"next-evidence\", \"stay\""
        ]
    );
    assert_eq!(
        problems("analyst = \" \""),
        ["config.toml:1:11: `analyst` must be a name"]
    );
}

#[test]
fn keys_must_be_keys() {
    assert_eq!(
        problems("[keys]\nundo = 3\nredo = []\n"),
        [
            "config.toml:2:8: the keys of `undo` must be a key (\"Ctrl-s\") or a list of keys ([\"u\", \"Ctrl-z\"])",
            "config.toml:3:8: `redo` needs at least one key; an action without keys cannot be reached",
        ]
    );
    assert_eq!(
        problems("keys = \"u\""),
        ["config.toml:1:8: `keys` must be a table of actions"]
    );
}

#[test]
fn a_syntax_error_is_located() {
    let lines = problems("theme = \"mono\"\nanalyst = \n");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("config.toml:2:"), "{lines:?}");
}

#[test]
fn the_file_is_found_as_the_xdg_convention_says() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(
        path_from(env(&[("ACH_CONFIG", "/x/ach.toml"), ("HOME", "/h")])),
        Some((PathBuf::from("/x/ach.toml"), true))
    );
    assert_eq!(
        path_from(env(&[("XDG_CONFIG_HOME", "/c"), ("HOME", "/h")])),
        Some((PathBuf::from("/c/ach/config.toml"), false))
    );
    assert_eq!(
        path_from(env(&[("XDG_CONFIG_HOME", ""), ("HOME", "/h")])),
        Some((PathBuf::from("/h/.config/ach/config.toml"), false))
    );
    assert_eq!(path_from(env(&[])), None);
}

#[test]
fn a_missing_default_file_is_no_config_but_a_named_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    assert!(load(&path, false).unwrap().is_none());
    let error = load(&path, true).unwrap_err().to_string();
    assert!(error.contains("config.toml: cannot read"), "{error}");
}

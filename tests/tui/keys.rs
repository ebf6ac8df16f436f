//! Random key sequences never panic, and whatever matrix they leave saves
//! and reloads identically.

use ach_workbench::storage::{matrix_from_str, matrix_to_toml};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;

use super::support::Bench;

/// Keys the workbench binds, and some it does not.
fn key() -> impl Strategy<Value = KeyEvent> {
    let chars = "CcnxiI12345HEedsuvalhjkgG/nNqyz?<>() aZ\u{1b}é漢";
    let special = vec![
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::F(1),
    ];
    prop_oneof![
        4 => proptest::sample::select(chars.chars().collect::<Vec<_>>())
            .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        2 => proptest::sample::select(special).prop_map(|code| KeyEvent::new(code, KeyModifiers::NONE)),
        1 => proptest::sample::select(vec!['r', 'z', 'y', 'u', 'w', 'k', 's']).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_panic_and_matrices_round_trip(
        keys in proptest::collection::vec(key(), 1..120),
        size in prop_oneof![Just((100u16, 30u16)), Just((80, 24)), Just((200, 60)), Just((40, 10))],
    ) {
        let mut bench = Bench::new(size.0, size.1);
        bench.open_matrix("hypotheses/us-azerbaijan-partnership.toml");
        bench.open_document("seeds/002_8f6dbeccd4282902.txt");
        for key in keys {
            bench.press(key);
            let _ = bench.terminal();
            if bench.state.quitting {
                break;
            }
        }
        let matrix = bench.matrix();
        let text = matrix_to_toml(matrix);
        let reloaded = matrix_from_str(&text).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        prop_assert_eq!(&reloaded, matrix);
    }
}

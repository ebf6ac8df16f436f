//! The analyst's settings file and the colour conventions, in the real
//! binary: keys rebound, themes, `NO_COLOR`, where the cursor goes after a
//! rating.

use std::time::Duration;

use super::session::Session;
use super::{MATRIX, workspace};

/// Every cell of the screen with its colours and whether it is reversed.
fn cells(ach: &Session) -> Vec<(String, vt100::Color, vt100::Color, bool)> {
    ach.with_screen(|screen| {
        let (rows, cols) = screen.size();
        let mut cells = Vec::new();
        for row in 0..rows.get() {
            for col in 0..cols.get() {
                if let Some(cell) = screen.cell(row, col) {
                    cells.push((
                        cell.contents().to_owned(),
                        cell.fgcolor(),
                        cell.bgcolor(),
                        cell.inverse(),
                    ));
                }
            }
        }
        cells
    })
}

fn settings_file(dir: &std::path::Path, text: &str) -> String {
    let path = dir.join("ach-config.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_rebound_key_works_and_help_shows_it() {
    let dir = workspace();
    let config = settings_file(dir.path(), "[keys]\nundo = \"U\"\n");
    let mut ach = Session::start_with(dir.path(), &["open", MATRIX], &[("ACH_CONFIG", &config)]);
    ach.wait_for("Rank");
    ach.send("I");
    ach.wait_for("[+]");
    // `u` no longer undoes; `U` does.
    ach.send("u");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!ach.contents().contains("Undid"), "{}", ach.contents());
    ach.send("U");
    ach.wait_for("Undid");
    // The hints and the help are the keys in force.
    ach.send("?");
    ach.wait_for("show or hide this help");
    // The help may be on screen only in part yet: wait for its undo line.
    let undo_line = |help: &str| {
        help.lines()
            .find(|line| line.contains(" undo ") && !line.contains("redo"))
            .map(str::to_owned)
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while undo_line(&ach.contents()).is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let help = ach.contents();
    let undo_line = undo_line(&help).unwrap_or_else(|| panic!("no undo line in help:\n{help}"));
    assert!(undo_line.contains('U'), "{undo_line}");
    assert!(!undo_line.contains("Ctrl-z"), "{undo_line}");
}

#[test]
fn a_broken_settings_file_stops_the_start_with_its_line() {
    let dir = workspace();
    let config = settings_file(dir.path(), "theme = \"mono\"\n[keys]\nundo = \"s\"\n");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ach"))
        .args(["open", MATRIX])
        .current_dir(dir.path())
        .env("ACH_CONFIG", &config)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("ach-config.toml:3:8: `s` would mean both `undo` and `cycle-order`"),
        "{stderr}"
    );
}

#[test]
fn no_color_draws_no_colour_and_keeps_the_cursor_visible() {
    let dir = workspace();
    let mut ach = Session::start_with(dir.path(), &["open", MATRIX], &[("NO_COLOR", "1")]);
    ach.wait_for("Rank");
    ach.wait_for("E1");
    std::thread::sleep(Duration::from_millis(200));
    let cells = cells(&ach);
    let coloured: Vec<_> = cells
        .iter()
        .filter(|(_, fg, bg, _)| *fg != vt100::Color::Default || *bg != vt100::Color::Default)
        .collect();
    assert!(
        coloured.is_empty(),
        "{} coloured cells: {:?}",
        coloured.len(),
        &coloured[..coloured.len().min(5)]
    );
    // The selected cell is still shown, in reverse video: the colour
    // escapes that would have reset it are never written.
    assert!(cells.iter().any(|(_, _, _, reversed)| *reversed));
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));
}

#[test]
fn the_colour_blind_theme_draws_no_red_or_green() {
    let dir = workspace();
    let config = settings_file(dir.path(), "theme = \"colour-blind\"\n");
    let mut ach = Session::start_with(dir.path(), &["open", MATRIX], &[("ACH_CONFIG", &config)]);
    ach.wait_for("Rank");
    ach.wait_for("E1");
    std::thread::sleep(Duration::from_millis(200));
    let cells = cells(&ach);
    let red_green = [1u8, 2, 9, 10].map(vt100::Color::Idx);
    let ratings: Vec<_> = cells
        .iter()
        .filter(|(text, _, _, _)| ["C", "I"].contains(&text.as_str()))
        .collect();
    assert!(!ratings.is_empty());
    for (text, fg, _, _) in &ratings {
        assert!(!red_green.contains(fg), "{text} drawn in {fg:?}");
    }
    // Blue and orange are there.
    assert!(
        ratings
            .iter()
            .any(|(_, fg, _, _)| matches!(fg, vt100::Color::Idx(33 | 75)))
    );
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));
}

#[test]
fn after_rating_stay_keeps_the_cursor_on_the_cell() {
    let dir = workspace();
    let config = settings_file(dir.path(), "after-rating = \"stay\"\n");
    let mut ach = Session::start_with(dir.path(), &["open", MATRIX], &[("ACH_CONFIG", &config)]);
    ach.wait_for("Rank");
    ach.send("I");
    ach.wait_for("the cursor stays");
    // Rated again, the same cell changes: II then N on E1 × H1.
    ach.send("n");
    ach.wait_for("the cursor stays");
    ach.send("\x13");
    ach.wait_for("Saved");
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));
    let matrix = ach_workbench::storage::load_matrix(&dir.path().join(MATRIX)).unwrap();
    assert_eq!(
        matrix.rating(0, 0),
        Some(ach_workbench::model::Rating::Neutral)
    );
    assert_eq!(
        matrix.rating(0, 1),
        Some(ach_workbench::model::Rating::Consistent)
    );
}

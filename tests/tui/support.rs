//! A workbench on a scratch copy of the bundled workspace, driven by key
//! strings such as `"jj<Tab>I<C-s>"` and drawn into a `TestBackend`.

use std::path::{Path, PathBuf};

use ach_workbench::model::Matrix;
use ach_workbench::tui::effects::perform;
use ach_workbench::tui::input::msg_for_key;
use ach_workbench::tui::msg::Msg;
use ach_workbench::tui::state::State;
use ach_workbench::tui::update::update;
use ach_workbench::tui::view::draw;
use ach_workbench::workspace::{Workspace, scan_library};
use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The clock every test runs at.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap()
}

/// The repository's root, holding `seeds/` and `hypotheses/`.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Bench {
    pub state: State,
    pub dir: tempfile::TempDir,
    /// The time messages are handled at; tests move it forward.
    pub clock: DateTime<Utc>,
}

impl Bench {
    /// A workbench of `width` × `height` on a copy of the bundled seeds and
    /// sample matrices.
    pub fn new(width: u16, height: u16) -> Self {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["seeds", "hypotheses"] {
            std::fs::create_dir(dir.path().join(folder)).unwrap();
            for entry in std::fs::read_dir(repo().join(folder)).unwrap() {
                let entry = entry.unwrap();
                std::fs::copy(
                    entry.path(),
                    dir.path().join(folder).join(entry.file_name()),
                )
                .unwrap();
            }
        }
        Self::on(dir, width, height)
    }

    /// A workbench on an existing scratch workspace.
    pub fn on(dir: tempfile::TempDir, width: u16, height: u16) -> Self {
        let workspace = Workspace::new(dir.path());
        let library = scan_library(&workspace);
        let state = State::new(workspace, library.into(), width, height);
        Bench {
            state,
            dir,
            clock: now(),
        }
    }

    /// The path of a file in the scratch workspace.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Opens a matrix as `ach open` does (taking its lock, offering its
    /// recovery file).
    pub fn open_matrix(&mut self, relative: &str) {
        self.open_matrix_file(self.path(relative));
    }

    /// Opens a matrix file anywhere.
    pub fn open_matrix_file(&mut self, path: PathBuf) {
        let effect = ach_workbench::tui::msg::Effect::LoadMatrix(path);
        let msg = perform(effect, &self.state.workspace);
        self.send(msg);
    }

    /// Lets `seconds` pass, with a tick as the event loop sends.
    pub fn wait(&mut self, seconds: i64) {
        self.clock += chrono::TimeDelta::seconds(seconds);
        self.send(Msg::Tick);
    }

    /// Opens a document in the reader as the library does.
    pub fn open_document(&mut self, relative: &str) {
        let effect = ach_workbench::tui::msg::Effect::LoadDocument(relative.to_owned());
        let msg = perform(effect, &self.state.workspace);
        self.send(msg);
    }

    /// Applies a message and carries out its effects, as the event loop does.
    pub fn send(&mut self, msg: Msg) {
        let mut queue = std::collections::VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            for effect in update(&mut self.state, msg, self.clock) {
                queue.push_back(perform(effect, &self.state.workspace));
            }
        }
    }

    /// Presses keys: characters as themselves, specials in angle brackets
    /// (`<Tab>`, `<S-Tab>`, `<Enter>`, `<Esc>`, `<BS>`, `<Del>`, `<Up>`,
    /// `<Down>`, `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<F1>`, `<C-s>`).
    pub fn keys(&mut self, keys: &str) {
        for key in parse_keys(keys) {
            self.press(key);
        }
    }

    /// Presses one key.
    pub fn press(&mut self, key: KeyEvent) {
        if let Some(msg) = msg_for_key(&self.state, &key) {
            self.send(msg);
        }
    }

    /// Types text into whatever has focus, character by character.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    /// The open matrix.
    pub fn matrix(&self) -> &Matrix {
        &self.state.matrix.as_ref().expect("a matrix is open").matrix
    }

    /// The screen, drawn into a test terminal of the state's size.
    pub fn terminal(&self) -> Terminal<TestBackend> {
        let mut terminal =
            Terminal::new(TestBackend::new(self.state.width, self.state.height)).unwrap();
        terminal.draw(|frame| draw(frame, &self.state)).unwrap();
        terminal
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        let terminal = self.terminal();
        let buffer = terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            let mut skip = 0;
            for x in 0..buffer.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                out.push_str(symbol);
            }
            out.push('\n');
        }
        out
    }
}

/// Parses a key string; see [`Bench::keys`].
pub fn parse_keys(keys: &str) -> Vec<KeyEvent> {
    let mut events = Vec::new();
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            events.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        let (modifiers, base) = match name.split_once('-') {
            Some(("C", base)) => (KeyModifiers::CONTROL, base),
            Some(("S", base)) => (KeyModifiers::SHIFT, base),
            _ => (KeyModifiers::NONE, name.as_str()),
        };
        let code = match base {
            "Tab" => KeyCode::Tab,
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "BS" => KeyCode::Backspace,
            "Del" => KeyCode::Delete,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PgUp" => KeyCode::PageUp,
            "PgDn" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Space" => KeyCode::Char(' '),
            "lt" => KeyCode::Char('<'),
            "F1" => KeyCode::F(1),
            single if single.chars().count() == 1 => KeyCode::Char(single.chars().next().unwrap()),
            other => panic!("unknown key <{other}>"),
        };
        events.push(KeyEvent::new(code, modifiers));
    }
    events
}

/// The bytes of a workspace file.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The styles of a screen area as letters, one per cell, for snapshots
/// that must show highlighting: `r` reversed (cursor), `s` selection (blue
/// background), `m` search match (yellow), `u` underlined (a passage
/// already used as evidence), `.` anything else.
pub fn style_mask(terminal: &Terminal<TestBackend>, area: ratatui::layout::Rect) -> String {
    use ratatui::style::{Color, Modifier};
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            out.push(if cell.bg == Color::Blue {
                's'
            } else if matches!(cell.bg, Color::Yellow | Color::LightYellow) {
                'm'
            } else if cell.modifier.contains(Modifier::REVERSED) {
                'r'
            } else if cell.modifier.contains(Modifier::UNDERLINED) {
                'u'
            } else {
                '.'
            });
        }
        out.push('\n');
    }
    out
}

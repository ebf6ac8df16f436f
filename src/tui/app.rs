//! The event loop: draw, read an event, update, carry out effects.

use std::collections::VecDeque;
use std::io::{IsTerminal, stdout};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, bail};
use chrono::Utc;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::effects::perform;
use super::input::msg_for_event;
use super::msg::{Effect, Msg};
use super::state::State;
use super::update::update;
use super::view::draw;
use crate::workspace::{Workspace, scan_library};

/// What the workbench opens with.
#[derive(Debug, Clone)]
pub struct Startup {
    pub workspace: Workspace,
    /// `ach open MATRIX`: this matrix, focused, cursor on the first cell.
    pub matrix: Option<PathBuf>,
}

/// How long to wait for an event before looking at the world again.
const TICK: Duration = Duration::from_millis(250);

/// Runs the workbench until the analyst quits. The terminal is restored on
/// every way out: quitting, Ctrl-C (a key in raw mode, which quits), an
/// error (returned), a panic (ratatui's hook, wrapped to also release the
/// mouse), or SIGTERM/SIGHUP (which also keep unsaved changes in the
/// recovery file first).
pub fn run(startup: Startup) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        bail!(
            "the workbench needs a terminal; for scripts use `ach score`, `ach check` or `ach export`"
        );
    }
    let state = initial_state(startup)?;
    restore_on_signals()?;
    install_panic_hook();
    let mut terminal = ratatui::init();
    let _restore = RestoreOnDrop;
    execute!(stdout(), EnableMouseCapture).context("enabling the mouse")?;
    // A paste arrives as one event, so its characters and newlines are text
    // in the focused field and never run as keys.
    execute!(stdout(), EnableBracketedPaste).context("enabling bracketed paste")?;
    event_loop(&mut terminal, state)
}

fn initial_state(startup: Startup) -> anyhow::Result<State> {
    let library = scan_library(&startup.workspace);
    let (width, height) = crossterm::terminal::size().context("reading the terminal size")?;
    let mut state = State::new(startup.workspace, library.into(), width, height);
    if let Some(path) = startup.matrix {
        // The same path as opening from the library: lock, recovery prompt.
        let effect = Effect::LoadMatrix(path);
        let msg = perform(effect, &state.workspace);
        run_messages(&mut state, [msg]);
    }
    Ok(state)
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, mut state: State) -> anyhow::Result<()> {
    while !state.quitting {
        terminal.draw(|frame| draw(frame, &state))?;
        let mut messages = Vec::new();
        if event::poll(TICK)? {
            messages.extend(msg_for_event(&state, &event::read()?));
        }
        // Time passes whether or not a key came: the recovery file is
        // written on ticks, also while the analyst keeps typing.
        messages.push(Msg::Tick);
        run_messages(&mut state, messages);
    }
    Ok(())
}

/// Applies messages and the effects they cause, in order.
fn run_messages(state: &mut State, messages: impl IntoIterator<Item = Msg>) {
    let mut queue: VecDeque<Msg> = messages.into_iter().collect();
    while let Some(msg) = queue.pop_front() {
        for effect in update(state, msg, Utc::now()) {
            queue.push_back(perform(effect, &state.workspace));
        }
    }
}

/// Restores the terminal when the loop ends, however it ends.
struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        ratatui::restore();
    }
}

/// When the process is told to end (SIGTERM, SIGHUP when the terminal
/// closes, SIGQUIT), a watcher thread restores the terminal and exits:
/// the event loop may be blocked reading a terminal that is gone, so it
/// cannot be relied on to notice. Unsaved changes are already in the
/// recovery file, which is kept at most about a second behind.
fn restore_on_signals() -> anyhow::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGQUIT]).context("handling signals")?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// ratatui's own hook (installed by `ratatui::init`) restores raw mode and
/// the screen; this one, installed first and so run after it, releases the
/// mouse too, so a panic never leaves the shell capturing clicks.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous(info);
    }));
}

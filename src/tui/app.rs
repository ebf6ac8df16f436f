//! The event loop: draw, read an event, update, carry out effects.

use std::collections::VecDeque;
use std::io::{IsTerminal, stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use anyhow::{Context as _, bail};
use chrono::Utc;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::document_reader::DocumentReader;
use super::effects::perform;
use super::input::msg_for_event;
use super::library_scanner::LibraryScanner;
use super::msg::{Effect, Msg};
use super::recovery_writer::RecoveryWriter;
use super::state::State;
use super::update::{flush_recovery, update};
use super::view::draw;
use crate::workspace::{Workspace, list_library};

/// What the workbench opens with.
#[derive(Debug, Clone)]
pub struct Startup {
    pub workspace: Workspace,
    /// `ach open MATRIX`: this matrix, focused, cursor on the first cell.
    pub matrix: Option<PathBuf>,
    /// `ach open --team FILES...`: the team's copies, read and compared,
    /// shown over the panes.
    pub team: Option<super::state::TeamView>,
}

/// How long to wait for an event before looking at the world again.
const TICK: Duration = Duration::from_millis(250);

/// Runs the workbench until the analyst quits. The terminal is restored on
/// every way out: quitting, Ctrl-C (a key in raw mode, which quits), an
/// error (returned, after keeping unsaved changes in the recovery file), a
/// panic (ratatui's hook, wrapped to also release the mouse), or
/// SIGTERM/SIGHUP (which also keep every unsaved change in the recovery
/// file first).
pub fn run(startup: Startup) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        bail!(
            "the workbench needs a terminal; for scripts use `ach score`, `ach check` or `ach export`"
        );
    }
    let mut world = World {
        workers: Workers {
            writer: RecoveryWriter::start(),
            scanner: LibraryScanner::start(startup.workspace.clone()),
            documents: DocumentReader::start(startup.workspace.clone()),
        },
        signal: watch_signals()?,
    };
    let mut state = initial_state(startup, &world)?;
    install_panic_hook();
    let mut terminal = ratatui::init();
    let restore = RestoreOnDrop;
    execute!(stdout(), EnableMouseCapture).context("enabling the mouse")?;
    // A paste arrives as one event, so its characters and newlines are text
    // in the focused field and never run as keys.
    execute!(stdout(), EnableBracketedPaste).context("enabling bracketed paste")?;
    let outcome = event_loop(&mut terminal, &mut state, &mut world);
    // Whatever ended the loop, the writer finishes what it was given
    // (a removal after "quit without saving", say) before the process ends.
    let World { workers, signal } = world;
    let late = workers.writer.finish();
    apply(&mut state, late, None);
    let signal = signal.load(Ordering::SeqCst);
    if signal != 0 || outcome.is_err() {
        // Told to end, or the terminal failed: keep every edit made so far,
        // written here and now rather than on the next tick.
        let effects = flush_recovery(&mut state, Utc::now());
        apply_effects(&mut state, effects, None);
    }
    if signal != 0 {
        drop(restore);
        std::process::exit(128 + signal);
    }
    outcome
}

/// What the event loop works with besides the state.
struct World {
    workers: Workers,
    /// The signal that asked the workbench to end (0 while none has).
    signal: Arc<AtomicI32>,
}

/// The threads that carry out slow effects off the loop.
struct Workers {
    /// Writes recovery files.
    writer: RecoveryWriter,
    /// Lists the library: word counts, matrix summaries.
    scanner: LibraryScanner,
    /// Reads documents for the reader, first screen first.
    documents: DocumentReader,
}

impl Workers {
    /// Hands `effect` to the thread that takes it (`None`: its message
    /// comes later), or carries it out here.
    fn perform(&self, effect: Effect, workspace: &Workspace) -> Option<Msg> {
        if RecoveryWriter::takes(&effect) {
            self.writer.send(effect)
        } else if LibraryScanner::takes(&effect) {
            self.scanner.send(effect)
        } else if DocumentReader::takes(&effect) {
            self.documents.send(effect, FIRST_SCREEN_WAIT)
        } else {
            Some(perform(effect, workspace))
        }
    }

    /// The results the threads have sent since last asked.
    fn results(&self) -> Vec<Msg> {
        let mut messages = self.writer.results();
        messages.extend(self.scanner.results());
        messages.extend(self.documents.results());
        messages
    }

    /// How long to wait for an event: a tick, or less while a document is
    /// being read, so its whole text replaces the first chunk promptly.
    fn wait(&self) -> Duration {
        if self.documents.busy() {
            READING_TICK
        } else {
            TICK
        }
    }
}

/// How long the loop waits for the first chunk of a document it asked for,
/// so its first screen is the next frame; a disk slower than this shows
/// it a frame or a few later instead.
const FIRST_SCREEN_WAIT: Duration = Duration::from_millis(50);

/// How long to wait for an event while a document is being read.
const READING_TICK: Duration = Duration::from_millis(10);

/// The first frame waits for nothing that grows with the files: the
/// library is listed from the documents' heads, the matrix given to `ach
/// open` is parsed once, and the word counts and other matrices' summaries
/// are filled in by the background scanner.
fn initial_state(startup: Startup, world: &World) -> anyhow::Result<State> {
    let library = list_library(&startup.workspace);
    let (width, height) = crossterm::terminal::size().context("reading the terminal size")?;
    let mut state = State::new(startup.workspace, library.into(), width, height);
    state.team = startup.team;
    if let Some(path) = startup.matrix {
        // The same path as opening from the library: lock, recovery prompt.
        let effect = Effect::LoadMatrix(path);
        let msg = perform(effect, &state.workspace);
        apply(&mut state, [msg], Some(&world.workers));
    }
    if !state.library.library.is_complete() {
        let listed = Box::new(state.library.library.clone());
        apply_effects(
            &mut state,
            vec![Effect::CompleteLibrary(listed)],
            Some(&world.workers),
        );
    }
    Ok(state)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut State,
    world: &mut World,
) -> anyhow::Result<()> {
    while !state.quitting && world.signal.load(Ordering::SeqCst) == 0 {
        terminal.draw(|frame| draw(frame, state))?;
        let mut messages = world.workers.results();
        let keyed = event::poll(world.workers.wait())?;
        if keyed {
            messages.extend(msg_for_event(state, &event::read()?));
        }
        apply(state, messages, Some(&world.workers));
        // A key's frame comes before the tick's work: the recovery copy
        // of a large matrix (10 ms at 100 x 20,000) then never stands
        // between a key and what it does on screen.
        if keyed && !state.quitting {
            terminal.draw(|frame| draw(frame, state))?;
        }
        // Time passes whether or not a key came: the recovery file is
        // written on ticks, also while the analyst keeps typing.
        apply(state, [Msg::Tick], Some(&world.workers));
    }
    Ok(())
}

/// Applies messages and the effects they cause, in order. Recovery writes
/// and library scans go to the background `workers` when there are some,
/// their results coming back on a later turn of the loop.
fn apply(state: &mut State, messages: impl IntoIterator<Item = Msg>, workers: Option<&Workers>) {
    let mut queue: VecDeque<Msg> = messages.into_iter().collect();
    while let Some(msg) = queue.pop_front() {
        let effects = update(state, msg, Utc::now());
        queue.extend(perform_all(state, effects, workers));
    }
}

/// Applies the messages that carrying out `effects` produces.
fn apply_effects(state: &mut State, effects: Vec<Effect>, workers: Option<&Workers>) {
    let messages = perform_all(state, effects, workers);
    apply(state, messages, workers);
}

fn perform_all(state: &State, effects: Vec<Effect>, workers: Option<&Workers>) -> Vec<Msg> {
    effects
        .into_iter()
        .filter_map(|effect| match workers {
            Some(workers) => workers.perform(effect, &state.workspace),
            None => Some(perform(effect, &state.workspace)),
        })
        .collect()
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
/// closes, SIGQUIT), a watcher thread records the signal; the event loop
/// sees it within a tick, writes the recovery file with every edit made so
/// far, restores the terminal and exits. Should the loop be stuck (a
/// terminal that is gone can block it), the watcher restores the terminal
/// and exits on its own after [`GRACE`]; the recovery file is then at most
/// two seconds behind, as after kill -9.
fn watch_signals() -> anyhow::Result<Arc<AtomicI32>> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGQUIT]).context("handling signals")?;
    let received = Arc::new(AtomicI32::new(0));
    let seen = Arc::clone(&received);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            seen.store(signal, Ordering::SeqCst);
            std::thread::sleep(GRACE);
            let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(received)
}

/// How long the event loop has to keep the edits and exit after a signal.
const GRACE: Duration = Duration::from_secs(5);

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

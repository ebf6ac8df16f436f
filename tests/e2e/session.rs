//! A running `ach` in a pseudo-terminal of 100 × 30.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// Starts `ach ARGS` in `dir`, with no settings file and colours on.
    pub fn start(dir: &Path, args: &[&str]) -> Session {
        Session::start_with(dir, args, &[])
    }

    /// Starts `ach ARGS` in `dir` with `env` added to a clean settings
    /// environment (the developer's own config file never applies).
    pub fn start_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ach"));
        command.args(args);
        command.cwd(dir);
        command.env("TERM", "xterm-256color");
        command.env("XDG_CONFIG_HOME", dir.join(".no-config"));
        command.env_remove("ACH_CONFIG");
        command.env_remove("NO_COLOR");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(30).unwrap(),
            NonZeroU16::new(100).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (screen_in, raw_in) = (screen.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                screen_in.lock().unwrap().process(&buffer[..n]);
                raw_in.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        });
        Session {
            child,
            writer,
            screen,
            raw,
            _master: pair.master,
        }
    }

    /// Types `keys` as the terminal would send them.
    pub fn send(&mut self, keys: &str) {
        for byte in keys.bytes() {
            self.writer.write_all(&[byte]).unwrap();
            self.writer.flush().unwrap();
            // One key at a time, as a person types: ESC followed at once by
            // another byte would read as an Alt chord.
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// Looks at the screen now, cells and their attributes.
    pub fn with_screen<R>(&self, look: impl FnOnce(&vt100::Screen) -> R) -> R {
        look(self.screen.lock().unwrap().screen())
    }

    /// The screen's text now.
    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until `text` is on screen; fails with the screen after 10 s.
    pub fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("`{text}` never appeared. Screen:\n{}", self.contents());
    }

    /// Waits for the program to exit successfully.
    pub fn wait_for_exit(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "ach exited with {status:?}");
                // Let the reader thread drain the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("ach did not exit. Screen:\n{}", self.contents());
    }

    /// Sends `signal` (`"KILL"`, `"TERM"`) to the program and waits for it
    /// to end.
    pub fn signal(&mut self, signal: &str) {
        let pid = self.child.process_id().expect("the child has a pid");
        let status = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "ach survived SIG{signal}");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(100));
    }

    /// Everything the program wrote to the terminal.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

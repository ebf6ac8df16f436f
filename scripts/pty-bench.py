#!/usr/bin/env python3
"""Key-to-frame in a real pseudo-terminal, on the release binary.

Measures what the criterion benches cannot see: the whole path from a key
written to the terminal to the frame that shows it, including the event
loop's ticks (the recovery write that lands on one), process start and the
terminal itself. Beside each figure it measures a floor on the same file,
in the same way:

  open to first frame   vs  `ach score --json` on the file (the TOML parse)
                            and `less` showing the file in the same pty
  Ctrl-s to "Saved"     vs  the write alone (same bytes, fsync, rename)
  a 50 MB document:     start-up to first frame, and Enter in the library
  its first screen      to the reader's first screen, vs `less` on the file

Usage (CI does not run it; it takes a minute or two per shape):

  cargo build --release --bin ach && cargo build --example generate_matrix
  scripts/pty-bench.py 50x5000 100x20000
  scripts/pty-bench.py --document-mb 50      (the document figures only)

Each shape HxE is generated once by `examples/generate_matrix.rs` (the
benches' own generator) under a scratch directory (`--dir`, default
target/pty-bench). Figures are medians of interleaved runs, in ms; the
machine's load average is printed with them, since a loaded machine
slows every figure.

How a frame is seen: ratatui ends every draw by hiding (or placing) the
cursor, `ESC [ ? 25 l`; a frame "shows the key" when it wrote something
before that. The loop also draws every quarter second with nothing new,
which writes only the style reset and the cursor sequence and is not
counted.
"""

import argparse
import fcntl
import os
import pty
import random
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FRAME_END = b"\x1b[?25l"
# What every draw writes before FRAME_END, changed cells or not: the style
# reset (crossterm's, colours and underline colour back to default).
STYLE_RESET = b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m"
COLUMNS, ROWS = 200, 60


class Session:
    """A program in a pseudo-terminal of COLUMNS x ROWS."""

    def __init__(self, argv, cwd):
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.chdir(cwd)
            os.environ["TERM"] = "xterm-256color"
            os.environ.pop("NO_COLOR", None)
            os.execvp(argv[0], argv)
        self.pid, self.fd = pid, fd
        self.pending = b""  # output since the last frame end

    def read(self, timeout):
        """Output within `timeout` seconds (b"" if none); answers the
        cursor-position query a terminal would."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 1 << 20)
        except OSError:
            return b""
        if b"\x1b[6n" in data:
            os.write(self.fd, b"\x1b[1;1R")
        return data

    def frame(self, contains=None, timeout=30.0):
        """Waits for the end of the next frame that wrote something (and,
        if given, whose output holds `contains`); returns when it ended."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            data = self.read(0.05)
            if not data:
                continue
            self.pending += data
            while FRAME_END in self.pending:
                chunk, _, self.pending = self.pending.partition(FRAME_END)
                if shows_something(chunk) and (contains is None or contains in chunk):
                    return time.perf_counter()
        raise TimeoutError(f"no frame{' with ' + repr(contains) if contains else ''}")

    def settle(self, quiet=0.6):
        """Reads until nothing but idle frames came for `quiet` seconds."""
        last = time.perf_counter()
        while time.perf_counter() - last < quiet:
            data = self.read(0.05)
            self.pending += data
            while FRAME_END in self.pending:
                chunk, _, self.pending = self.pending.partition(FRAME_END)
                if shows_something(chunk):
                    last = time.perf_counter()
        self.pending = b""

    def key(self, keys, contains=None):
        """Milliseconds from writing `keys` to the frame that shows them."""
        self.pending = b""
        sent = time.perf_counter()
        os.write(self.fd, keys)
        return (self.frame(contains) - sent) * 1000

    def close(self, keys=b"q"):
        os.write(self.fd, keys)
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            self.read(0.05)
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def shows_something(chunk):
    """Whether a frame's output changed a cell (an idle draw only resets
    the style)."""
    return bool(chunk.replace(STYLE_RESET, b""))


def median(values):
    return statistics.median(values) if values else float("nan")


def clean(matrix):
    for suffix in (".recovery", ".lock", ".bak", ".orig"):
        try:
            os.remove(matrix + suffix)
        except FileNotFoundError:
            pass
    for name in os.listdir(os.path.dirname(matrix)):
        if name.startswith("." + os.path.basename(matrix)):
            os.remove(os.path.join(os.path.dirname(matrix), name))


def generate(shape, scratch):
    hypotheses, evidence = shape.split("x")
    workspace = os.path.join(scratch, shape)
    matrix = os.path.join(workspace, "hypotheses", f"generated-{hypotheses}x{evidence}.toml")
    if not os.path.exists(matrix):
        # Either build will do: the matrix is the same.
        examples = [os.path.join(ROOT, "target", profile, "examples", "generate_matrix")
                    for profile in ("release", "debug")]
        example = next((e for e in examples if os.path.exists(e)), None)
        if example is None:
            sys.exit("cargo build --example generate_matrix first")
        subprocess.run([example, hypotheses, evidence, workspace], check=True, stdout=subprocess.DEVNULL)
    return workspace, matrix


def open_to_first_frame(ach, workspace, matrix):
    clean(matrix)
    session = Session([ach, "open", matrix], workspace)
    shown = session.frame(contains=b"Opened")
    session.close()
    return (shown - session.started) * 1000


def less_first_screen(workspace, path):
    # The prompt is the last thing less writes on its first screen.
    session = Session(["less", "-Ps--READY--", path], workspace)
    deadline = time.perf_counter() + 30
    seen = b""
    while b"--READY--" not in seen and time.perf_counter() < deadline:
        seen += session.read(0.05)
    shown = time.perf_counter()
    session.close(b"q")
    return (shown - session.started) * 1000


def score_time(ach, matrix):
    started = time.perf_counter()
    subprocess.run([ach, "score", "--json", matrix], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def write_alone(matrix):
    """The floor of a save: the same bytes written to a temporary file in
    the same folder, synced and renamed over a copy."""
    with open(matrix, "rb") as f:
        contents = f.read()
    folder = os.path.dirname(matrix)
    target = os.path.join(folder, "write-floor.tmp")
    temporary = target + ".new"
    started = time.perf_counter()
    with open(temporary, "wb") as f:
        f.write(contents)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, target)
    elapsed = (time.perf_counter() - started) * 1000
    os.remove(target)
    return elapsed


def document_workspace(scratch, megabytes):
    """A workspace holding one document of `megabytes` MB: paragraphs of
    generated words, a blank line between them (deterministic)."""
    workspace = os.path.join(scratch, f"document-{megabytes}MB")
    path = os.path.join(workspace, "seeds", "big.txt")
    size = megabytes * 1_000_000
    if not os.path.exists(path) or os.path.getsize(path) < size:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        rng = random.Random(1)
        words = "the convoy moved border reported talks said satellite imagery denied".split()
        with open(path, "w") as f:
            written = f.write("Generated report\n\n")
            while written < size:
                written += f.write(" ".join(rng.choice(words) for _ in range(100)) + ".\n\n")
    return workspace, path


def document_figures(ach, workspace):
    """Start-up to the first frame (the library, whose word count comes
    later), then Enter on the document to the reader's first screen."""
    session = Session([ach], workspace)
    start_up = (session.frame(contains=b"Library") - session.started) * 1000
    session.settle(0.5)
    first_screen = session.key(b"\r", contains=b"Reading")
    session.close()
    return start_up, first_screen


def keys_session(ach, workspace, matrix, rounds):
    """One workbench session: cursor moves, ratings and undo after a pause
    (each lands on a recovery tick), and saves."""
    clean(matrix)
    session = Session([ach, "open", matrix], workspace)
    session.frame(contains=b"Opened")
    session.settle()
    figures = {"j": [], "k": [], "rate": [], "undo": [], "save": []}
    for _ in range(rounds):
        for _ in range(5):
            figures["j"].append(session.key(b"j"))
            time.sleep(0.05)
        for _ in range(5):
            figures["k"].append(session.key(b"k"))
            time.sleep(0.05)
        # After a pause the next change is due for the recovery file in
        # the same turn of the loop.
        time.sleep(1.3)
        figures["rate"].append(session.key(b"c"))
        time.sleep(1.3)
        figures["undo"].append(session.key(b"u"))
        time.sleep(1.3)
        figures["rate"].append(session.key(b"i"))
        session.settle(0.3)
        # The save is carried out before the next frame, so the first frame
        # that changes anything is the one saying so. (Waiting for the bytes
        # "Saved" missed it when "Saved PATH" was already on screen from the
        # last round: ratatui redraws only the cells that differ.)
        figures["save"].append(session.key(b"\x13"))
        session.settle(0.3)
    session.close()
    clean(matrix)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shapes", nargs="*", help="HYPOTHESESxEVIDENCE, e.g. 50x5000")
    parser.add_argument("--ach", default=os.path.join(ROOT, "target", "release", "ach"))
    parser.add_argument("--dir", default=os.path.join(ROOT, "target", "pty-bench"))
    parser.add_argument("--runs", type=int, default=5, help="runs of each start-up figure")
    parser.add_argument("--document-mb", type=int, default=50, help="size of the document, 0 for none")
    parser.add_argument("--rounds", type=int, default=4, help="rounds of keys per session")
    args = parser.parse_args()
    # The sessions run in the workspace: paths must not depend on here.
    args.ach, args.dir = os.path.abspath(args.ach), os.path.abspath(args.dir)
    if not os.path.exists(args.ach):
        sys.exit(f"{args.ach} not found: cargo build --release --bin ach")
    if shutil.which("less") is None:
        sys.exit("less is needed for its floor")
    os.makedirs(args.dir, exist_ok=True)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print("| shape | file | figure | ms (median) | max | floor | floor ms |")
    print("|---|---|---|---|---|---|---|")
    for shape in args.shapes:
        workspace, matrix = generate(shape, args.dir)
        size = f"{os.path.getsize(matrix) / 1e6:.1f} MB"
        opens, scores, lesses, writes = [], [], [], []
        for _ in range(args.runs):  # interleaved, so load drifts hit all alike
            opens.append(open_to_first_frame(args.ach, workspace, matrix))
            scores.append(score_time(args.ach, matrix))
            lesses.append(less_first_screen(workspace, matrix))
            writes.append(write_alone(matrix))
        keys = keys_session(args.ach, workspace, matrix, args.rounds)
        rows = [
            ("`ach open` to first frame", opens, "`ach score --json`", scores),
            ("", [], "`less` first screen", lesses),
            ("`j`", keys["j"], "", []),
            ("`k`", keys["k"], "", []),
            ("rating after a pause (recovery tick)", keys["rate"], "", []),
            ("`u` after a pause (recovery tick)", keys["undo"], "", []),
            ("Ctrl-s to \"Saved\" drawn", keys["save"], "the write alone", writes),
        ]
        for figure, values, floor, floor_values in rows:
            shown = f"{median(values):.1f}" if values else ""
            top = f"{max(values):.1f}" if values else ""
            floor_shown = f"{median(floor_values):.1f}" if floor_values else ""
            print(f"| {shape} | {size} | {figure} | {shown} | {top} | {floor} | {floor_shown} |")
    if args.document_mb:
        workspace, path = document_workspace(args.dir, args.document_mb)
        size = f"{os.path.getsize(path) / 1e6:.1f} MB"
        start_ups, screens, lesses = [], [], []
        for _ in range(args.runs):
            start_up, screen = document_figures(args.ach, workspace)
            start_ups.append(start_up)
            screens.append(screen)
            lesses.append(less_first_screen(workspace, path))
        for figure, values, floor, floor_values in [
            ("start-up to first frame (library)", start_ups, "", []),
            ("Enter to the document's first screen", screens, "`less` first screen", lesses),
        ]:
            shown, top = f"{median(values):.1f}", f"{max(values):.1f}"
            floor_shown = f"{median(floor_values):.1f}" if floor_values else ""
            print(f"| document | {size} | {figure} | {shown} | {top} | {floor} | {floor_shown} |")
    print()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

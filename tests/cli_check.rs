//! `ach check` on the real binary: every rejection class in
//! `tests/fixtures/invalid/` with its exact `FILE:LINE:COL: message`, the
//! valid fixtures, passage warnings, and the bundled sample matrices.
//!
//! Commands run from the repository root with relative paths, so the
//! expected stderr below is byte for byte what a person sees.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

const INVALID: &str = "tests/fixtures/invalid";
const VALID: &str = "tests/fixtures/valid";

/// `ach` run from the repository root.
fn ach() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ach"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Output of a finished command, as text.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(command: &mut Command) -> Run {
    let output = command.output().expect("ach runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// The `.toml` files of a fixture directory, relative to the repository
/// root, sorted.
fn toml_files(directory: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = fs::read_dir(root.join(directory))
        .unwrap_or_else(|error| panic!("{directory}: {error}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| {
            let name = path.file_name().unwrap().to_str().unwrap();
            format!("{directory}/{name}")
        })
        .collect();
    files.sort();
    files
}

/// Each invalid fixture, named after its problem, and exactly the lines
/// `ach check` writes to stderr for it.
const REJECTIONS: &[(&str, &[&str])] = &[
    (
        "syntax-error",
        &["tests/fixtures/invalid/syntax-error.toml:2:46: invalid basic string, expected `\"`"],
    ),
    (
        "unknown-key-credibilty",
        &[
            "tests/fixtures/invalid/unknown-key-credibilty.toml:15:1: unknown field `credibilty`, expected one of `id`, `summary`, `kind`, `credibility`, `relevance`, `date`, `notes`, `ratings`, `source`, `set_aside`, `set_aside_reason`",
        ],
    ),
    (
        "wrong-type",
        &[
            "tests/fixtures/invalid/wrong-type.toml:19:9: invalid type: string \"155\", expected u64",
        ],
    ),
    (
        "unknown-rating-word",
        &[
            "tests/fixtures/invalid/unknown-rating-word.toml:15:28: unknown rating `IC` (expected CC, C, N, NA, I or II)",
        ],
    ),
    (
        "unknown-credibility-word",
        &[
            "tests/fixtures/invalid/unknown-credibility-word.toml:15:15: unknown level `very high` (expected low, medium or high)",
        ],
    ),
    (
        "unknown-kind-word",
        &[
            "tests/fixtures/invalid/unknown-kind-word.toml:15:8: unknown kind `rumour` (expected fact, report, assumption, absence or other)",
        ],
    ),
    (
        "duplicate-hypothesis-id",
        &[
            "tests/fixtures/invalid/duplicate-hypothesis-id.toml:13:6: duplicate hypothesis id `H1` (first used at line 5)",
        ],
    ),
    (
        "duplicate-evidence-id",
        &[
            "tests/fixtures/invalid/duplicate-evidence-id.toml:18:6: duplicate evidence id `E1` (first used at line 13)",
        ],
    ),
    (
        "bad-id-characters",
        &[
            "tests/fixtures/invalid/bad-id-characters.toml:13:6: evidence id `E 1` may only use letters, digits, `_` and `-`",
        ],
    ),
    (
        "rating-for-unknown-hypothesis",
        &[
            "tests/fixtures/invalid/rating-for-unknown-hypothesis.toml:15:33: rating for `H3`, which is not a hypothesis in this matrix",
        ],
    ),
    (
        "missing-title",
        &["tests/fixtures/invalid/missing-title.toml:1:1: missing `title` at the top of the file"],
    ),
    (
        "missing-schema",
        &[
            "tests/fixtures/invalid/missing-schema.toml:1:1: missing `schema = 1` at the top of the file",
        ],
    ),
    (
        "schema-newer-than-supported",
        &[
            "tests/fixtures/invalid/schema-newer-than-supported.toml:1:10: schema 2 is newer than this build of ach supports (1); upgrade ach to open it",
        ],
    ),
    (
        "empty",
        &[
            "tests/fixtures/invalid/empty.toml:1:1: the file is empty; a matrix needs at least `schema = 1` and a `title`",
        ],
    ),
    (
        "non-utf8",
        &[
            "tests/fixtures/invalid/non-utf8.toml:2:13: the file is not UTF-8 text (invalid byte 0xE9)",
        ],
    ),
    (
        "absolute-document-path",
        &[
            "tests/fixtures/invalid/absolute-document-path.toml:18:12: the document path is absolute; it must be relative to the workspace root: `/etc/passwd`",
        ],
    ),
    (
        "parent-dir-document-path",
        &[
            "tests/fixtures/invalid/parent-dir-document-path.toml:18:12: the document path climbs out of the workspace with `..`: `seeds/../../private/notes.txt`",
        ],
    ),
    (
        "start-after-end",
        &["tests/fixtures/invalid/start-after-end.toml:20:7: `end` (155) is before `start` (205)"],
    ),
    (
        "judgement-unknown-hypothesis",
        &[
            "tests/fixtures/invalid/judgement-unknown-hypothesis.toml:5:14: `[judgement]` names `H3`, which is not a hypothesis in this matrix",
        ],
    ),
    (
        "several-problems",
        &[
            "tests/fixtures/invalid/several-problems.toml:2:9: `title` is empty",
            "tests/fixtures/invalid/several-problems.toml:9:6: duplicate hypothesis id `H1` (first used at line 5)",
            "tests/fixtures/invalid/several-problems.toml:12:1: evidence has no `id`",
            "tests/fixtures/invalid/several-problems.toml:19:8: `date` must be a plain date, such as 2024-09-06",
            "tests/fixtures/invalid/several-problems.toml:20:24: rating for `H9`, which is not a hypothesis in this matrix",
        ],
    ),
    (
        "probabilities-out-of-range",
        &[
            "tests/fixtures/invalid/probabilities-out-of-range.toml:5:21: the likelihood ratio of `CC` must be a number greater than 0, not 0",
            "tests/fixtures/invalid/probabilities-out-of-range.toml:5:24: `likelihood`: unknown rating `XX` (expected CC, C, N, NA, I or II)",
            "tests/fixtures/invalid/probabilities-out-of-range.toml:5:39: the likelihood ratio of `II` must be a number greater than 0, not -0.5",
            "tests/fixtures/invalid/probabilities-out-of-range.toml:10:9: `prior` must be a probability from 0 to 1, not 1.5",
            "tests/fixtures/invalid/probabilities-out-of-range.toml:15:15: `probability` must be a probability from 0 to 1, not -0.1",
        ],
    ),
];

#[test]
fn every_invalid_fixture_is_rejected_at_its_file_line_and_column() {
    let mut failures = Vec::new();
    for (name, lines) in REJECTIONS {
        let path = format!("{INVALID}/{name}.toml");
        let result = run(ach().args(["check", &path]));
        let expected = lines
            .iter()
            .map(|line| format!("{line}\n"))
            .collect::<String>();
        if result.code != Some(1) || result.stderr != expected || !result.stdout.is_empty() {
            failures.push(format!(
                "{path}: exit {:?}\n  expected stderr:\n{expected}  got stderr:\n{}  got stdout:\n{}",
                result.code, result.stderr, result.stdout
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_invalid_fixture_has_an_expected_message() {
    let on_disk: BTreeSet<String> = toml_files(INVALID).into_iter().collect();
    let expected: BTreeSet<String> = REJECTIONS
        .iter()
        .map(|(name, _)| format!("{INVALID}/{name}.toml"))
        .collect();
    assert_eq!(on_disk, expected, "fixtures and REJECTIONS differ");
}

#[test]
fn the_byte_level_fixtures_are_what_their_names_say() {
    // Guards against an editor "fixing" them on a future commit.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let latin1 = fs::read(root.join(INVALID).join("non-utf8.toml")).unwrap();
    assert!(std::str::from_utf8(&latin1).is_err());
    assert_eq!(latin1, b"schema = 1\ntitle = \"Caf\xe9 on the quay\"\n");
    let empty = fs::read(root.join(INVALID).join("empty.toml")).unwrap();
    assert!(empty.is_empty());
}

#[test]
fn a_whitespace_only_file_is_empty_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("blank.toml"), " \n\t\n").unwrap();
    let result = run(ach().current_dir(dir.path()).args(["check", "blank.toml"]));
    assert_eq!(result.code, Some(1));
    assert_eq!(
        result.stderr,
        "blank.toml:1:1: the file is empty; a matrix needs at least `schema = 1` and a `title`\n"
    );
}

/// `ach check`'s stderr without the matrix health warnings (tagged
/// `[health: RULE]`, checked by `health_warnings_are_located_and_tagged`),
/// leaving the load and passage messages these tests are about.
fn without_health(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|line| !(line.contains(": warning: ") && line.contains(" [health: ")))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn health_warnings_are_located_and_tagged_and_leave_the_exit_status_alone() {
    let path = format!("{VALID}/full.toml");
    let result = run(ach().args(["check", &path]));
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert_eq!(
        result.stdout,
        format!(
            "{path}: ok: 3 hypotheses, 5 evidence items, 1 of 1 passages match their documents\n"
        )
    );
    let expected = [
        "tests/fixtures/valid/full.toml:18:1: warning: H3: only 2 items (E1, E2) bear on it (rated CC, C, I or II), fewer than 3: look for evidence that would test it [health: few-items]",
        "tests/fixtures/valid/full.toml:22:1: warning: E1 is rated C against every hypothesis, so it cannot tell them apart: challenge the item, or add a hypothesis it would rate differently [health: same-rating]",
        "tests/fixtures/valid/full.toml:31:1: warning: the lead rests on E2 alone: H3 leads now, and without it H2 leads; check it before relying on the ranking [health: lead-on-one-item]",
        "tests/fixtures/valid/full.toml:47:1: warning: E3 is an absence of evidence rated as support for H2: that something was not seen rarely supports a hypothesis; N, or I for the hypotheses that predicted it, may be fairer [health: absence-as-support]",
        "tests/fixtures/valid/full.toml:55:1: warning: E4 is unrated against H3 (N or NA if it says nothing about them) [health: unrated]",
        "tests/fixtures/valid/full.toml:63:1: warning: E5 is unrated against H1, H2 and H3 (N or NA if it says nothing about them) [health: unrated]",
    ];
    assert_eq!(result.stderr.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn valid_fixtures_pass_without_warnings() {
    let clean = [
        ("full", "3 hypotheses, 5 evidence items, 1 of 1 passages"),
        ("minimal", "0 hypotheses, 0 evidence items, 0 of 0 passages"),
        (
            "passages",
            "1 hypothesis, 3 evidence items, 3 of 3 passages",
        ),
        (
            "tie-within-tolerance",
            "3 hypotheses, 3 evidence items, 0 of 0 passages",
        ),
    ];
    for (name, counts) in clean {
        let path = format!("{VALID}/{name}.toml");
        let result = run(ach().args(["check", &path]));
        assert_eq!(result.code, Some(0), "{path}: {}", result.stderr);
        assert_eq!(without_health(&result.stderr), "", "{path}");
        assert_eq!(
            result.stdout,
            format!("{path}: ok: {counts} match their documents\n")
        );
    }
}

#[test]
fn drifted_missing_and_out_of_range_passages_warn_but_pass() {
    let cases = [
        (
            "warning-quote-drifted",
            "tests/fixtures/valid/warning-quote-drifted.toml:8:1: warning: evidence `E1`: the quote no longer matches the document bytes at start..end; the most similar text is at bytes 155–205 (line 3), 96% similar: not re-anchored (seeds/field-report.txt)\n",
            "0 hypotheses, 2 evidence items, 1 of 2 passages",
        ),
        (
            "warning-document-missing",
            "tests/fixtures/valid/warning-document-missing.toml:8:1: warning: evidence `E1`: the document does not exist (seeds/customs-statement.txt)\n",
            "0 hypotheses, 1 evidence item, 0 of 1 passages",
        ),
        (
            "warning-passage-out-of-range",
            "tests/fixtures/valid/warning-passage-out-of-range.toml:8:1: warning: evidence `E1`: the document is only 474 bytes long; the quote is nowhere in the document; it stays as the evidence's text (seeds/field-report.txt)\n",
            "0 hypotheses, 1 evidence item, 0 of 1 passages",
        ),
        (
            "warning-indicator-overdue",
            "tests/fixtures/valid/warning-indicator-overdue.toml:14:1: warning: H1: indicator \"Units return to barracks\" was expected by 2020-01-15 and is still open: mark it observed or not observed, or look at the judgement again [indicator: overdue]\n",
            "2 hypotheses, 1 evidence item, 0 of 0 passages",
        ),
        (
            "warning-probabilities",
            "tests/fixtures/valid/warning-probabilities.toml: warning: the priors sum to 1.100, not 1; they were divided by their sum\n\
             tests/fixtures/valid/warning-probabilities.toml: warning: the matrix says the hypotheses are not exhaustive (`exhaustive = false`), yet the posteriors are normalised over them: read them as relative to each other, not as probabilities of the world\n\
             tests/fixtures/valid/warning-probabilities.toml: warning: the judged probabilities sum to 1.20, not 1; coherent (normalised): 0.75, 0.25\n\
             tests/fixtures/valid/warning-probabilities.toml: question: H1: you judge 0.90 but the model gives 0.05; what do you know that the matrix does not say?\n\
             tests/fixtures/valid/warning-probabilities.toml: question: H2: you judge 0.30 but the model gives 0.95; what do you know that the matrix does not say?\n",
            "2 hypotheses, 1 evidence item, 0 of 0 passages",
        ),
    ];
    for (name, warning, counts) in cases {
        let path = format!("{VALID}/{name}.toml");
        let result = run(ach().args(["check", &path]));
        assert_eq!(result.code, Some(0), "{path}");
        assert_eq!(without_health(&result.stderr), warning, "{path}");
        assert_eq!(
            result.stdout,
            format!("{path}: ok: {counts} match their documents\n")
        );
    }
}

#[test]
fn every_valid_fixture_passes_in_one_run() {
    let files = toml_files(VALID);
    assert!(files.len() >= 7, "{files:?}");
    let result = run(ach().arg("check").args(&files));
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert_eq!(result.stdout.lines().count(), files.len());
    // Only the fixtures named for a warning warn.
    for line in without_health(&result.stderr).lines() {
        assert!(line.starts_with("tests/fixtures/valid/warning-"), "{line}");
    }
}

#[test]
fn every_sample_matrix_checks_clean() {
    let samples = toml_files("hypotheses");
    assert!(!samples.is_empty(), "no sample matrices in hypotheses/");
    let result = run(ach().arg("check").args(&samples));
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert_eq!(
        without_health(&result.stderr),
        "",
        "the samples' passages must not warn"
    );
    let lines: Vec<&str> = result.stdout.lines().collect();
    assert_eq!(lines.len(), samples.len());
    for (line, sample) in lines.iter().zip(&samples) {
        assert!(line.starts_with(&format!("{sample}: ok: ")), "{line}");
        // "… items, N of N passages match their documents"
        let counts = line
            .rsplit(", ")
            .next()
            .and_then(|tail| tail.strip_suffix(" passages match their documents"))
            .unwrap_or_else(|| panic!("{line}"));
        let (matching, total) = counts.split_once(" of ").unwrap();
        assert_eq!(matching, total, "{line}");
    }
}

#[test]
fn one_invalid_file_fails_the_run_but_every_file_is_checked() {
    let result = run(ach().args([
        "check",
        "tests/fixtures/invalid/missing-title.toml",
        "tests/fixtures/valid/minimal.toml",
    ]));
    assert_eq!(result.code, Some(1));
    assert_eq!(
        result.stderr,
        "tests/fixtures/invalid/missing-title.toml:1:1: missing `title` at the top of the file\n"
    );
    assert_eq!(
        result.stdout,
        "tests/fixtures/valid/minimal.toml: ok: 0 hypotheses, 0 evidence items, 0 of 0 passages match their documents\n"
    );
}

#[test]
fn a_file_that_cannot_be_read_is_invalid_input() {
    let result = run(ach().args(["check", "tests/fixtures/valid/no-such-matrix.toml"]));
    assert_eq!(result.code, Some(1));
    assert!(
        result
            .stderr
            .starts_with("tests/fixtures/valid/no-such-matrix.toml: cannot read: "),
        "{}",
        result.stderr
    );
}

#[test]
fn workspace_flag_sets_where_documents_are_looked_up() {
    // From tests/fixtures the passages' `seeds/field-report.txt` does not
    // exist: every passage warns, and the file is still valid.
    let result = run(ach().args([
        "check",
        "--workspace",
        "tests/fixtures",
        "tests/fixtures/valid/passages.toml",
    ]));
    assert_eq!(result.code, Some(0));
    let stderr = without_health(&result.stderr);
    let warnings: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        warnings,
        [
            "tests/fixtures/valid/passages.toml:13:1: warning: evidence `E1`: the document does not exist (seeds/field-report.txt)",
            "tests/fixtures/valid/passages.toml:24:1: warning: evidence `E2`: the document does not exist (seeds/field-report.txt)",
            "tests/fixtures/valid/passages.toml:36:1: warning: evidence `E3`: the document does not exist (seeds/field-report.txt)",
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_document_linked_from_outside_the_workspace_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    let workspace = tempfile::tempdir().unwrap();
    fs::create_dir(workspace.path().join("seeds")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        workspace.path().join("seeds/link.txt"),
    )
    .unwrap();
    let matrix = "schema = 1\ntitle = \"t\"\n\n[[evidence]]\nid = \"E1\"\nsummary = \"s\"\n\n[evidence.source]\ndocument = \"seeds/link.txt\"\nstart = 0\nend = 6\nquote = \"secret\"\n";
    fs::write(workspace.path().join("m.toml"), matrix).unwrap();
    let result = run(ach()
        .current_dir(workspace.path())
        .args(["check", "m.toml"]));
    assert_eq!(result.code, Some(0));
    assert_eq!(
        without_health(&result.stderr),
        "m.toml:8:1: warning: evidence `E1`: the document path leads outside the workspace through a symbolic link (seeds/link.txt)\n"
    );
}

#[test]
fn check_reads_the_fixture_workspace_relative_to_the_matrix() {
    // Run from elsewhere with an absolute path: the workspace is still the
    // fixture directory holding seeds/, so the passages match.
    let elsewhere = tempfile::tempdir().unwrap();
    let matrix: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(VALID)
        .join("passages.toml");
    let result = run(ach()
        .current_dir(elsewhere.path())
        .arg("check")
        .arg(&matrix));
    assert_eq!(result.code, Some(0));
    assert_eq!(without_health(&result.stderr), "");
    assert!(
        result
            .stdout
            .ends_with("3 of 3 passages match their documents\n")
    );
}

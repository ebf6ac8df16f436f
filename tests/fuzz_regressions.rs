//! Inputs that broke, or were made to break, the matrix loader and the
//! document pipeline, replayed through the checks the fuzz targets run.
//!
//! The checks are `fuzz/src/checks.rs`, included here as they are, so a
//! crash `cargo fuzz` finds is fixed for good by adding its bytes below
//! (see `fuzz/README.md`). The property tests stay with the code they test.

#[path = "../fuzz/src/checks.rs"]
mod checks;

use checks::{check_document, check_document_input, check_matrix_loader};

/// A small valid matrix, to build hostile variants of.
const MATRIX: &str = "schema = 1
title = \"Who did it?\"

[[hypotheses]]
id = \"H1\"
title = \"The butler\"

[[evidence]]
id = \"E1\"
summary = \"Gloves in the pantry\"
ratings = { H1 = \"C\" }
";

// ---- matrix_loader ---------------------------------------------------

#[test]
fn a_valid_matrix_round_trips() {
    check_matrix_loader(MATRIX.as_bytes());
}

#[test]
fn empty_and_blank_files() {
    for bytes in [&b""[..], b" ", b"\n", b"\r\n", b"\t\n\n"] {
        check_matrix_loader(bytes);
    }
}

#[test]
fn deeply_nested_inline_tables_and_arrays() {
    let depth = 10_000;
    let tables = format!(
        "{MATRIX}x = {}1{}\n",
        "{ a = ".repeat(depth),
        " }".repeat(depth)
    );
    check_matrix_loader(tables.as_bytes());
    let arrays = format!("{MATRIX}x = {}1{}\n", "[".repeat(depth), "]".repeat(depth));
    check_matrix_loader(arrays.as_bytes());
    let dotted = format!("{MATRIX}{} = 1\n", vec!["a"; depth].join("."));
    check_matrix_loader(dotted.as_bytes());
}

#[test]
fn a_key_of_100k_characters() {
    let key = "k".repeat(100_000);
    check_matrix_loader(format!("{MATRIX}{key} = 1\n").as_bytes());
    check_matrix_loader(format!("schema = 1\ntitle = \"t\"\n\"{key}\" = 1\n").as_bytes());
    check_matrix_loader(MATRIX.replace("\"H1\"", &format!("\"{key}\"")).as_bytes());
}

#[test]
fn invalid_utf8_inside_a_string() {
    let mut bytes = MATRIX.as_bytes().to_vec();
    let at = MATRIX.find("butler").unwrap() + 2;
    bytes.insert(at, 0xff);
    check_matrix_loader(&bytes);
    // A character cut short by the end of the file.
    check_matrix_loader(&[MATRIX.as_bytes(), b"notes = \"\xe6\xbc"].concat());
}

#[test]
fn crlf_line_endings() {
    check_matrix_loader(MATRIX.replace('\n', "\r\n").as_bytes());
    // An error in a CRLF file, and a carriage return on its own.
    check_matrix_loader(
        MATRIX
            .replace('\n', "\r\n")
            .replace("\"C\"", "\"X\"")
            .as_bytes(),
    );
    check_matrix_loader(MATRIX.replace('\n', "\r").as_bytes());
}

#[test]
fn awkward_values_round_trip() {
    let values = [
        "question = \"tab\\tquote\\\" backslash\\\\ esc\\u001b del\\u007f nel\\u0085\"",
        "question = '''\nraw\r\nlines'''",
        "analyst = \"\\uFEFFbom \u{202e}rtl 👨‍👩‍👧\"",
        "created = 2026-02-10T09:00:00.123456789+05:45",
        "created = 0001-01-01T00:00:00Z",
        "updated = 9999-12-31T23:59:59.999999999Z",
        "created = 0000-01-01T00:00:00+01:00",
        "updated = 9999-12-31T23:59:59-01:00",
    ];
    for value in values {
        let file = MATRIX.replacen("title", &format!("{value}\ntitle"), 1);
        check_matrix_loader(file.as_bytes());
    }
}

/// Found by `awkward_values_round_trip`: a time in the year 0000 or 9999
/// with an offset loaded as a year -1 or 10000 in UTC, which the writer
/// saved as TOML no build could read back.
#[test]
fn a_time_outside_toml_years_once_in_utc_is_refused() {
    for value in [
        "created = 0000-01-01T00:00:00+00:01",
        "updated = 9999-12-31T23:59:59-00:01",
    ] {
        let file = MATRIX.replacen("title", &format!("{value}\ntitle"), 1);
        let diagnostics = ach_workbench::storage::matrix_from_str(&file).unwrap_err();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(diagnostics[0].location.line, 2, "{diagnostics:?}");
        check_matrix_loader(file.as_bytes());
    }
}

#[test]
fn many_errors_at_once_stay_in_file_order() {
    let file = "schema = 0\ntitle = \" \"\n[[hypotheses]]\nid = \"H 1\"\n[[hypotheses]]\nid = \"H 1\"\n\
                [[evidence]]\nid = \"E\"\nratings = { Z = \"C\" }\n[evidence.source]\nstart = 9\n";
    check_matrix_loader(file.as_bytes());
}

// ---- document --------------------------------------------------------

#[test]
fn small_documents_at_every_width() {
    let documents: [&[u8]; 14] = [
        b"",
        b"\n",
        b"\r\n",
        b"\r",
        b"a\r\r\nb\n\n",
        b"One. Two!  Three?\n\nFour",
        "\u{feff}\u{feff}Title\nbody".as_bytes(),
        "漢字漢字 e\u{301}\u{301} 🇫🇷🇫🇷🇫 👨‍👩‍👧 ｶﾞ".as_bytes(),
        "\u{301}\u{200b}\u{a0}\u{2028}\u{2029}x\u{85}y".as_bytes(),
        b"\x1b]0;pwned\x07\x1b[31mred\x7f\t\ttabs",
        "\u{9b}31m C1 \u{8d}".as_bytes(),
        b"caf\xe9 \xf0\x9f\x98 cut \xed\xa0\x80 surrogate",
        b"U.S. vs. 3.14. Mr. Smith said \"Hi.\" (Then left.)",
        b"   \t  \n \r\n  ",
    ];
    for bytes in documents {
        for width in [0, 1, 2, 3, 5, 80, 255] {
            check_document(bytes, width);
        }
    }
}

/// Found by `cargo fuzz run document` (crash-f2a8caf3…): a hard-wrapped
/// text (lines filled to one width, running on), whose sentences rightly
/// cross single line breaks, was checked as if every line were a
/// paragraph. The check now holds a hard-wrapped sentence to its
/// blank-line-separated block instead.
#[test]
fn a_hard_wrapped_sentence_may_cross_line_breaks_but_not_blank_lines() {
    check_document_input(
        b"\x14The Iran-Azerbaijan Escalation: Motives, Consequenc\x14schema = 1\x0atit\
      le = \x22Where does the Iran\xe2\x80\x93Azerbaijan escalation go?\x22\x0aque\
      stion = \x22After thetted = 2026-02-14T10:00:00Z\x0aupdated = 2026-02-16T14:\
      es and Future Scenarios\x0a\x0a\x0aIn remarkable20:00Z\x0a\x0a[[ and \xc2\
      \xa0fast-paced develoh",
    );
}

#[test]
fn binary_is_refused_only_in_the_first_8_kib() {
    check_document(b"GIF89a\0\0", 10);
    let late_nul = [vec![b'a'; 8 * 1024], vec![0, b'b']].concat();
    check_document(&late_nul, 10);
}

#[test]
fn the_width_comes_from_the_first_byte() {
    check_document_input(b"");
    check_document_input(b"\x00");
    check_document_input(b"\x03the quick brown fox");
}

#[test]
fn a_one_megabyte_line_at_width_one() {
    // 32 bytes, 2^15 times.
    let line = "Lorem ipsum dolor amet, 漢字. ".repeat(1 << 15);
    assert_eq!(line.len(), 1 << 20);
    check_document(line.as_bytes(), 1);
}

use chrono::NaiveDate;

use super::*;
use crate::model::{Evidence, EvidenceKind, Hypothesis, Level, Matrix, Rating};

const LE: &[u8] = include_bytes!("../../tests/fixtures/achz/full-utf16le.achz");
const BE: &[u8] = include_bytes!("../../tests/fixtures/achz/full-utf16be.achz");
const MISSING: &[u8] = include_bytes!("../../tests/fixtures/achz/missing-elements.achz");
const LARGE: &[u8] = include_bytes!("../../tests/fixtures/achz/large-40x300.achz");

#[test]
fn both_byte_orders_read_the_same_project() {
    let le = read(LE).unwrap();
    let be = read(BE).unwrap();
    assert_eq!(le, be);
}

#[test]
fn every_element_lands_where_the_format_says() {
    let Imported { matrix, lost } = read(LE).unwrap();
    // A surrogate pair (🚀) and Arabic come through whole.
    assert_eq!(matrix.title, "Who cut the cable? 🚀 مرحبا");
    let titles: Vec<&str> = matrix
        .hypotheses()
        .iter()
        .map(|h| h.title.as_str())
        .collect();
    assert_eq!(titles, ["Sabotage", "Anchor drag", "Wear & tear"]);
    let ids: Vec<&str> = matrix.hypotheses().iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["H1", "H2", "H3"]);

    let e1 = &matrix.evidence()[0];
    assert_eq!(e1.id, "E1");
    assert_eq!(e1.summary, "Ship AIS track crosses the cable 🛳");
    assert_eq!(e1.kind, EvidenceKind::Report);
    assert_eq!(e1.credibility, Level::High);
    assert_eq!(e1.relevance, Level::Medium);
    assert_eq!(e1.date, NaiveDate::from_ymd_opt(2026, 3, 3));
    assert_eq!(
        e1.notes.as_deref(),
        Some(
            "Seen twice\non 3 March\nLINK: https://example.org/ais\nTYPE: Intelligence report\n\
             FLAG: true\nANALYST-COMMENT: check with navy"
        )
    );
    assert_eq!(
        e1.ratings(),
        [
            Some(Rating::Consistent),
            Some(Rating::VeryConsistent),
            Some(Rating::VeryInconsistent)
        ]
    );

    let e2 = &matrix.evidence()[1];
    assert_eq!(
        (e2.kind, e2.credibility, e2.date, e2.notes.as_deref()),
        (EvidenceKind::Absence, Level::Low, None, None)
    );
    assert_eq!(
        e2.ratings(),
        [
            Some(Rating::Neutral),
            Some(Rating::NotApplicable),
            Some(Rating::Inconsistent)
        ]
    );

    // A CODE that is no id gets one, and is kept in the notes.
    let e3 = &matrix.evidence()[2];
    assert_eq!(e3.id, "E3");
    assert_eq!(e3.notes.as_deref(), Some("CODE: old cable"));
    assert_eq!(e3.kind, EvidenceKind::Fact);

    // An empty value is unrated; credibility in any case.
    let e4 = &matrix.evidence()[3];
    assert_eq!(
        e4.ratings(),
        [Some(Rating::Consistent), None, Some(Rating::Neutral)]
    );
    assert_eq!(
        (e4.kind, e4.credibility),
        (EvidenceKind::Assumption, Level::Low)
    );

    assert!(
        lost.iter()
            .any(|l| l.contains("CLASSIFICATION \"UNCLASSIFIED\"")),
        "{lost:?}"
    );
    assert!(lost.iter().any(|l| l.contains("relevance")), "{lost:?}");
}

#[test]
fn missing_elements_are_defaulted_and_reported() {
    let Imported { matrix, lost } = read(MISSING).unwrap();
    assert_eq!(matrix.title, "Imported PARC ACH project");
    assert_eq!(matrix.hypotheses()[1].title, "Hypothesis 2");
    assert_eq!(
        matrix.hypotheses()[1].description.as_deref(),
        Some("NOTES: no name")
    );
    let e1 = &matrix.evidence()[0];
    assert_eq!((e1.credibility, e1.date), (Level::Medium, None));
    assert_eq!(e1.ratings(), [Some(Rating::Consistent)]);
    assert_eq!(matrix.evidence()[1].summary, "Evidence 2");
    for expected in [
        "no PROJECT-TITLE",
        "hypothesis 2 has no NAME",
        "evidence 2 has no NAME",
        "3 VALUES for 2",
        "TIMELINE",
    ] {
        assert!(
            lost.iter().any(|l| l.contains(expected)),
            "{expected}: {lost:?}"
        );
    }
}

#[test]
fn a_forty_by_three_hundred_project_round_trips() {
    let first = read(LARGE).unwrap().matrix;
    assert_eq!(
        (first.hypotheses().len(), first.evidence().len()),
        (40, 300)
    );
    let again = read(&write(&first).bytes).unwrap().matrix;
    assert_eq!(again, first);
}

/// Everything the format holds, with text that XML must escape.
fn holdable() -> Matrix {
    let mut matrix = Matrix::new("Q <&> \"quoted\" 'single' 🚀");
    for (id, title) in [
        ("H1", "First & best"),
        ("H2", "Second <tag>"),
        ("H3", "Third"),
    ] {
        matrix.push_hypothesis(Hypothesis::new(id, title));
    }
    for (n, kind) in EvidenceKind::ALL.into_iter().enumerate() {
        let mut item = Evidence::new(format!("E{}", n + 1), format!("Item {n} ]]> &amp;"));
        item.kind = kind;
        item.credibility = Level::ALL[n % 3];
        item.date =
            (n % 2 == 0).then(|| NaiveDate::from_ymd_opt(1969 + n as i32 * 20, 12, 31).unwrap());
        item.notes = (n != 1).then(|| format!("line one\nline two\r\nwith a tab\t{n}"));
        let row = matrix.push_evidence(item);
        for column in 0..3 {
            let rating = [None, Some(Rating::ALL[(n + column) % 6])][(n + column) % 2];
            matrix.set_rating(row, column, rating);
        }
    }
    matrix
}

#[test]
fn matrix_to_achz_to_matrix_keeps_everything_the_format_holds() {
    let matrix = holdable();
    let written = write(&matrix);
    assert!(written.lost.is_empty(), "{:?}", written.lost);
    assert_eq!(&written.bytes[..2], [0x1f, 0x8b], "gzip");
    let back = read(&written.bytes).unwrap();
    assert_eq!(back.matrix, matrix);
}

#[test]
fn what_the_format_cannot_hold_is_reported_on_export() {
    let mut matrix = holdable();
    matrix.question = Some("Why?".into());
    matrix.hypotheses_mut()[0].description = Some("longer".into());
    matrix.evidence_mut()[0].relevance = Level::High;
    let lost = write(&matrix).lost;
    for expected in [
        "the question",
        "hypothesis H1: its description",
        "evidence E1: relevance high",
    ] {
        assert!(lost.iter().any(|l| l == expected), "{expected}: {lost:?}");
    }
}

#[test]
fn the_written_layout_is_utf16_big_endian_with_a_mark() {
    use std::io::Read;
    let mut xml = Vec::new();
    flate2::read::GzDecoder::new(&write(&holdable()).bytes[..])
        .read_to_end(&mut xml)
        .unwrap();
    assert_eq!(&xml[..2], [0xFE, 0xFF]);
    let units: Vec<u16> = xml[2..]
        .chunks(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
        .collect();
    let text = String::from_utf16(&units).unwrap();
    for element in [
        "<PROJECT-TITLE>",
        "<CLASSIFICATION>",
        "<MATRIX>",
        "<HYPOTHESIS>",
        "<EVIDENCE>",
        "<VALUES>",
        "<CREDIBILITY>HIGH</CREDIBILITY>",
        "<DATE>0</DATE>",
    ] {
        assert!(text.contains(element), "{element}");
    }
    assert!(text.contains("<VALUES>"));
}

#[test]
fn broken_input_is_an_error_not_a_panic() {
    assert!(matches!(
        read(b"\x1f\x8b\x08garbage"),
        Err(ImportError::Gzip(_))
    ));
    assert!(matches!(read(b"<not xml"), Err(ImportError::Xml(_))));
    assert!(matches!(
        read(b"<ACH><PROJECT-TITLE>x</PROJECT-TITLE></ACH>"),
        Err(ImportError::NotAProject)
    ));
    // An unpaired surrogate is replaced and reported.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "<A><MATRIX><HYPOTHESIS><NAME>x"
        .encode_utf16()
        .chain([0xD800])
        .chain("</NAME></HYPOTHESIS></MATRIX></A>".encode_utf16())
    {
        utf16.extend(unit.to_le_bytes());
    }
    let imported = read(&utf16).unwrap();
    assert_eq!(imported.matrix.hypotheses()[0].title, "x\u{FFFD}");
    assert!(
        imported.lost.iter().any(|l| l.contains("unpaired")),
        "{:?}",
        imported.lost
    );
}

#[test]
fn control_characters_xml_cannot_hold_are_replaced_and_reported() {
    let mut matrix = holdable();
    matrix.evidence_mut()[0].summary = "bell \u{7} here".into();
    let written = write(&matrix);
    assert!(
        written
            .lost
            .iter()
            .any(|l| l.contains("control characters")),
        "{:?}",
        written.lost
    );
    let back = read(&written.bytes).unwrap().matrix;
    assert_eq!(back.evidence()[0].summary, "bell \u{FFFD} here");
}

//! The spreadsheet export (`.xlsx`): the CSV export's rows, but typed and
//! styled. Scores and diagnosticity are numbers a spreadsheet can sort and
//! sum; every piece of matrix text is written as a string cell, so a
//! summary starting with `=` is text, never a formula (no escaping needed,
//! unlike CSV). Ratings carry the print colours of the HTML export and a
//! second cue besides hue: the strong ratings (CC, II) are bold. The header
//! row and the id and evidence columns are frozen, so they stay in view.

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, XlsxError};

use super::csv::{EVIDENCE_COLUMNS, set_aside_mark};
use super::report::Report;
use crate::model::Rating;

/// Columns left of the split: `id` and `summary`.
const FROZEN_COLUMNS: u16 = 2;

/// The `.xlsx` bytes of `report`.
pub(super) fn render(report: &Report<'_>) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Matrix")?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xF6F8FA))
        .set_border_bottom(FormatBorder::Thin);
    let text = Format::new().set_text_wrap();
    let score = Format::new().set_num_format("0.00");
    let count = Format::new().set_num_format("0");

    let hypotheses = report.hypotheses();
    let first_rating = EVIDENCE_COLUMNS.len() as u16;
    for (column, name) in EVIDENCE_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *name, &header)?;
    }
    for (column, hypothesis) in hypotheses.iter().enumerate() {
        let title = format!("{}: {}", hypothesis.id, hypothesis.title);
        sheet.write_string_with_format(0, first_rating + column as u16, title, &header)?;
    }

    for (row, evidence) in report.evidence().iter().enumerate() {
        let at = row as u32 + 1;
        let passage = evidence.source.as_ref();
        let texts = [
            evidence.id.as_str(),
            evidence.summary.as_str(),
            evidence.kind.word(),
            evidence.credibility.word(),
            evidence.relevance.word(),
        ];
        for (column, value) in texts.into_iter().enumerate() {
            sheet.write_string_with_format(at, column as u16, value, &text)?;
        }
        if let Some(date) = evidence.date {
            sheet.write_string(at, 5, date.format("%Y-%m-%d").to_string())?;
        }
        if let Some(passage) = passage {
            sheet.write_string_with_format(at, 6, &passage.document, &text)?;
            sheet.write_string_with_format(at, 8, &passage.quote, &text)?;
        }
        if let Some(line) = report.quote_lines[row].as_ref().and_then(|l| l.number()) {
            sheet.write_number_with_format(at, 7, line as f64, &count)?;
        }
        if let Some(notes) = &evidence.notes {
            sheet.write_string_with_format(at, 9, notes, &text)?;
        }
        sheet.write_number_with_format(at, 10, report.scores.diagnosticity[row], &score)?;
        if evidence.set_aside.is_set() {
            sheet.write_string(at, 11, set_aside_mark(&evidence.set_aside))?;
        }
        if let Some(reason) = evidence.set_aside.reason() {
            sheet.write_string_with_format(at, 12, reason, &text)?;
        }
        if let Some(reliability) = evidence.grading.reliability {
            sheet.write_string(at, 13, reliability.letter())?;
        }
        if let Some(credibility) = evidence.grading.credibility {
            sheet.write_number_with_format(at, 14, f64::from(credibility.digit()), &count)?;
        }
        for column in 0..hypotheses.len() {
            if let Some(rating) = evidence.rating(column) {
                let cell = first_rating + column as u16;
                sheet.write_string_with_format(at, cell, rating.code(), &rating_format(rating))?;
            }
        }
    }

    // A blank row, then one row per score under each hypothesis.
    let first_score_row = report.evidence().len() as u32 + 2;
    type ScoreOf = fn(&crate::scoring::HypothesisScore) -> f64;
    let rows: [(&str, ScoreOf, &Format); 5] = [
        ("rank", |s| s.rank as f64, &count),
        ("inconsistency", |s| f64::from(s.inconsistency), &count),
        (
            "weighted inconsistency",
            |s| s.weighted_inconsistency,
            &score,
        ),
        ("weighted consistency", |s| s.weighted_consistency, &score),
        ("unrated", |s| s.unrated as f64, &count),
    ];
    let score_rows = rows.len() as u32;
    for (at, (label, value, format)) in (first_score_row..).zip(rows) {
        sheet.write_string_with_format(at, 0, label, &header)?;
        for (column, hypothesis_score) in report.scores.hypotheses.iter().enumerate() {
            sheet.write_number_with_format(
                at,
                first_rating + column as u16,
                value(hypothesis_score),
                format,
            )?;
        }
    }
    // Then the probability rows as the CSV has them; no value, no cell.
    let reading = &report.probability;
    let coherent = reading.coherent();
    let probability_rows: [(&str, Vec<Option<f64>>); 4] = [
        ("prior", reading.priors.iter().copied().map(Some).collect()),
        (
            "model posterior",
            reading.posteriors.iter().copied().map(Some).collect(),
        ),
        ("judged", reading.judged.clone()),
        (
            "coherent",
            coherent.map_or_else(
                || vec![None; reading.judged.len()],
                |values| values.into_iter().map(Some).collect(),
            ),
        ),
    ];
    let first_probability_row = first_score_row + score_rows;
    let first_set_aside_row = first_probability_row + probability_rows.len() as u32;
    for (at, (label, values)) in (first_probability_row..).zip(probability_rows) {
        sheet.write_string_with_format(at, 0, label, &header)?;
        for (column, value) in values.into_iter().enumerate() {
            if let Some(value) = value {
                sheet.write_number_with_format(at, first_rating + column as u16, value, &score)?;
            }
        }
    }

    // Then, as in the CSV, which hypotheses are set aside and why.
    sheet.write_string_with_format(first_set_aside_row, 0, "set aside", &header)?;
    sheet.write_string_with_format(first_set_aside_row + 1, 0, "set aside reason", &header)?;
    for (column, hypothesis) in hypotheses.iter().enumerate() {
        let cell = first_rating + column as u16;
        if hypothesis.set_aside.is_set() {
            let mark = set_aside_mark(&hypothesis.set_aside);
            sheet.write_string(first_set_aside_row, cell, mark)?;
        }
        if let Some(reason) = hypothesis.set_aside.reason() {
            sheet.write_string_with_format(first_set_aside_row + 1, cell, reason, &text)?;
        }
    }

    sheet.set_freeze_panes(1, FROZEN_COLUMNS)?;
    sheet.set_column_width(1, 50)?;
    sheet.set_column_width(8, 40)?;
    sheet.set_column_width(9, 40)?;
    workbook.save_to_buffer()
}

/// A rating's cell style: the HTML export's colours (so a printout and a
/// spreadsheet agree), bold for the strong ratings and underlined for the
/// inconsistent ones so that every rating differs without colour, centred.
fn rating_format(rating: Rating) -> Format {
    let (background, foreground) = match rating {
        Rating::VeryConsistent => (0x1A7F37, 0xFFFFFF),
        Rating::Consistent => (0xB4F1C3, 0x0F3D1E),
        Rating::Neutral => (0xEAEEF2, 0x1F2328),
        Rating::NotApplicable => (0xFFFFFF, 0x6E7781),
        Rating::Inconsistent => (0xF5A89F, 0x4A0A04),
        Rating::VeryInconsistent => (0xA40E26, 0xFFFFFF),
    };
    let format = Format::new()
        .set_background_color(Color::RGB(background))
        .set_font_color(Color::RGB(foreground))
        .set_align(rust_xlsxwriter::FormatAlign::Center);
    let format = match rating {
        Rating::Inconsistent | Rating::VeryInconsistent => {
            format.set_underline(rust_xlsxwriter::FormatUnderline::Single)
        }
        _ => format,
    };
    match rating {
        Rating::VeryConsistent | Rating::VeryInconsistent => format.set_bold(),
        _ => format,
    }
}

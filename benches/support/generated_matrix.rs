//! The generated matrix the benchmarks share: deterministic, with text of
//! realistic lengths, so every run and every machine measures the same
//! work.

use ach_workbench::model::{Evidence, EvidenceKind, Hypothesis, Level, Matrix, Passage, Rating};
use chrono::NaiveDate;

/// A small deterministic generator (xorshift64*), so every run and every
/// machine benchmarks the same matrix.
pub struct Random(pub u64);

impl Random {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// Words until the text is about `length` bytes long.
    pub fn text(&mut self, length: usize) -> String {
        const WORDS: &[&str] = &[
            "the",
            "ministry",
            "reported",
            "convoy",
            "border",
            "officials",
            "said",
            "talks",
            "Baku",
            "Yerevan",
            "Tehran",
            "pipeline",
            "corridor",
            "drills",
            "near",
            "sources",
            "confirmed",
            "denied",
            "satellite",
            "imagery",
            "shows",
            "troops",
            "moved",
            "after",
            "sanctions",
            "statement",
            "analysts",
            "expect",
            "a",
            "of",
            "in",
            "on",
            "Zoë",
            "“cease-fire”",
            "3–4",
            "March",
            "2026",
            "no",
            "evidence",
            "that",
            "\"quoted\"",
        ];
        let mut text = String::with_capacity(length + 16);
        while text.len() < length {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(self.pick(WORDS));
        }
        text
    }
}

/// What the generated matrix looks like.
pub struct Shape<'a> {
    pub hypotheses: usize,
    pub evidence: usize,
    /// Length of each hypothesis title, in bytes.
    pub title_bytes: usize,
    /// The document passages point into and how long it is: passages fall
    /// inside it, so a reader showing it has attached passages to mark.
    pub document: &'a str,
    pub document_bytes: usize,
    /// Who made it, for the `analyst` field.
    pub analyst: &'a str,
}

/// The benchmark matrix: summaries of ~80 bytes, notes on every third
/// item, a ~300-byte quoted passage on every second, dates on most,
/// credibility and relevance mixed, and every cell rated.
pub fn generated_matrix(shape: &Shape<'_>) -> Matrix {
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut matrix = Matrix::new(format!(
        "Generated: {} hypotheses × {} evidence items",
        shape.hypotheses, shape.evidence
    ));
    matrix.question = Some(random.text(160));
    matrix.analyst = Some(shape.analyst.to_owned());
    for n in 1..=shape.hypotheses {
        let mut hypothesis = Hypothesis::new(format!("H{n}"), random.text(shape.title_bytes));
        hypothesis.description = Some(random.text(160));
        matrix.push_hypothesis(hypothesis);
    }
    let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for n in 1..=shape.evidence {
        let mut evidence = Evidence::new(format!("E{n}"), random.text(80));
        evidence.kind = random.pick(&EvidenceKind::ALL);
        evidence.credibility = random.pick(&Level::ALL);
        evidence.relevance = random.pick(&Level::ALL);
        if n % 5 != 0 {
            evidence.date = date.checked_add_days(chrono::Days::new(random.below(400) as u64));
        }
        if n % 3 == 0 {
            evidence.notes = Some(random.text(200));
        }
        if n % 2 == 0 {
            let quote = random.text(300);
            let start = random.below(shape.document_bytes - quote.len());
            evidence.source = Some(Passage {
                document: shape.document.to_owned(),
                start,
                end: start + quote.len(),
                quote,
            });
        }
        let row = matrix.push_evidence(evidence);
        for column in 0..shape.hypotheses {
            matrix.set_rating(row, column, Some(random.pick(&Rating::ALL)));
        }
    }
    matrix
}

//! Reading a matrix file: TOML → raw structs → a validated [`Matrix`].

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use toml::Spanned;
use toml::value::{Datetime, Offset};

use super::deep_key;
use super::location::LineIndex;
use super::raw::{
    RawConflict, RawEvidence, RawHypothesis, RawIndicator, RawJudgement, RawMatrix, RawPassage,
    RawProbabilitySettings, SchemaOnly,
};
use super::{Diagnostic, LoadError, Location, SCHEMA};
use crate::model::{
    Evidence, Hypothesis, Indicator, Judgement, LikelihoodOverrides, Matrix, MergeConflict,
    Passage, Probability, Rating, SetAside, document_path_problem, is_valid_id,
};

/// Where each evidence item of a loaded file stands in it, for messages
/// about the item that are found after loading (a passage that no longer
/// matches its document, say).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Positions {
    /// The `[[evidence]]` table of each item, in row order.
    pub evidence: Vec<Location>,
    /// The `[evidence.source]` table of each item that has one.
    pub sources: Vec<Option<Location>>,
    /// The `[[conflicts]]` table of each recorded merge conflict.
    pub conflicts: Vec<Location>,
    /// The `[[hypotheses]]` table of each hypothesis, in column order.
    pub hypotheses: Vec<Location>,
    /// The `[[hypotheses.indicators]]` tables of each hypothesis, in
    /// column order and then the hypothesis' order of indicators.
    pub indicators: Vec<Vec<Location>>,
}

/// Reads and validates the matrix file at `path`.
pub fn load_matrix(path: &Path) -> Result<Matrix, LoadError> {
    load_matrix_with_positions(path).map(|(matrix, _)| matrix)
}

/// Reads and validates the matrix file at `path`, with the position of
/// each evidence item in it.
pub fn load_matrix_with_positions(path: &Path) -> Result<(Matrix, Positions), LoadError> {
    let bytes = crate::fsio::read_regular(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    located_matrix_from_bytes(&bytes).map_err(|diagnostics| LoadError::Invalid {
        path: path.to_owned(),
        diagnostics,
    })
}

/// Validates the bytes of a matrix file: they must be non-empty UTF-8 TOML
/// in the schema the README describes.
pub fn matrix_from_bytes(bytes: &[u8]) -> Result<Matrix, Vec<Diagnostic>> {
    located_matrix_from_bytes(bytes).map(|(matrix, _)| matrix)
}

/// Validates the text of a matrix file.
pub fn matrix_from_str(text: &str) -> Result<Matrix, Vec<Diagnostic>> {
    located_matrix_from_str(text).map(|(matrix, _)| matrix)
}

/// Validates the bytes of a matrix file, with the position of each
/// evidence item in it (for a matrix read from standard input).
pub fn matrix_with_positions_from_bytes(
    bytes: &[u8],
) -> Result<(Matrix, Positions), Vec<Diagnostic>> {
    located_matrix_from_bytes(bytes)
}

fn located_matrix_from_bytes(bytes: &[u8]) -> Result<(Matrix, Positions), Vec<Diagnostic>> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let location = Location::of_byte_offset(bytes, error.valid_up_to());
        vec![Diagnostic::new(
            location,
            format!(
                "the file is not UTF-8 text (invalid byte 0x{:02X})",
                bytes[error.valid_up_to()]
            ),
        )]
    })?;
    located_matrix_from_str(text)
}

fn located_matrix_from_str(text: &str) -> Result<(Matrix, Positions), Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::new(
            Location::START,
            "the file is empty; a matrix needs at least `schema = 1` and a `title`",
        )]);
    }
    let raw: RawMatrix = toml::from_str(text).map_err(|error| {
        // A newer schema explains unknown keys better than the keys do.
        if let Some(newer) = newer_schema(text) {
            return vec![newer];
        }
        if error.span().is_none()
            && let Some(too_deep) = key_too_deep(text, error.message())
        {
            return vec![too_deep];
        }
        let location = error.span().map_or(Location::START, |span| {
            Location::of_offset(text, span.start)
        });
        vec![Diagnostic::new(
            location,
            error.message().trim_end().to_owned(),
        )]
    })?;
    Validator::new(text).matrix(raw)
}

/// The TOML reader refuses a dotted key of too many parts with a bare
/// "recursion limit" and no position; this places it at the key and says
/// what is wrong with it.
fn key_too_deep(text: &str, message: &str) -> Option<Diagnostic> {
    if message.trim_end() != "recursion limit" {
        return None;
    }
    let (start, parts) = deep_key::deepest_key(text)?;
    Some(Diagnostic::new(
        Location::of_offset(text, start),
        format!(
            "a key of {parts} dotted parts nests deeper than a matrix file can (recursion limit)"
        ),
    ))
}

fn newer_schema(text: &str) -> Option<Diagnostic> {
    let schema = toml::from_str::<SchemaOnly>(text).ok()?.schema?;
    (*schema.get_ref() > SCHEMA).then(|| schema_too_new(text, &schema))
}

fn schema_too_new(text: &str, schema: &Spanned<i64>) -> Diagnostic {
    Diagnostic::new(
        Location::of_offset(text, schema.span().start),
        format!(
            "schema {} is newer than this build of ach supports ({SCHEMA}); upgrade ach to open it",
            schema.get_ref()
        ),
    )
}

/// Checks the raw file and builds the matrix, collecting every problem
/// rather than stopping at the first, so one `ach check` run lists them all.
struct Validator<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    diagnostics: Vec<Diagnostic>,
    positions: Positions,
}

impl<'a> Validator<'a> {
    fn new(text: &'a str) -> Self {
        Validator {
            text,
            lines: LineIndex::new(text),
            diagnostics: Vec::new(),
            positions: Positions::default(),
        }
    }

    fn at(&self, span: Range<usize>) -> Location {
        self.lines.locate(span.start)
    }

    fn report(&mut self, span: Range<usize>, message: impl Into<String>) {
        let location = self.at(span);
        self.diagnostics.push(Diagnostic::new(location, message));
    }

    fn matrix(mut self, raw: RawMatrix) -> Result<(Matrix, Positions), Vec<Diagnostic>> {
        match &raw.schema {
            None => self.report(
                0..0,
                format!("missing `schema = {SCHEMA}` at the top of the file"),
            ),
            Some(schema) if *schema.get_ref() > SCHEMA => {
                let diagnostic = schema_too_new(self.text, schema);
                self.diagnostics.push(diagnostic);
            }
            Some(schema) if *schema.get_ref() < 1 => {
                let message = format!("`schema` must be {SCHEMA}, not {}", schema.get_ref());
                self.report(schema.span(), message);
            }
            Some(_) => {}
        }
        let title = match raw.title {
            None => {
                self.report(0..0, "missing `title` at the top of the file");
                String::new()
            }
            Some(title) => self.non_blank(title, "`title`"),
        };
        let mut matrix = Matrix::new(title);
        matrix.question = raw.question;
        matrix.analyst = raw.analyst;
        matrix.created = raw.created.and_then(|d| self.timestamp(d, "created"));
        matrix.updated = raw.updated.and_then(|d| self.timestamp(d, "updated"));
        matrix.exhaustive = raw.exhaustive;
        if let Some(settings) = raw.probability {
            matrix.likelihood = self.likelihood(settings);
        }

        let mut hypothesis_ids: HashMap<String, Range<usize>> = HashMap::new();
        for hypothesis in raw.hypotheses {
            let at = self.at(hypothesis.span());
            if let Some((hypothesis, indicators_at)) =
                self.hypothesis(hypothesis, &mut hypothesis_ids)
            {
                matrix.push_hypothesis(hypothesis);
                self.positions.hypotheses.push(at);
                self.positions.indicators.push(indicators_at);
            }
        }
        // Looked up once per rating: a scan of the hypotheses for each of
        // them was a tenth of the time loading a 50 × 5,000 matrix took.
        let mut columns: HashMap<String, usize> = HashMap::new();
        for (column, hypothesis) in matrix.hypotheses().iter().enumerate() {
            // The first of duplicate ids, as `Matrix::hypothesis_index`.
            columns.entry(hypothesis.id.clone()).or_insert(column);
        }
        let mut evidence_ids = HashMap::new();
        for evidence in raw.evidence {
            self.evidence(evidence, &mut evidence_ids, &columns, &mut matrix);
        }
        for conflict in raw.conflicts {
            if let Some(conflict) = self.conflict(conflict) {
                matrix.conflicts.push(conflict);
            }
        }
        if let Some(judgement) = raw.judgement {
            matrix.judgement = self.judgement(judgement, &columns);
        }

        if self.diagnostics.is_empty() {
            Ok((matrix, self.positions))
        } else {
            self.diagnostics.sort_by_key(|d| d.location);
            Err(self.diagnostics)
        }
    }

    fn conflict(&mut self, raw: Spanned<RawConflict>) -> Option<MergeConflict> {
        let span = raw.span();
        let raw = raw.into_inner();
        let Some(at) = raw.at else {
            self.report(
                span,
                "a `[[conflicts]]` table needs `at`, the field in conflict",
            );
            return None;
        };
        if crate::merge::FieldPath::parse(at.get_ref()).is_none() {
            let message = format!(
                "`at = {:?}` is not a field path such as \"evidence[E4].ratings.H2\"",
                at.get_ref()
            );
            self.report(at.span(), message);
            return None;
        }
        self.positions.conflicts.push(self.at(span));
        let text = |value: Option<toml::Value>| value.map(|v| v.to_string());
        Some(MergeConflict {
            at: at.into_inner(),
            base: text(raw.base),
            ours: text(raw.ours),
            ours_by: raw.ours_by,
            theirs: text(raw.theirs),
            theirs_by: raw.theirs_by,
        })
    }

    fn hypothesis(
        &mut self,
        raw: Spanned<RawHypothesis>,
        ids: &mut HashMap<String, Range<usize>>,
    ) -> Option<(Hypothesis, Vec<Location>)> {
        let span = raw.span();
        let raw = raw.into_inner();
        let id = self.id(raw.id, span.clone(), "hypothesis", ids)?;
        let title = match raw.title {
            Some(title) => self.non_blank(title, "`title`"),
            None => {
                self.report(span, format!("hypothesis `{id}` has no `title`"));
                String::new()
            }
        };
        let mut hypothesis = Hypothesis::new(id, title);
        hypothesis.description = raw.description;
        hypothesis.prior = raw.prior.and_then(|p| self.probability(p, "prior"));
        hypothesis.probability = raw
            .probability
            .and_then(|p| self.probability(p, "probability"));
        hypothesis.set_aside = self.set_aside(raw.set_aside, raw.set_aside_reason);
        let mut indicators_at = Vec::with_capacity(raw.indicators.len());
        for indicator in raw.indicators {
            let at = self.at(indicator.span());
            if let Some(indicator) = self.indicator(indicator, &hypothesis.id) {
                hypothesis.indicators.push(indicator);
                indicators_at.push(at);
            }
        }
        Some((hypothesis, indicators_at))
    }

    /// `[[hypotheses.indicators]]`: `text` is required, `status` defaults
    /// to open, `expected_by` is a plain date.
    fn indicator(&mut self, raw: Spanned<RawIndicator>, hypothesis: &str) -> Option<Indicator> {
        let span = raw.span();
        let raw = raw.into_inner();
        let Some(text) = raw.text else {
            self.report(
                span,
                format!("an indicator of hypothesis `{hypothesis}` has no `text`"),
            );
            return None;
        };
        let mut indicator = Indicator::new(self.non_blank(text, "`text`"));
        indicator.expected_by = raw
            .expected_by
            .and_then(|date| self.plain_date(date, "expected_by"));
        indicator.status = raw.status.unwrap_or_default();
        Some(indicator)
    }

    /// `[judgement]`: `hypothesis` must name one of the matrix's, and
    /// `confidence` must be said (a judgement without it is not one ICD
    /// 203 accepts).
    fn judgement(
        &mut self,
        raw: Spanned<RawJudgement>,
        columns: &HashMap<String, usize>,
    ) -> Option<Judgement> {
        let span = raw.span();
        let raw = raw.into_inner();
        let Some(hypothesis) = raw.hypothesis else {
            self.report(
                span,
                "`[judgement]` needs `hypothesis`, the id of the hypothesis judged most likely",
            );
            return None;
        };
        if !columns.contains_key(hypothesis.get_ref()) {
            let message = format!(
                "`[judgement]` names `{}`, which is not a hypothesis in this matrix",
                hypothesis.get_ref()
            );
            self.report(hypothesis.span(), message);
            return None;
        }
        let Some(confidence) = raw.confidence else {
            self.report(
                span,
                "`[judgement]` needs `confidence` (low, moderate or high)",
            );
            return None;
        };
        Some(Judgement {
            hypothesis: hypothesis.into_inner(),
            confidence,
            estimate: raw.estimate,
            rationale: raw.rationale,
        })
    }

    fn evidence(
        &mut self,
        raw: Spanned<RawEvidence>,
        ids: &mut HashMap<String, Range<usize>>,
        columns: &HashMap<String, usize>,
        matrix: &mut Matrix,
    ) {
        let span = raw.span();
        let raw = raw.into_inner();
        let Some(id) = self.id(raw.id, span.clone(), "evidence", ids) else {
            return;
        };
        let summary = match raw.summary {
            Some(summary) => self.non_blank(summary, "`summary`"),
            None => {
                self.report(span.clone(), format!("evidence `{id}` has no `summary`"));
                String::new()
            }
        };
        let mut evidence = Evidence::new(id, summary);
        evidence.kind = raw.kind.unwrap_or_default();
        evidence.credibility = raw.credibility.unwrap_or_default();
        evidence.relevance = raw.relevance.unwrap_or_default();
        evidence.date = raw.date.and_then(|date| self.plain_date(date, "date"));
        evidence.notes = raw.notes;
        evidence.set_aside = self.set_aside(raw.set_aside, raw.set_aside_reason);
        let source_at = raw.source.as_ref().map(|source| self.at(source.span()));
        evidence.source = raw.source.and_then(|source| self.passage(source));
        let row = matrix.push_evidence(evidence);
        self.positions.evidence.push(self.at(span));
        self.positions.sources.push(source_at);
        for (hypothesis, rating) in raw.ratings {
            match columns.get(hypothesis.get_ref()) {
                Some(&column) => {
                    matrix.set_rating(row, column, Some(rating.into_inner().0));
                }
                None => self.report(
                    hypothesis.span(),
                    format!(
                        "rating for `{}`, which is not a hypothesis in this matrix",
                        hypothesis.get_ref()
                    ),
                ),
            }
        }
    }

    fn id(
        &mut self,
        id: Option<Spanned<String>>,
        table: Range<usize>,
        what: &str,
        seen: &mut HashMap<String, Range<usize>>,
    ) -> Option<String> {
        let Some(id) = id else {
            self.report(table, format!("{what} has no `id`"));
            return None;
        };
        let span = id.span();
        let id = id.into_inner();
        if !is_valid_id(&id) {
            self.report(
                span.clone(),
                format!("{what} id `{id}` may only use letters, digits, `_` and `-`"),
            );
        }
        if let Some(first) = seen.get(&id) {
            let first = self.at(first.clone());
            self.report(
                span,
                format!(
                    "duplicate {what} id `{id}` (first used at line {})",
                    first.line
                ),
            );
        } else {
            seen.insert(id.clone(), span);
        }
        // Kept even when invalid (the load fails anyway) so that ratings
        // naming it are not reported a second time as unknown.
        Some(id)
    }

    fn probability(&mut self, value: Spanned<f64>, key: &str) -> Option<Probability> {
        let probability = Probability::new(*value.get_ref());
        if probability.is_none() {
            let message = format!(
                "`{key}` must be a probability from 0 to 1, not {}",
                value.get_ref()
            );
            self.report(value.span(), message);
        }
        probability
    }

    fn likelihood(&mut self, raw: RawProbabilitySettings) -> LikelihoodOverrides {
        let mut table = LikelihoodOverrides::default();
        for (code, ratio) in raw.likelihood {
            let rating = match code.get_ref().parse::<Rating>() {
                Ok(rating) => rating,
                Err(unknown) => {
                    self.report(code.span(), format!("`likelihood`: {unknown}"));
                    continue;
                }
            };
            let value = *ratio.get_ref();
            if !(value.is_finite() && value > 0.0) {
                let message = format!(
                    "the likelihood ratio of `{rating}` must be a number greater than 0, not {value}"
                );
                self.report(ratio.span(), message);
                continue;
            }
            table.set(rating, Some(value));
        }
        table
    }

    /// `set_aside = true` with an optional `set_aside_reason`. A reason
    /// without the flag is refused: the item would count while the file
    /// seems to say why it does not, and a save would drop the reason.
    fn set_aside(
        &mut self,
        flag: Option<Spanned<bool>>,
        reason: Option<Spanned<String>>,
    ) -> SetAside {
        let aside = flag.as_ref().is_some_and(|flag| *flag.get_ref());
        let reason =
            reason.map(|reason| (reason.span(), self.non_blank(reason, "`set_aside_reason`")));
        match reason {
            Some((span, _)) if !aside => {
                self.report(
                    span,
                    "`set_aside_reason` needs `set_aside = true` beside it (or remove the reason)",
                );
                SetAside::Counted
            }
            reason if aside => SetAside::Aside {
                reason: reason.map(|(_, text)| text),
            },
            _ => SetAside::Counted,
        }
    }

    fn non_blank(&mut self, value: Spanned<String>, what: &str) -> String {
        if value.get_ref().trim().is_empty() {
            self.report(value.span(), format!("{what} is empty"));
        }
        value.into_inner()
    }

    fn passage(&mut self, raw: Spanned<RawPassage>) -> Option<Passage> {
        let span = raw.span();
        let raw = raw.into_inner();
        let (Some(document), Some(start), Some(end), Some(quote)) =
            (raw.document, raw.start, raw.end, raw.quote)
        else {
            self.report(
                span,
                "`source` needs all of `document`, `start`, `end` and `quote`",
            );
            return None;
        };
        if let Some(problem) = document_path_problem(document.get_ref()) {
            self.report(
                document.span(),
                format!("{problem}: `{}`", document.get_ref()),
            );
            return None;
        }
        let (start_at, end_at) = (*start.get_ref(), *end.get_ref());
        if start_at > end_at {
            self.report(
                end.span(),
                format!("`end` ({end_at}) is before `start` ({start_at})"),
            );
            return None;
        }
        let offset = |value: u64| usize::try_from(value).ok();
        let (Some(start_at), Some(end_at)) = (offset(start_at), offset(end_at)) else {
            self.report(end.span(), "`end` is too large for this machine");
            return None;
        };
        Some(Passage {
            document: document.into_inner(),
            start: start_at,
            end: end_at,
            quote,
        })
    }

    fn timestamp(&mut self, value: Spanned<Datetime>, key: &str) -> Option<DateTime<Utc>> {
        let span = value.span();
        let datetime = value.get_ref();
        let converted = to_utc(datetime);
        if converted.is_none() {
            let message = if datetime.time.and_then(|time| time.second) == Some(60) {
                // TOML allows a leap second; a UTC timestamp here cannot
                // hold one (chrono, like most systems, smears it).
                format!(
                    "`{key}` is a leap second (:60), which cannot be stored; use :59 or the next minute's :00"
                )
            } else if datetime.date.is_some()
                && datetime.time.is_some()
                && datetime.offset.is_some()
            {
                format!("`{key}` falls outside the years 0000 to 9999 once converted to UTC")
            } else {
                format!(
                    "`{key}` must be a date and time with an offset, such as 2026-02-10T09:00:00Z"
                )
            };
            self.report(span, message);
        }
        converted
    }

    fn plain_date(&mut self, value: Spanned<Datetime>, key: &str) -> Option<NaiveDate> {
        let span = value.span();
        let datetime = value.into_inner();
        let date = match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => to_naive_date(date),
            _ => None,
        };
        if date.is_none() {
            self.report(
                span,
                format!("`{key}` must be a plain date, such as 2024-09-06"),
            );
        }
        date
    }
}

fn to_naive_date(date: toml::value::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
}

fn to_utc(datetime: &Datetime) -> Option<DateTime<Utc>> {
    let (Some(date), Some(time), Some(offset)) = (datetime.date, datetime.time, datetime.offset)
    else {
        return None;
    };
    let time = NaiveTime::from_hms_nano_opt(
        time.hour.into(),
        time.minute.into(),
        time.second.unwrap_or(0).into(),
        time.nanosecond.unwrap_or(0),
    )?;
    let local = to_naive_date(date)?.and_time(time);
    let minutes = match offset {
        Offset::Z => 0,
        Offset::Custom { minutes } => i32::from(minutes),
    };
    let zone = FixedOffset::east_opt(minutes * 60)?;
    let utc = zone
        .from_local_datetime(&local)
        .single()?
        .with_timezone(&Utc);
    // Kept in UTC, the time must still be writable as TOML, whose years run
    // from 0000 to 9999: 0000-01-01T00:00:00+01:00 would become year -1.
    (0..=9999)
        .contains(&chrono::Datelike::year(&utc))
        .then_some(utc)
}

//! The matrix file exactly as serde reads it, before validation.
//!
//! Values that a later check may need to point at are wrapped in
//! [`Spanned`] so every error can name its line and column. Unknown keys are
//! refused here (`deny_unknown_fields`) so a typo such as `credibilty` is an
//! error rather than a silently ignored field.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;
use toml::value::Datetime;

use crate::model::{Confidence, Estimative, EvidenceKind, IndicatorStatus, Level, Rating};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMatrix {
    pub schema: Option<Spanned<i64>>,
    pub title: Option<Spanned<String>>,
    pub question: Option<String>,
    pub analyst: Option<String>,
    pub created: Option<Spanned<Datetime>>,
    pub updated: Option<Spanned<Datetime>>,
    /// Whether the hypotheses cover every possibility (probabilities).
    pub exhaustive: Option<bool>,
    /// `[probability]`: settings of the probability model.
    pub probability: Option<RawProbabilitySettings>,
    #[serde(default)]
    pub hypotheses: Vec<Spanned<RawHypothesis>>,
    #[serde(default)]
    pub evidence: Vec<Spanned<RawEvidence>>,
    #[serde(default)]
    pub conflicts: Vec<Spanned<RawConflict>>,
    /// `[judgement]`: the analyst's own conclusion (issue 11).
    pub judgement: Option<Spanned<RawJudgement>>,
}

/// `[judgement]`: the hypothesis the analyst judges most likely, with
/// confidence, ICD 203 words and a rationale.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawJudgement {
    pub hypothesis: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "word")]
    pub confidence: Option<Confidence>,
    #[serde(default, deserialize_with = "word")]
    pub estimate: Option<Estimative>,
    pub rationale: Option<String>,
}

/// `[[hypotheses.indicators]]`: one milestone to watch.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub text: Option<Spanned<String>>,
    pub expected_by: Option<Spanned<Datetime>>,
    #[serde(default, deserialize_with = "word")]
    pub status: Option<IndicatorStatus>,
}

/// A field a merge left with two values (see `crate::merge`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConflict {
    pub at: Option<Spanned<String>>,
    pub base: Option<toml::Value>,
    pub ours: Option<toml::Value>,
    pub ours_by: Option<String>,
    pub theirs: Option<toml::Value>,
    pub theirs_by: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHypothesis {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub description: Option<String>,
    /// Probabilities: checked to lie within 0…1 by the validator.
    pub prior: Option<Spanned<f64>>,
    pub probability: Option<Spanned<f64>>,
    /// Set aside: kept but left out of the ranking (see `SetAside`).
    pub set_aside: Option<Spanned<bool>>,
    pub set_aside_reason: Option<Spanned<String>>,
    /// Indicators to watch (Heuer's step 8).
    #[serde(default)]
    pub indicators: Vec<Spanned<RawIndicator>>,
}

/// `[probability]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProbabilitySettings {
    /// Rating code → likelihood ratio, in file order; the validator checks
    /// the codes and that each ratio is > 0.
    #[serde(default, deserialize_with = "entries")]
    pub likelihood: Vec<(Spanned<String>, Spanned<f64>)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    pub id: Option<Spanned<String>>,
    pub summary: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "word")]
    pub kind: Option<EvidenceKind>,
    #[serde(default, deserialize_with = "word")]
    pub credibility: Option<Level>,
    #[serde(default, deserialize_with = "word")]
    pub relevance: Option<Level>,
    pub date: Option<Spanned<Datetime>>,
    pub notes: Option<String>,
    #[serde(default, deserialize_with = "entries")]
    pub ratings: Vec<(Spanned<String>, Spanned<RawRating>)>,
    pub source: Option<Spanned<RawPassage>>,
    /// Set aside: kept but left out of every score (see `SetAside`).
    pub set_aside: Option<Spanned<bool>>,
    pub set_aside_reason: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPassage {
    pub document: Option<Spanned<String>>,
    pub start: Option<Spanned<u64>>,
    pub end: Option<Spanned<u64>>,
    pub quote: Option<String>,
}

/// A rating read through [`FromStr`], so an unknown word gets the model's
/// message ("expected CC, C, N, NA, I or II") at the value's position.
pub struct RawRating(pub Rating);

impl<'de> Deserialize<'de> for RawRating {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        parse_word(deserializer).map(RawRating)
    }
}

/// Only `schema`, read when the full read fails, so that a file from a newer
/// build is reported as such rather than as a list of unknown keys.
#[derive(Deserialize)]
pub struct SchemaOnly {
    pub schema: Option<Spanned<i64>>,
}

/// The entries of a TOML table in file order, without building a map: the
/// validator only walks them, and a map per evidence item was a tenth of
/// the time a 50 × 5,000 matrix took to load. (TOML itself refuses a key
/// written twice.)
fn entries<'de, D, K, V>(deserializer: D) -> Result<Vec<(K, V)>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de>,
    V: Deserialize<'de>,
{
    struct Entries<K, V>(PhantomData<(K, V)>);

    impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Entries<K, V> {
        type Value = Vec<(K, V)>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a table of ratings, such as { H1 = \"C\", H2 = \"II\" }")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(entries)
        }
    }

    deserializer.deserialize_map(Entries(PhantomData))
}

fn word<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: std::fmt::Display,
{
    parse_word(deserializer).map(Some)
}

fn parse_word<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: std::fmt::Display,
{
    let word = String::deserialize(deserializer)?;
    word.parse().map_err(serde::de::Error::custom)
}

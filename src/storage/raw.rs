//! The matrix file exactly as serde reads it, before validation.
//!
//! Values that a later check may need to point at are wrapped in
//! [`Spanned`] so every error can name its line and column. Unknown keys are
//! refused here (`deny_unknown_fields`) so a typo such as `credibilty` is an
//! error rather than a silently ignored field.

use std::collections::BTreeMap;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};
use toml::Spanned;
use toml::value::Datetime;

use crate::model::{EvidenceKind, Level, Rating};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMatrix {
    pub schema: Option<Spanned<i64>>,
    pub title: Option<Spanned<String>>,
    pub question: Option<String>,
    pub analyst: Option<String>,
    pub created: Option<Spanned<Datetime>>,
    pub updated: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub hypotheses: Vec<Spanned<RawHypothesis>>,
    #[serde(default)]
    pub evidence: Vec<Spanned<RawEvidence>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHypothesis {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub description: Option<String>,
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
    #[serde(default)]
    pub ratings: BTreeMap<Spanned<String>, Spanned<RawRating>>,
    pub source: Option<Spanned<RawPassage>>,
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

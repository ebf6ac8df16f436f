//! Where a passage's quote is now, when its document's bytes at
//! `start..end` no longer hold it (a re-imported page, a corrected text).
//!
//! Tried in order, most certain first: the exact quote elsewhere; the quote
//! once whitespace runs and typographic quotes are normalised on both
//! sides; the most similar stretch of the same number of words; lost. Only
//! a single exact or normalised match is certain enough to re-anchor
//! without asking.

use std::ops::Range;

/// Where a quote was found, and how sure that is.
#[derive(Debug, Clone, PartialEq)]
pub enum Relocation {
    /// The quote, byte for byte, at `range`; `count` places in all.
    Exact { range: Range<usize>, count: usize },
    /// The quote once whitespace and quotes are normalised, at `range` (the
    /// document's own bytes there differ in spacing or quote marks);
    /// `count` places in all.
    Normalised { range: Range<usize>, count: usize },
    /// The most similar stretch, `similarity` from 0 to 1 (normalised
    /// Levenshtein over characters).
    Fuzzy {
        range: Range<usize>,
        similarity: f64,
    },
    /// Nothing similar enough: the quote stays as the evidence's text.
    Lost,
}

/// Below this similarity a stretch is not offered as the quote.
pub const FUZZY_THRESHOLD: f64 = 0.6;

/// Documents larger than this are not searched for a fuzzy match, which
/// costs time in proportion to the document's words.
pub const FUZZY_MAX_BYTES: usize = 8 * 1024 * 1024;

impl Relocation {
    /// Certain enough to re-anchor without asking: one exact or one
    /// normalised match.
    pub fn is_certain(&self) -> bool {
        matches!(
            self,
            Relocation::Exact { count: 1, .. } | Relocation::Normalised { count: 1, .. }
        )
    }

    /// Where the quote is now, if anywhere.
    pub fn range(&self) -> Option<Range<usize>> {
        match self {
            Relocation::Exact { range, .. }
            | Relocation::Normalised { range, .. }
            | Relocation::Fuzzy { range, .. } => Some(range.clone()),
            Relocation::Lost => None,
        }
    }
}

/// Finds `quote` in `document`.
pub fn relocate(document: &str, quote: &str) -> Relocation {
    if quote.trim().is_empty() {
        return Relocation::Lost;
    }
    let mut exact = document.match_indices(quote);
    if let Some((start, _)) = exact.next() {
        return Relocation::Exact {
            range: start..start + quote.len(),
            count: 1 + exact.count(),
        };
    }
    let (normal_document, offsets) = normalise(document);
    let (normal_quote, _) = normalise(quote);
    let normal_quote = normal_quote.trim();
    if !normal_quote.is_empty() {
        let mut found = normal_document.match_indices(normal_quote);
        if let Some((start, _)) = found.next() {
            let end = start + normal_quote.len();
            return Relocation::Normalised {
                range: offsets[start]..offsets[end],
                count: 1 + found.count(),
            };
        }
    }
    if document.len() > FUZZY_MAX_BYTES {
        return Relocation::Lost;
    }
    best_fuzzy(document, quote)
}

/// `text` with every whitespace run made one space and typographic quotes
/// and apostrophes made ASCII, and for each byte of the result (and its
/// end) the offset of the byte of `text` it came from.
fn normalise(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    for (offset, c) in text.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                offsets.push(offset);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        let c = match c {
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            other => other,
        };
        let before = out.len();
        out.push(c);
        offsets.extend(std::iter::repeat_n(offset, out.len() - before));
    }
    offsets.push(text.len());
    (out, offsets)
}

/// The stretch of as many words as the quote most like it: windows are
/// ranked by shared words (cheap, one pass), the best few by edit distance.
fn best_fuzzy(document: &str, quote: &str) -> Relocation {
    let words: Vec<Range<usize>> = word_ranges(document);
    let quote_words: Vec<&str> = quote.split_whitespace().collect();
    let n = quote_words.len();
    if n == 0 || words.len() < n {
        return Relocation::Lost;
    }
    use std::collections::HashMap;
    let mut wanted: HashMap<&str, i64> = HashMap::new();
    for word in &quote_words {
        *wanted.entry(word).or_default() += 1;
    }
    // Shared words of the window starting at each word, kept incrementally.
    let mut have: HashMap<&str, i64> = HashMap::new();
    let mut shared: i64 = 0;
    fn add<'d>(
        wanted: &HashMap<&str, i64>,
        have: &mut HashMap<&'d str, i64>,
        word: &'d str,
        sign: i64,
        shared: &mut i64,
    ) {
        let Some(&want) = wanted.get(word) else {
            return;
        };
        let count = have.entry(word).or_default();
        let before = (*count).min(want);
        *count += sign;
        *shared += (*count).min(want) - before;
    }
    let mut candidates: Vec<(i64, usize)> = Vec::new();
    for (index, range) in words.iter().enumerate() {
        add(&wanted, &mut have, &document[range.clone()], 1, &mut shared);
        if index >= n {
            add(
                &wanted,
                &mut have,
                &document[words[index - n].clone()],
                -1,
                &mut shared,
            );
        }
        if index + 1 >= n {
            candidates.push((shared, index + 1 - n));
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut best: Option<(f64, Range<usize>)> = None;
    for &(_, first) in candidates.iter().take(8) {
        let range = words[first].start..words[first + n - 1].end;
        let similarity = strsim::normalized_levenshtein(&document[range.clone()], quote);
        if best.as_ref().is_none_or(|(score, _)| similarity > *score) {
            best = Some((similarity, range));
        }
    }
    match best {
        Some((similarity, range)) if similarity >= FUZZY_THRESHOLD => {
            Relocation::Fuzzy { range, similarity }
        }
        _ => Relocation::Lost,
    }
}

fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (offset, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(offset),
            (true, Some(from)) => {
                ranges.push(from..offset);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        ranges.push(from..text.len());
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DOCUMENT: &str = "Preface added later.\nThe port closed on Monday.  Officials said\n“repairs will take weeks”. The port closed on Monday.\n";

    #[test]
    fn an_exact_quote_elsewhere_is_found_and_counted() {
        let found = relocate(DOCUMENT, "Officials said");
        assert_eq!(
            found,
            Relocation::Exact {
                range: 49..63,
                count: 1
            }
        );
        assert_eq!(&DOCUMENT[49..63], "Officials said");
        assert!(found.is_certain());
        let twice = relocate(DOCUMENT, "The port closed on Monday.");
        assert!(matches!(twice, Relocation::Exact { count: 2, .. }));
        assert!(!twice.is_certain());
    }

    #[test]
    fn whitespace_and_quote_marks_are_normalised() {
        let found = relocate(DOCUMENT, "Officials said \"repairs will take weeks\".");
        let range = found.range().unwrap();
        assert_eq!(
            &DOCUMENT[range],
            "Officials said\n“repairs will take weeks”."
        );
        assert!(matches!(found, Relocation::Normalised { count: 1, .. }));
        assert!(found.is_certain());
    }

    #[test]
    fn a_reworded_quote_is_a_fuzzy_match_with_its_similarity() {
        let found = relocate(DOCUMENT, "Officials said repairs would take weeks.");
        let Relocation::Fuzzy { range, similarity } = &found else {
            panic!("{found:?}")
        };
        assert_eq!(
            &DOCUMENT[range.clone()],
            "Officials said\n“repairs will take weeks”."
        );
        assert!((0.6..1.0).contains(similarity), "{similarity}");
        assert!(!found.is_certain());
    }

    #[test]
    fn an_unrelated_quote_is_lost() {
        assert_eq!(
            relocate(DOCUMENT, "Nothing like this at all, zebra."),
            Relocation::Lost
        );
        assert_eq!(relocate(DOCUMENT, "  "), Relocation::Lost);
    }

    proptest! {
        /// Every range found is on character boundaries of the document,
        /// and an exact match is the quote itself.
        #[test]
        fn ranges_are_inside_the_document(document in "[a-c “”' \n]{0,60}", quote in "[a-c “”' \n]{1,12}") {
            let found = relocate(&document, &quote);
            if let Some(range) = found.range() {
                prop_assert!(document.get(range.clone()).is_some());
                if let Relocation::Exact { .. } = found {
                    prop_assert_eq!(&document[range], quote.as_str());
                }
            }
        }
    }
}

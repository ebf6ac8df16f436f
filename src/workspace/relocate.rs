//! Where a passage's quote is now, when its document's bytes at
//! `start..end` no longer hold it (a re-imported page, a corrected text).
//!
//! Tried in order, most certain first: the exact quote elsewhere; the quote
//! once whitespace runs and typographic quotes are normalised on both
//! sides; the most similar stretch of the same number of words; lost. Only
//! a single exact or normalised match is certain enough to re-anchor
//! without asking.

use std::cell::OnceCell;
use std::collections::HashMap;
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

/// Finds `quote` in `document`. To look for several quotes in one
/// document, prepare it once with [`Relocator`].
pub fn relocate(document: &str, quote: &str) -> Relocation {
    Relocator::new(document.to_owned()).find(quote)
}

/// A document prepared for finding quotes in it: the normalised text and
/// the word index are built on first need and kept, so that `ach check`
/// on a matrix with many moved passages reads and indexes each document
/// once instead of once per passage (a 1 MB document took 20 ms a quote).
pub struct Relocator {
    text: String,
    normal: OnceCell<(String, Vec<usize>)>,
    words: OnceCell<Words>,
}

/// The document's words as numbers, so that a window's shared words are
/// counted with array look-ups instead of hashing every word again.
struct Words {
    ranges: Vec<Range<usize>>,
    ids: Vec<u32>,
    vocabulary: HashMap<String, u32>,
}

impl Relocator {
    /// Prepares `text`; nothing is computed until a quote is looked for.
    pub fn new(text: String) -> Self {
        Self {
            text,
            normal: OnceCell::new(),
            words: OnceCell::new(),
        }
    }

    /// The document's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where `quote` is in the document, most certain match first.
    pub fn find(&self, quote: &str) -> Relocation {
        if quote.trim().is_empty() {
            return Relocation::Lost;
        }
        let mut exact = self.text.match_indices(quote);
        if let Some((start, _)) = exact.next() {
            return Relocation::Exact {
                range: start..start + quote.len(),
                count: 1 + exact.count(),
            };
        }
        let (normal_document, offsets) = self.normal.get_or_init(|| normalise(&self.text));
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
        if self.text.len() > FUZZY_MAX_BYTES {
            return Relocation::Lost;
        }
        self.best_fuzzy(quote)
    }

    /// The stretch of as many words as the quote most like it: windows
    /// are ranked by shared words (cheap, one pass), the best few by edit
    /// distance.
    fn best_fuzzy(&self, quote: &str) -> Relocation {
        let words = self.words.get_or_init(|| Words::of(&self.text));
        let quote_words: Vec<&str> = quote.split_whitespace().collect();
        let n = quote_words.len();
        if n == 0 || words.ranges.len() < n {
            return Relocation::Lost;
        }
        // How often the quote has each of its words, by the word's number;
        // words the document never has cannot be shared and are dropped.
        let mut wanted: HashMap<u32, i64> = HashMap::new();
        for word in &quote_words {
            if let Some(&id) = words.vocabulary.get(*word) {
                *wanted.entry(id).or_default() += 1;
            }
        }
        let (ids, want): (Vec<u32>, Vec<i64>) = wanted.into_iter().unzip();
        // The slot in `want` of each of the document's words (usize::MAX:
        // not in the quote), through a table as long as the vocabulary.
        let mut slot_of_id = vec![usize::MAX; words.vocabulary.len()];
        for (slot, &id) in ids.iter().enumerate() {
            slot_of_id[id as usize] = slot;
        }
        // Shared words of the window starting at each word, kept
        // incrementally.
        let mut have = vec![0i64; want.len()];
        let mut shared: i64 = 0;
        let mut add = |id: u32, sign: i64, shared: &mut i64| {
            let slot = slot_of_id[id as usize];
            if slot == usize::MAX {
                return;
            }
            let before = have[slot].min(want[slot]);
            have[slot] += sign;
            *shared += have[slot].min(want[slot]) - before;
        };
        let mut candidates: Vec<(i64, usize)> = Vec::with_capacity(words.ids.len() + 1 - n);
        for (index, &id) in words.ids.iter().enumerate() {
            add(id, 1, &mut shared);
            if index >= n {
                add(words.ids[index - n], -1, &mut shared);
            }
            if index + 1 >= n {
                candidates.push((shared, index + 1 - n));
            }
        }
        // Most shared words first, then the earliest; only the best few are
        // measured by edit distance, so only they are put in order.
        let order = |a: &(i64, usize), b: &(i64, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        let few = FUZZY_CANDIDATES.min(candidates.len());
        if few < candidates.len() {
            candidates.select_nth_unstable_by(few, order);
            candidates.truncate(few);
        }
        candidates.sort_by(order);
        let mut best: Option<(f64, Range<usize>)> = None;
        for &(_, first) in &candidates {
            let range = words.ranges[first].start..words.ranges[first + n - 1].end;
            let similarity = strsim::normalized_levenshtein(&self.text[range.clone()], quote);
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
}

/// How many of the windows sharing the most words are compared by edit
/// distance.
const FUZZY_CANDIDATES: usize = 8;

impl Words {
    fn of(text: &str) -> Self {
        let ranges = word_ranges(text);
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let ids = ranges
            .iter()
            .map(|range| {
                let next = vocabulary.len() as u32;
                *vocabulary
                    .entry(text[range.clone()].to_owned())
                    .or_insert(next)
            })
            .collect();
        Self {
            ranges,
            ids,
            vocabulary,
        }
    }
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

    /// The fuzzy search as first written: every window's shared words by
    /// hashing, every window sorted. The prepared [`Relocator`] must find
    /// exactly what it finds.
    fn reference_fuzzy(document: &str, quote: &str) -> Relocation {
        let words = word_ranges(document);
        let quote_words: Vec<&str> = quote.split_whitespace().collect();
        let n = quote_words.len();
        if n == 0 || words.len() < n {
            return Relocation::Lost;
        }
        let shared_in = |first: usize| {
            let mut wanted: HashMap<&str, i64> = HashMap::new();
            for word in &quote_words {
                *wanted.entry(word).or_default() += 1;
            }
            let mut shared = 0;
            for range in &words[first..first + n] {
                if let Some(count) = wanted.get_mut(&document[range.clone()])
                    && *count > 0
                {
                    *count -= 1;
                    shared += 1;
                }
            }
            shared
        };
        let mut candidates: Vec<(i64, usize)> = (0..=words.len() - n)
            .map(|first| (shared_in(first), first))
            .collect();
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut best: Option<(f64, Range<usize>)> = None;
        for &(_, first) in candidates.iter().take(FUZZY_CANDIDATES) {
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

    #[test]
    fn one_prepared_document_serves_many_quotes() {
        let document = Relocator::new(DOCUMENT.to_owned());
        assert!(matches!(
            document.find("Officials said repairs would take weeks."),
            Relocation::Fuzzy { .. }
        ));
        assert!(matches!(
            document.find("Officials said \"repairs will take weeks\"."),
            Relocation::Normalised { count: 1, .. }
        ));
        assert_eq!(
            document.find("Officials said repairs would take weeks."),
            relocate(DOCUMENT, "Officials said repairs would take weeks.")
        );
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

        /// A document prepared once finds each of several quotes as the
        /// first, unprepared search did: nothing carries over from one
        /// quote to the next, and the word numbering changes no ranking.
        #[test]
        fn a_prepared_document_finds_what_the_plain_search_found(
            document in "(aa|ab|b|c|“a”|\\.)( |\n|  )(aa|ab|b|c|“a”|\\.)( (aa|ab|b|c|\\.)){0,40}",
            quotes in proptest::collection::vec("(aa|ab|b|c|\"a\"|x)( (aa|ab|b|c|x)){0,5}", 1..6),
        ) {
            let prepared = Relocator::new(document.clone());
            for quote in &quotes {
                let found = prepared.find(quote);
                if let Relocation::Fuzzy { .. } | Relocation::Lost = found {
                    prop_assert_eq!(&found, &reference_fuzzy(&document, quote), "quote {:?}", quote);
                } else {
                    prop_assert_eq!(&found, &relocate(&document, quote));
                }
            }
        }
    }
}

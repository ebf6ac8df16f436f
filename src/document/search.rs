//! Finding a literal query in a document, with smart case.

use std::ops::Range;

use regex::RegexBuilder;

/// Why a query cannot be searched for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// The query compiles to more than the matcher's size limit.
    #[error("the search text is too long")]
    TooLong,
}

/// Every match of one query in one text, found in a single pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    query: String,
    case_sensitive: bool,
    matches: Vec<Range<usize>>,
}

/// One match, as the reader jumps to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    /// Which match, from 0, of [`Search::count`].
    pub index: usize,
    /// Its bytes in the text.
    pub range: Range<usize>,
    /// The search went past the end (or start) of the text to find it.
    pub wrapped: bool,
}

/// All matches of `query` in `text`: the query is literal text (no pattern
/// syntax) and smart case — case-insensitive unless it holds an upper-case
/// letter. Matches do not overlap; an empty query matches nothing.
pub fn search(text: &str, query: &str) -> Result<Search, SearchError> {
    let finder = Finder::new(query)?;
    Ok(Search {
        query: query.to_owned(),
        case_sensitive: finder.case_sensitive,
        matches: finder.ranges(text).collect(),
    })
}

/// One query made ready for many texts (every title of the library, say),
/// matching as [`search`] does.
#[derive(Debug, Clone)]
pub struct Finder {
    /// `None` for an empty query, which matches nothing.
    matcher: Option<regex::Regex>,
    case_sensitive: bool,
}

impl Finder {
    /// The finder of `query`: literal, smart case, any whitespace run a
    /// space.
    pub fn new(query: &str) -> Result<Finder, SearchError> {
        let case_sensitive = query.chars().any(char::is_uppercase);
        let matcher = (!query.is_empty())
            .then(|| {
                RegexBuilder::new(&pattern_of(query))
                    .case_insensitive(!case_sensitive)
                    .build()
                    .map_err(|_| SearchError::TooLong)
            })
            .transpose()?;
        Ok(Finder {
            matcher,
            case_sensitive,
        })
    }

    /// Whether the query is in `text`.
    pub fn is_in(&self, text: &str) -> bool {
        self.matcher.as_ref().is_some_and(|m| m.is_match(text))
    }

    /// Where the query is in `text`, in text order, not overlapping.
    pub fn ranges<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        self.matcher
            .iter()
            .flat_map(move |m| m.find_iter(text).map(|found| found.range()))
    }
}

/// What a run of whitespace in a query matches: any run of whitespace in
/// the text (spaces, U+00A0, U+2009, tabs, a line break inside a
/// paragraph), but not a blank line, which ends a paragraph.
const ANY_SPACE: &str = r"(?:[\s&&[^\n]]+(?:\n[\s&&[^\n]]*)?|\n[\s&&[^\n]]*)";

/// The query as a pattern: its text literal, each run of whitespace in it
/// matching any run of whitespace in the text.
fn pattern_of(query: &str) -> String {
    let mut pattern = String::new();
    let mut literal = String::new();
    let mut space = String::new();
    let flush_space = |pattern: &mut String, space: &mut String| {
        if !space.is_empty() {
            // A query that itself spans a blank line matches across one.
            let breaks = space.matches('\n').count();
            pattern.push_str(if breaks > 1 { r"\s+" } else { ANY_SPACE });
            space.clear();
        }
    };
    for c in query.chars() {
        if c.is_whitespace() {
            if space.is_empty() {
                pattern.push_str(&regex::escape(&literal));
                literal.clear();
            }
            space.push(c);
        } else {
            flush_space(&mut pattern, &mut space);
            literal.push(c);
        }
    }
    flush_space(&mut pattern, &mut space);
    pattern.push_str(&regex::escape(&literal));
    pattern
}

/// `text` with every run of whitespace as one space, so that the library
/// filter treats a no-break space, a thin space or a tab as a space, as
/// the reader's search does.
pub fn spaces_as_one(text: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| !c.is_whitespace() || c == ' ';
    if text.chars().all(plain) && !text.contains("  ") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    std::borrow::Cow::Owned(out)
}

impl Search {
    /// The query searched for.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether case mattered (the query had an upper-case letter).
    pub fn is_case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    /// All matches, in text order.
    pub fn matches(&self) -> &[Range<usize>] {
        &self.matches
    }

    /// How many matches there are.
    pub fn count(&self) -> usize {
        self.matches.len()
    }

    /// The first match starting after byte `offset`, else (wrapping) the
    /// first match.
    pub fn next_after(&self, offset: usize) -> Option<SearchHit> {
        let index = self.matches.partition_point(|found| found.start <= offset);
        self.hit(index, false).or_else(|| self.hit(0, true))
    }

    /// The first match starting at or after byte `offset`, else (wrapping)
    /// the first match: where a new search from the cursor lands.
    pub fn first_from(&self, offset: usize) -> Option<SearchHit> {
        let index = self.matches.partition_point(|found| found.start < offset);
        self.hit(index, false).or_else(|| self.hit(0, true))
    }

    /// The last match starting before byte `offset`, else (wrapping) the
    /// last match.
    pub fn previous_before(&self, offset: usize) -> Option<SearchHit> {
        let index = self.matches.partition_point(|found| found.start < offset);
        match index.checked_sub(1) {
            Some(index) => self.hit(index, false),
            None => self.hit(self.matches.len().checked_sub(1)?, true),
        }
    }

    /// The matches that overlap `bytes`, e.g. the bytes on screen, to
    /// highlight.
    pub fn within(&self, bytes: Range<usize>) -> &[Range<usize>] {
        if bytes.is_empty() {
            return &[];
        }
        let first = self
            .matches
            .partition_point(|found| found.end <= bytes.start);
        let last = self
            .matches
            .partition_point(|found| found.start < bytes.end);
        &self.matches[first..last.max(first)]
    }

    fn hit(&self, index: usize, wrapped: bool) -> Option<SearchHit> {
        self.matches.get(index).map(|range| SearchHit {
            index,
            range: range.clone(),
            wrapped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The matches as (start, end) pairs.
    fn ranges(text: &str, query: &str) -> Vec<(usize, usize)> {
        search(text, query)
            .unwrap()
            .matches()
            .iter()
            .map(|found| (found.start, found.end))
            .collect()
    }

    #[test]
    fn any_run_of_whitespace_matches_a_space() {
        // Issue 8 item 3: `/using Baku` found nothing where the document
        // had a space and a no-break space.
        let text = "using \u{a0}Baku, using\u{2009}Baku, using\tBaku, using\nBaku, usingBaku";
        let found = ranges(text, "using Baku");
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(&text[found[0].0..found[0].1], "using \u{a0}Baku");
        assert_eq!(ranges("using  Baku", "using\u{a0}Baku"), [(0, 11)]);
    }

    #[test]
    fn a_blank_line_ends_the_match() {
        assert!(ranges("using\n\nBaku", "using Baku").is_empty());
        assert_eq!(ranges("using\n \nBaku", "using\n\nBaku"), [(0, 12)]);
        assert_eq!(ranges("using \r\n Baku", "using Baku"), [(0, 13)]);
    }

    #[test]
    fn query_text_stays_literal_around_spaces() {
        assert_eq!(ranges("a.b c*d", "a.b c*d"), [(0, 7)]);
        assert!(ranges("axb c*d", "a.b c*d").is_empty());
    }

    #[test]
    fn whitespace_runs_become_one_space() {
        assert_eq!(spaces_as_one("a\u{a0} b\tc"), "a b c");
        assert!(matches!(
            spaces_as_one("a b"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn lower_case_queries_ignore_case() {
        let text = "The cat. the CAT. Thé";
        assert_eq!(ranges(text, "the"), [(0, 3), (9, 12)]);
        assert_eq!(ranges(text, "cat"), [(4, 7), (13, 16)]);
        assert!(!search(text, "cat").unwrap().is_case_sensitive());
    }

    #[test]
    fn an_upper_case_letter_makes_case_matter() {
        let text = "The cat. the CAT.";
        assert_eq!(ranges(text, "The"), [(0, 3)]);
        assert_eq!(ranges(text, "CAT"), [(13, 16)]);
        assert!(search(text, "CAT").unwrap().is_case_sensitive());
    }

    #[test]
    fn queries_are_literal() {
        assert_eq!(ranges("a.b axb (x) a+", "a.b"), [(0, 3)]);
        assert_eq!(ranges("a.b axb (x) a+", "(x)"), [(8, 11)]);
        assert_eq!(ranges("a.b axb (x) a+", "a+"), [(12, 14)]);
        assert_eq!(ranges(r"c:\dir \d", r"\d"), [(2, 4), (7, 9)]);
    }

    #[test]
    fn non_ascii_case_folding() {
        assert_eq!(ranges("ÉCOLE école", "école"), [(0, 6), (7, 13)]);
        assert_eq!(ranges("漢字 and 漢字", "漢字"), [(0, 6), (11, 17)]);
    }

    #[test]
    fn empty_query_and_no_match() {
        assert_eq!(search("text", "").unwrap().count(), 0);
        let none = search("text", "zzz").unwrap();
        assert_eq!(none.count(), 0);
        assert_eq!(none.next_after(0), None);
        assert_eq!(none.previous_before(0), None);
    }

    #[test]
    fn next_and_previous_wrap_around() {
        let found = search("ab ab ab", "ab").unwrap();
        assert_eq!(found.count(), 3);
        let hit = |index, start, wrapped| SearchHit {
            index,
            range: start..start + 2,
            wrapped,
        };
        assert_eq!(found.next_after(0), Some(hit(1, 3, false)));
        assert_eq!(found.next_after(6), Some(hit(0, 0, true)));
        assert_eq!(found.first_from(3), Some(hit(1, 3, false)));
        assert_eq!(found.first_from(7), Some(hit(0, 0, true)));
        assert_eq!(found.previous_before(3), Some(hit(0, 0, false)));
        assert_eq!(found.previous_before(0), Some(hit(2, 6, true)));
    }

    #[test]
    fn matches_within_a_range() {
        let found = search("ab ab ab ab", "ab").unwrap();
        assert_eq!(found.within(1..7), [0..2, 3..5, 6..8]);
        assert!(found.within(2..3).is_empty());
        assert!(found.within(4..4).is_empty());
    }

    proptest! {
        #[test]
        fn case_sensitive_matches_are_the_occurrences(
            text in "[abAB .\n漢]{0,80}",
            query in "[abAB.漢]{0,2}[AB][abAB.漢]{0,2}",
        ) {
            let expected: Vec<_> = text
                .match_indices(&query)
                .map(|(start, found)| (start, start + found.len()))
                .collect();
            prop_assert_eq!(ranges(&text, &query), expected);
        }

        #[test]
        fn lower_case_matches_are_the_occurrences_in_any_case(
            text in "[abAB .\n]{0,80}",
            query in "[ab.]{1,3}",
        ) {
            let lower = text.to_ascii_lowercase();
            let expected: Vec<_> = lower
                .match_indices(&query)
                .map(|(start, found)| (start, start + found.len()))
                .collect();
            prop_assert_eq!(ranges(&text, &query), expected);
        }
    }
}

//! Words for trimming a passage: a selection of whole sentences shrinks or
//! grows one word at a time at either end, so a quote can be cut to the
//! clause that bears on a hypothesis. Words are Unicode word segments
//! (UAX #29) holding a letter or digit: punctuation and spaces are never
//! words, so shrinking drops a trailing comma with its word's neighbour,
//! and an ideograph is a word of its own.
//!
//! Every function looks at the text lazily from the offset outwards, so a
//! step costs the distance to the next word, not the paragraph.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The end of the first word that ends after `from`.
pub fn next_word_end(text: &str, from: usize) -> Option<usize> {
    text.get(from..)?
        .split_word_bound_indices()
        .find(|(_, segment)| is_word(segment))
        .map(|(at, segment)| from + at + segment.len())
}

/// The end of the last word that ends before `before`.
pub fn previous_word_end(text: &str, before: usize) -> Option<usize> {
    text.get(..before)?
        .split_word_bound_indices()
        .rev()
        .find(|(at, segment)| is_word(segment) && at + segment.len() < before)
        .map(|(at, segment)| at + segment.len())
}

/// The start of the first word that starts after `from`.
pub fn next_word_start(text: &str, from: usize) -> Option<usize> {
    text.get(from..)?
        .split_word_bound_indices()
        .find(|(at, segment)| *at > 0 && is_word(segment))
        .map(|(at, _)| from + at)
}

/// The start of the last word that starts before `before`.
pub fn previous_word_start(text: &str, before: usize) -> Option<usize> {
    text.get(..before)?
        .split_word_bound_indices()
        .rev()
        .find(|(_, segment)| is_word(segment))
        .map(|(at, _)| at)
}

/// The word holding byte `at`, if a word does.
pub fn word_at(text: &str, at: usize) -> Option<Range<usize>> {
    let next = text.get(at..)?.chars().next()?;
    let start = previous_word_start(text, at + next.len_utf8())?;
    let end = next_word_end(text, start)?;
    (start..end).contains(&at).then_some(start..end)
}

/// The words from byte `from` to byte `to` (either order, both inclusive):
/// from the start of the first word touched to the end of the last, as a
/// mouse drag selects. `None` when no word lies between.
pub fn words_between(text: &str, from: usize, to: usize) -> Option<Range<usize>> {
    let (low, high) = (from.min(to), from.max(to));
    let start = match word_at(text, low) {
        Some(word) => word.start,
        None => next_word_start(text, low)?,
    };
    let high_end = high + text.get(high..)?.chars().next().map_or(0, char::len_utf8);
    let end = match word_at(text, high) {
        Some(word) => word.end,
        // The last word ending at or before the glyph under the mouse.
        None => text
            .get(..high_end)?
            .split_word_bound_indices()
            .rev()
            .find(|(_, segment)| is_word(segment))
            .map(|(at, segment)| at + segment.len())?,
    };
    (start < end).then_some(start..end)
}

/// `range` with its end one word further on (at most to the end of the
/// text; it may cross a paragraph's end, as a selection of sentences can).
pub fn extend_end(text: &str, range: &Range<usize>) -> Range<usize> {
    range.start..next_word_end(text, range.end).unwrap_or(range.end)
}

/// `range` with its last word dropped (and what followed the word before
/// it: spaces, punctuation); never emptier than one word.
pub fn shrink_end(text: &str, range: &Range<usize>) -> Range<usize> {
    match previous_word_end(text, range.end) {
        Some(end) if end > range.start => range.start..end,
        _ => range.clone(),
    }
}

/// `range` with its start one word further back.
pub fn extend_start(text: &str, range: &Range<usize>) -> Range<usize> {
    previous_word_start(text, range.start).unwrap_or(range.start)..range.end
}

/// `range` with its first word dropped (and what followed it); never
/// emptier than one word.
pub fn shrink_start(text: &str, range: &Range<usize>) -> Range<usize> {
    match next_word_start(text, range.start) {
        Some(start) if next_word_end(text, start).is_some_and(|end| end <= range.end) => {
            start..range.end
        }
        _ => range.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, range: Range<usize>) -> &str {
        &text[range]
    }

    #[test]
    fn the_end_moves_word_by_word_across_punctuation() {
        let text = "Baku will strike, not invade. Then";
        let all = 0..29;
        let shorter = shrink_end(text, &all);
        assert_eq!(quote(text, shorter.clone()), "Baku will strike, not invade");
        let shorter = shrink_end(text, &shorter);
        assert_eq!(quote(text, shorter.clone()), "Baku will strike, not");
        let shorter = shrink_end(text, &shorter);
        assert_eq!(quote(text, shorter.clone()), "Baku will strike");
        let longer = extend_end(text, &shorter);
        assert_eq!(quote(text, longer), "Baku will strike, not");
        // One word is as short as it gets.
        assert_eq!(shrink_end(text, &(0..4)), 0..4);
    }

    #[test]
    fn the_start_moves_word_by_word() {
        let text = "First, Baku will strike.";
        let all = 0..text.len();
        let later = shrink_start(text, &all);
        assert_eq!(quote(text, later.clone()), "Baku will strike.");
        assert_eq!(extend_start(text, &later), all);
        let last = shrink_start(text, &shrink_start(text, &later));
        assert_eq!(quote(text, last.clone()), "strike.");
        assert_eq!(shrink_start(text, &last), last);
    }

    #[test]
    fn multibyte_words_keep_their_bytes_whole() {
        let text = "Ərdoğan və Əliyev görüşdü; 漢字です";
        let all = 0..text.len();
        let mut range = all.clone();
        while shrink_end(text, &range) != range {
            range = shrink_end(text, &range);
            assert!(text.is_char_boundary(range.end));
        }
        assert_eq!(quote(text, range.clone()), "Ərdoğan");
        let back = extend_end(text, &range);
        assert_eq!(quote(text, back), "Ərdoğan və");
        let word = word_at(text, text.find('字').unwrap()).unwrap();
        assert!(!quote(text, word).is_empty());
    }

    #[test]
    fn extending_crosses_a_paragraph_end_and_stops_at_the_text_end() {
        let text = "End of one.\nStart of two";
        let first = 0..11;
        assert_eq!(quote(text, extend_end(text, &first)), "End of one.\nStart");
        let whole = 0..text.len();
        assert_eq!(extend_end(text, &whole), whole);
        assert_eq!(quote(text, shrink_end(text, &(0..17))), "End of one");
    }

    #[test]
    fn a_drag_selects_the_words_it_touches() {
        let text = "Baku will strike, not invade.";
        // From inside "will" to inside "not".
        let range = words_between(text, 6, 19).unwrap();
        assert_eq!(quote(text, range), "will strike, not");
        // Backwards, and ending on a space.
        let range = words_between(text, 16, 4).unwrap();
        assert_eq!(quote(text, range), "will strike");
        assert_eq!(words_between(text, 4, 4), None);
        // To the last byte of the text.
        let end = text.len() - 1;
        assert_eq!(quote(text, words_between(text, 22, end).unwrap()), "invade");
    }
}

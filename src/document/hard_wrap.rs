//! Hard-wrapped text: pdftotext output, 72-column e-mail, plain-text
//! reports filled to a fixed width. There a line ending is only where the
//! line got full; paragraphs are separated by blank lines, and a sentence
//! crosses single line breaks ("Officials expect to\nconclude by June.").
//!
//! Whether a document is hard-wrapped is recognised from its start, not
//! stored: the bytes are what they are, so the decision must not depend on
//! where the file came from. A document is hard-wrapped when most of its
//! non-blank lines run on into another non-blank line, those lines are
//! filled close to one width (at most [`MAX_WRAP_WIDTH`] columns), and
//! most of them stop mid-sentence. Text written a paragraph a line (the
//! bundled articles, most saved pages), lists and verse are not.
//!
//! Inside a hard-wrapped paragraph a line that starts like a list item
//! (`- `, `* `, `• `, `1. `, `2) `) still starts a paragraph of its own,
//! so an e-mail's bullet points stay separate sentences.

/// How much of the start of a document is looked at.
const SAMPLE_BYTES: usize = 64 * 1024;

/// Wider lines than this are paragraphs written on one line, not text
/// filled to a width (e-mail wraps at 72–78, pdftotext at the page's).
pub const MAX_WRAP_WIDTH: usize = 120;

/// Narrower text than this is a list or verse, not wrapped prose (a
/// column of a two-column page is still some 40 characters wide).
const MIN_WRAP_WIDTH: usize = 30;

/// Whether `text` is hard-wrapped, judged from its first 64 KiB.
pub fn is_hard_wrapped(text: &str) -> bool {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut sample = &text[..end];
    if end < text.len() {
        // Leave out the line the sample cuts through.
        sample = sample.rsplit_once('\n').map_or("", |(whole, _)| whole);
    }
    let lines: Vec<&str> = sample
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line).trim_end())
        .collect();
    let widths: Vec<usize> = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.chars().count())
        .collect();
    if widths.len() < 4 {
        return false;
    }
    let width = percentile_90(&widths);
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) {
        return false;
    }
    // Lines that run on into the next non-blank line: in wrapped prose,
    // nearly every line of a paragraph but its last.
    let running_on: Vec<&str> = lines
        .windows(2)
        .filter(|pair| {
            !pair[0].trim().is_empty() && !pair[1].trim().is_empty() && !starts_list_item(pair[1])
        })
        .map(|pair| pair[0])
        .collect();
    if running_on.len() < 3 || running_on.len() * 2 < widths.len() {
        return false;
    }
    let filled = running_on
        .iter()
        .filter(|line| line.chars().count() * 10 >= width * 6)
        .count();
    let ends_sentence = running_on
        .iter()
        .filter(|line| {
            line.trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with(['.', '!', '?', ':'])
        })
        .count();
    filled * 10 >= running_on.len() * 7 && ends_sentence * 2 < running_on.len()
}

/// The width most lines stay within: the 90th percentile, so a few long
/// lines (a URL, a heading) do not decide it.
fn percentile_90(widths: &[usize]) -> usize {
    let mut sorted = widths.to_vec();
    sorted.sort_unstable();
    sorted[(sorted.len() * 9 / 10).min(sorted.len() - 1)]
}

/// Whether `line` starts like an item of a list: a bullet (`-`, `*`, `•`,
/// `–`, `·`) or a number of up to three digits with `.` or `)`, then a
/// space.
pub fn starts_list_item(line: &str) -> bool {
    let line = line.trim_start();
    if let Some(rest) = line.strip_prefix(['-', '*', '•', '–', '·']) {
        return rest.starts_with([' ', '\t']);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
        && matches!(line.as_bytes().get(digits + 1), Some(b' ' | b'\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An e-mail body filled at 72 columns.
    const EMAIL: &str = "\
The harbour authority closed the port on Monday after the storm damaged
two cranes and the northern breakwater, officials said in a statement
to reporters gathered at the gate. Officials expect to
conclude by June, when the engineers will have assessed the damage.

Repairs are expected to take several weeks, and shipping companies have
begun to divert vessels to the neighbouring terminal while the work goes
on through the spring and into the early summer months this year.
";

    #[test]
    fn a_72_column_email_is_hard_wrapped() {
        assert!(is_hard_wrapped(EMAIL));
        assert!(is_hard_wrapped(&EMAIL.replace('\n', "\r\n")));
    }

    #[test]
    fn pdftotext_columns_are_hard_wrapped() {
        let column = "\
Shipping companies have begun to
divert vessels to the neighbouring
terminal while engineers assess the
damage to the northern breakwater.

The authority will publish a re-
port once the assessment is done,
officials said on Tuesday evening.
";
        assert!(is_hard_wrapped(column));
    }

    #[test]
    fn a_paragraph_a_line_is_not_hard_wrapped() {
        let line = "The harbour authority closed the port on Monday after the storm \
                    damaged two cranes and the northern breakwater, officials said.";
        let text = format!("Title\n\n{line}\n\n{line}\n{line}\n\n{line}\n");
        assert!(!is_hard_wrapped(&text));
        for seed in std::fs::read_dir("seeds").unwrap() {
            let path = seed.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(!is_hard_wrapped(&text), "{}", path.display());
            }
        }
    }

    #[test]
    fn lists_verse_and_short_texts_are_not_hard_wrapped() {
        let list = "Shopping\n- apples\n- pears\n- plums\n- a loaf of bread\n";
        assert!(!is_hard_wrapped(list));
        let verse = "\
The sea is calm tonight, the tide is full.
The moon lies fair upon the straits; on the French coast
The light gleams and is gone; the cliffs of England stand.
Glimmering and vast, out in the tranquil bay.
Come to the window, sweet is the night-air!
";
        assert!(!is_hard_wrapped(verse));
        assert!(!is_hard_wrapped("one\ntwo\n"));
        assert!(!is_hard_wrapped(""));
    }

    #[test]
    fn list_items_are_recognised() {
        for item in ["- a", "  * b", "• c", "1. d", "12) e", "– f"] {
            assert!(starts_list_item(item), "{item}");
        }
        for not in ["-a", "2024. The", "1.5 tonnes", "word", "", "1234. x"] {
            assert!(!starts_list_item(not), "{not}");
        }
    }

    #[test]
    fn the_sample_stops_at_a_whole_line() {
        let long = EMAIL.repeat(1000);
        assert!(long.len() > SAMPLE_BYTES);
        assert!(is_hard_wrapped(&long));
        let accented = "é".repeat(SAMPLE_BYTES);
        assert!(!is_hard_wrapped(&accented));
    }
}

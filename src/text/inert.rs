//! Making untrusted text inert before it reaches a terminal.
//!
//! Documents, matrix fields and file names are untrusted: an ESC byte in any
//! of them could otherwise retitle the window, move the cursor or recolour
//! the screen. Every control character is replaced by a visible stand-in,
//! and so is every explicit bidirectional control (U+202A–202E embeddings
//! and overrides, U+2066–2069 isolates), which could make a title or a
//! file name display reversed (the "Trojan Source" trick).

use std::borrow::Cow;

/// `text` with every control character (C0, DEL, C1) except newline and tab
/// replaced by a visible picture: ESC becomes `␛`, NUL `␀`, DEL `␡` and the
/// C1 controls `�`. Printable text, including right-to-left and combining
/// characters, is untouched.
pub fn inert(text: &str) -> Cow<'_, str> {
    replace_controls(text, |c| match c {
        '\n' | '\t' => Some(c),
        _ => None,
    })
}

/// Like [`inert`], for text shown on one line: newlines, carriage returns
/// and tabs become spaces as well.
pub fn one_line(text: &str) -> Cow<'_, str> {
    replace_controls(text, |c| match c {
        '\n' | '\r' | '\t' => Some(' '),
        _ => None,
    })
}

/// Whether `c` must not reach a terminal, CSV or HTML raw: a control
/// character or an explicit bidirectional control. Right-to-left letters
/// and the implicit marks (U+200E, U+200F) are ordinary text.
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// U+202A–202E (embeddings, overrides, pop) and U+2066–2069 (isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn replace_controls(text: &str, keep: impl Fn(char) -> Option<char>) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if !is_unsafe(c) {
                    return c;
                }
                keep(c).unwrap_or_else(|| picture(c))
            })
            .collect(),
    )
}

/// The Unicode "control picture" for a control character (U+FFFD for the
/// C1 and bidirectional controls, which have none).
pub(crate) fn picture(c: char) -> char {
    match c {
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(inert("a\u{1b}]0;pwned\u{7}b"), "a␛]0;pwned␇b");
        assert_eq!(inert("\u{9b}31m"), "\u{fffd}31m");
        assert_eq!(inert("x\u{7f}"), "x␡");
    }

    #[test]
    fn newlines_and_tabs_survive_inert_but_not_one_line() {
        assert_eq!(inert("a\nb\tc"), "a\nb\tc");
        assert_eq!(one_line("a\nb\tc\r"), "a b c ");
        assert_eq!(inert("a\rb"), "a␍b");
    }

    #[test]
    fn bidirectional_controls_become_visible_but_rtl_text_stays() {
        let reversed = "invoice\u{202e}fdp.exe \u{2066}x\u{2069} \u{202a}\u{202b}\u{202c}\u{202d}\u{2067}\u{2068}";
        let shown = inert(reversed);
        assert!(!shown.chars().any(is_bidi_control), "{shown}");
        assert_eq!(shown.chars().filter(|&c| c == '\u{fffd}').count(), 9);
        assert_eq!(one_line("\u{202e}a"), "\u{fffd}a");
        assert!(matches!(inert("עברית \u{200f}x"), Cow::Borrowed(_)));
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(inert("plain עברית 😀"), Cow::Borrowed(_)));
    }
}

/// JSON text from `serde_json` with DEL and the C1 controls (U+007F to
/// U+009F) escaped as `\u00XX` too. JSON only requires escaping U+0000 to
/// U+001F, so serde leaves these raw, and U+009B is an 8-bit CSI that some
/// terminals obey when the JSON is printed. Valid only for JSON text, where
/// such characters can stand only inside strings.
pub fn escape_json_controls(json: &str) -> Cow<'_, str> {
    let raw = |c: char| ('\u{7f}'..='\u{9f}').contains(&c);
    if !json.chars().any(raw) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod json_tests {
    use super::escape_json_controls;

    #[test]
    fn c1_controls_are_escaped_and_the_json_still_parses() {
        let json = serde_json::to_string(&"a\u{9b}31m\u{7f}b\u{1b}").unwrap();
        let escaped = escape_json_controls(&json);
        assert_eq!(escaped, "\"a\\u009b31m\\u007fb\\u001b\"");
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{9b}31m\u{7f}b\u{1b}");
    }
}

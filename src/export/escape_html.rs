//! Matrix text made literal in HTML.

use std::borrow::Cow;

/// `text` safe as HTML text content and as a quoted attribute value: the
/// five characters with meaning in HTML (`& < > " '`) become entities, so
/// no element, attribute or entity can come from matrix text. `\r\n` and a
/// lone `\r` become `\n`; other control characters (which HTML forbids)
/// are shown as their Unicode pictures, as in the terminal.
pub fn escape(text: &str) -> String {
    let text = normalise_line_breaks(text);
    let text = crate::text::inert(&text);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn normalise_line_breaks(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_entities() {
        assert_eq!(
            escape("<script>alert('x')</script> \" onmouseover=\" & &amp;"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot; onmouseover=&quot; &amp; &amp;amp;"
        );
    }

    #[test]
    fn line_breaks_are_normalised_and_controls_shown() {
        assert_eq!(escape("a\r\nb\rc\u{0}"), "a\nb\nc␀");
    }

    #[test]
    fn bidirectional_controls_are_shown_not_obeyed() {
        assert_eq!(escape("title\u{202e}gpj.exe"), "title\u{fffd}gpj.exe");
    }

    #[test]
    fn other_text_is_untouched() {
        assert_eq!(escape("😀 עברית | `x` =1"), "😀 עברית | `x` =1");
    }
}

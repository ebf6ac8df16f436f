//! Matrix text made literal in GitHub-flavoured Markdown.
//!
//! Hostile text must not create tables, links, images, HTML, code spans,
//! emphasis, headings, lists or quotes. No raw HTML is ever produced:
//! `<`, `>` and `&` become entities, and every other character that can
//! start a Markdown construct is backslash-escaped (CommonMark lets any
//! ASCII punctuation be escaped, and GFM tables honour `\|`). A line break
//! inside a one-line context (a table cell, a heading) becomes ` ↵ `.

/// What a line break turns into where the text must stay on one line.
pub const LINE_BREAK: &str = " ↵ ";

/// `text` escaped for one line of Markdown: a table cell, a heading, or the
/// rest of a line after a label or list marker. Line breaks become
/// [`LINE_BREAK`]; the result is also safe at the start of a line.
pub fn inline(text: &str) -> String {
    let lines = split_lines(text);
    escape_line(&lines.join(LINE_BREAK))
}

/// `text` as Markdown paragraphs: each line escaped so that it cannot start
/// a block of its own, lines joined by hard breaks, blank lines separating
/// paragraphs. Empty for blank text.
pub fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut in_paragraph = false;
    for line in split_lines(text) {
        let escaped = escape_line(line);
        if escaped.is_empty() {
            in_paragraph = false;
            continue;
        }
        if in_paragraph {
            // A backslash before the line break is CommonMark's hard break.
            out.push_str("\\\n");
        } else if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&escaped);
        in_paragraph = true;
    }
    out
}

/// `text` as a Markdown blockquote, every line escaped and prefixed with
/// `> `; blank lines stay inside the quote as `>`.
pub fn blockquote(text: &str) -> String {
    split_lines(text)
        .into_iter()
        .map(|line| {
            let escaped = escape_line(line);
            if escaped.is_empty() {
                ">".to_owned()
            } else {
                format!("> {escaped}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Splits at `\r\n`, `\n` and `\r`, the line endings CommonMark knows.
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['\n', '\r']) {
        lines.push(&rest[..at]);
        let skip = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[at + skip..];
    }
    lines.push(rest);
    lines
}

/// One line with no line breaks, escaped. Leading and trailing blanks are
/// dropped (Markdown ignores them, and leading ones could make an indented
/// code block). Control characters become their Unicode pictures, as in
/// the terminal (`␛`), so they neither vanish nor reach a terminal that
/// shows the Markdown.
fn escape_line(line: &str) -> String {
    let line = crate::text::inert(line);
    let line = line.trim_matches([' ', '\t']);
    let mut out = String::with_capacity(line.len() + line.len() / 8);
    let chars: Vec<char> = line.chars().collect();
    let start_marker = line_start_marker(&chars);
    for (at, &c) in chars.iter().enumerate() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // Code spans, emphasis, strikethrough, links and images,
            // headings, table cells, math ($) and mentions/emails (@).
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '#' | '|' | '$' | '@' => {
                out.push('\\');
                out.push(c);
            }
            // GFM autolinks `scheme://…` and `www.…` are recognised on the
            // raw text; an escaped `:` or `.` is not part of one.
            ':' if chars[at + 1..].starts_with(&['/', '/']) => out.push_str("\\:"),
            '.' if follows_www(&chars, at) => out.push_str("\\."),
            _ if Some(at) == start_marker => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The position of a character that would open a block (a list item, a
/// setext underline) if the line started a block: `-`, `+` or `=` first,
/// or the `.` / `)` after leading digits of an ordered list item.
fn line_start_marker(chars: &[char]) -> Option<usize> {
    match chars.first()? {
        '-' | '+' | '=' => Some(0),
        c if c.is_ascii_digit() => {
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            matches!(chars.get(digits), Some('.' | ')')).then_some(digits)
        }
        _ => None,
    }
}

/// Whether the three characters before `at` spell `www`, in any case.
fn follows_www(chars: &[char], at: usize) -> bool {
    at >= 3
        && chars[at - 3..at]
            .iter()
            .all(|c| c.eq_ignore_ascii_case(&'w'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_breakers_are_escaped() {
        assert_eq!(inline("a | b\nc"), "a \\| b ↵ c");
        assert_eq!(inline("`code` *em* _em_"), "\\`code\\` \\*em\\* \\_em\\_");
    }

    #[test]
    fn html_becomes_entities() {
        assert_eq!(
            inline("<script>alert(1)</script> & \" onmouseover=\""),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \" onmouseover=\""
        );
    }

    #[test]
    fn links_and_autolinks_are_broken() {
        assert_eq!(inline("[x](javascript:y)"), "\\[x\\](javascript:y)");
        assert_eq!(inline("see https://a.b"), "see https\\://a.b");
        assert_eq!(inline("WWW.example.com"), "WWW\\.example.com");
        assert_eq!(inline("me@example.com"), "me\\@example.com");
    }

    #[test]
    fn block_starters_are_escaped_at_line_starts() {
        assert_eq!(inline("# title"), "\\# title");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("12. item"), "12\\. item");
        assert_eq!(inline("12 items. Fine"), "12 items. Fine");
        assert_eq!(inline("    code"), "code");
        assert_eq!(paragraphs("a\n===\n\nb"), "a\\\n\\===\n\nb");
        assert_eq!(blockquote("> q\n\n1) x"), "> &gt; q\n>\n> 1\\) x");
    }

    #[test]
    fn controls_are_made_visible() {
        assert_eq!(inline("a\u{1b}[31mb\tc"), "a␛\\[31mb c");
    }

    #[test]
    fn emoji_and_rtl_pass_through() {
        assert_eq!(inline("😀 עברית العربية"), "😀 עברית العربية");
    }
}

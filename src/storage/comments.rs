//! Noticing comments in a matrix file. The writer lays the file out anew
//! and does not keep them, so the workbench asks before a save drops them.

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// Whether `text` holds a TOML comment (found by TOML's own lexer, so a `#`
/// inside a string is not mistaken for one).
///
/// Opening a matrix parses it once; this must not lex it a second time.
/// Every comment starts with a `#`, so a file without one is settled by a
/// byte search, and the lexer stops at the first comment or once it has
/// passed the last `#` (a header comment ends it on the first line).
pub fn has_comments(text: &str) -> bool {
    let Some(last_hash) = memchr::memrchr(b'#', text.as_bytes()) else {
        return false;
    };
    Source::new(text)
        .lex()
        .take_while(|token| token.span().start() <= last_hash)
        .any(|token| {
            let span = token.span();
            token.kind() == TokenKind::Comment
                && !crate::merge::NOTE.contains(&text[span.start()..span.end()].trim_end())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_but_not_hashes_in_strings() {
        assert!(has_comments("# note\nschema = 1\n"));
        assert!(has_comments("schema = 1 # trailing\n"));
        assert!(!has_comments(
            "title = \"issue #4\"\nquote = '''# not a comment'''\n"
        ));
    }

    #[test]
    fn a_comment_after_the_last_hash_in_a_string_is_found() {
        assert!(has_comments("title = \"issue #4\"\nschema = 1 # last\n"));
        assert!(has_comments("title = \"#\"\n#\n"));
        assert!(!has_comments("schema = 1\ntitle = \"no comment\"\n"));
        assert!(!has_comments("title = '''\n# in a literal string\n'''\n"));
    }

    #[test]
    fn the_merge_note_above_the_conflicts_is_not_the_analysts_comment() {
        let note = crate::merge::NOTE.join("\n");
        assert!(!has_comments(&format!(
            "schema = 1\n{note}\n[[conflicts]]\nat = \"title\"\n"
        )));
        assert!(has_comments(&format!("# mine\nschema = 1\n{note}\n")));
    }
}

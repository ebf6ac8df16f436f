//! Noticing comments in a matrix file. The writer lays the file out anew
//! and does not keep them, so the workbench asks before a save drops them.

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// Whether `text` holds a TOML comment (found by TOML's own lexer, so a `#`
/// inside a string is not mistaken for one).
pub fn has_comments(text: &str) -> bool {
    Source::new(text)
        .lex()
        .any(|token| token.kind() == TokenKind::Comment)
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
}

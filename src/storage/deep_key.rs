//! Finding the key that is nested too deep for the TOML reader.
//!
//! The `toml` crate refuses a dotted key of more parts than its recursion
//! limit (`[a.a.a…]` with 50,000 parts, say) with the bare message
//! "recursion limit" and no position, which the loader could only place
//! at 1:1. This finds the key itself with TOML's own parser (so a dot
//! inside a quoted key is not a separator), to say where it is and how
//! deep it goes.

use toml_parser::parser::{EventReceiver, parse_document};
use toml_parser::{ErrorSink, Source, Span};

/// The key with the most dotted parts in `text`: the byte offset where it
/// starts and its number of parts. `None` when `text` has no key of more
/// than one part. On a tie the first one wins, as the reader stops there.
pub(super) fn deepest_key(text: &str) -> Option<(usize, usize)> {
    let tokens = Source::new(text).lex().into_vec();
    let mut keys = Keys::default();
    parse_document(&tokens, &mut keys, &mut ());
    keys.close();
    keys.deepest.filter(|&(_, parts)| parts > 1)
}

/// Counts the parts of each key as the parser reports them: a key is
/// simple keys joined by key separators (whitespace may stand between);
/// any other event ends it.
#[derive(Default)]
struct Keys {
    /// The key being read: where it starts and its parts so far.
    current: Option<(usize, usize)>,
    /// The separator was the last thing seen, so the next simple key
    /// continues the current one.
    after_separator: bool,
    deepest: Option<(usize, usize)>,
}

impl Keys {
    fn close(&mut self) {
        if let Some((start, parts)) = self.current.take()
            && self.deepest.is_none_or(|(_, most)| parts > most)
        {
            self.deepest = Some((start, parts));
        }
        self.after_separator = false;
    }
}

impl EventReceiver for Keys {
    fn simple_key(
        &mut self,
        span: Span,
        _kind: Option<toml_parser::decoder::Encoding>,
        _error: &mut dyn ErrorSink,
    ) {
        match self.current.as_mut() {
            Some((_, parts)) if self.after_separator => *parts += 1,
            _ => {
                self.close();
                self.current = Some((span.start(), 1));
            }
        }
        self.after_separator = false;
    }
    fn key_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.after_separator = true;
    }
    fn whitespace(&mut self, _span: Span, _error: &mut dyn ErrorSink) {}
    fn std_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
    fn std_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
    fn array_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
    fn array_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
    fn inline_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.close();
        true
    }
    fn inline_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
    fn array_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.close();
        true
    }
    fn array_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
    fn key_val_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
    fn scalar(
        &mut self,
        _span: Span,
        _kind: Option<toml_parser::decoder::Encoding>,
        _error: &mut dyn ErrorSink,
    ) {
        self.close();
    }
    fn value_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
    fn comment(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
    fn newline(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
    fn error(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_deepest_header_or_dotted_key() {
        let text = "schema = 1\na.b = 1\n[x.y.z]\n'q.u.o.t.e'.w = 2\n";
        assert_eq!(deepest_key(text), Some((20, 3)));
        assert_eq!(deepest_key("a = 1\n[b]\n"), None);
        let deep = format!("[{}]\n", vec!["k"; 100].join(" . "));
        assert_eq!(deepest_key(&deep), Some((1, 100)));
    }
}

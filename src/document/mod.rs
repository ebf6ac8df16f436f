//! Source documents as the Reader and Library panes see them, without any
//! terminal: loading (UTF-8, lossy or binary), the paragraph index, how
//! each grapheme is drawn, soft wrapping built lazily for documents of tens
//! of megabytes, sentences for quoting, and search.
//!
//! Every position is a byte offset into [`Document::text`], the unit
//! passages are stored in; [`Layout`] turns offsets into screen lines and
//! back.
//!
//! - [`load`](load_document): [`Document`], [`DocumentError`]; in chunks,
//!   the first screen's worth first: [`read_in_steps`], [`PartlyRead`].
//! - [`summary`](summarize): title and word count, shared with the library.
//! - [`cells`](glyph): the one place that decides what is drawn and how wide.
//! - [`wrap`](next_row): one paragraph into rows; [`Layout`]: the document.
//! - [`Sentences`] (across single line breaks in hard-wrapped text:
//!   [`is_hard_wrapped`]), [`search`].
//! - [`words`](shrink_end): trimming a selection by word, and a drag's words.

mod cells;
mod file_offsets;
mod hard_wrap;
mod layout;
mod load;
mod paragraph_sentences;
mod paragraphs;
mod read_in_steps;
mod search;
mod sentences;
mod summary;
mod words;
mod wrap;

pub use cells::{Glyph, TAB_WIDTH, display, display_width, glyph, glyph_width, glyphs};
pub use hard_wrap::{MAX_WRAP_WIDTH, is_hard_wrapped};
pub use layout::{Layout, Position, VisualLine};
pub use load::{Document, DocumentError, load_document, read_document};
pub use read_in_steps::{FIRST_CHUNK, PartlyRead, read_in_steps};
pub use search::{Finder, Search, SearchError, SearchHit, search, spaces_as_one};
pub use sentences::Sentences;
pub use summary::{
    BINARY_SNIFF_BYTES, TITLE_MAX_CHARS, TextSummary, count_words, looks_binary, summarize,
};
pub use words::{extend_end, extend_start, shrink_end, shrink_start, words_between};
pub use wrap::{Row, next_row, wrap};

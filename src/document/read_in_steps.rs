//! Reading a document in chunks, so a reader can show its first screen
//! long before a 50 MB file (or a 100 MB single line) is read, decoded and
//! indexed.
//!
//! [`PartlyRead`] takes the file's bytes chunk by chunk and decodes and
//! indexes each as it comes; [`read_in_steps`] opens the file once and
//! hands out the document made of its first chunk before reading on. The
//! finished document is the one [`Document::from_bytes`] makes of the
//! whole file: same text, same lossy decoding, same paragraphs, title and
//! word count (a property test checks this over random chunk boundaries).

use std::io::Read;

use super::load::{Document, DocumentError};
use super::paragraphs::Paragraphs;
use super::summary::{BINARY_SNIFF_BYTES, count_words, title_of};
use crate::workspace::Workspace;

/// The first chunk read, the one a partial document is made of: enough for
/// the binary sniff and several screens of any text, little enough to be
/// read and indexed in well under a millisecond.
pub const FIRST_CHUNK: usize = 64 * 1024;

/// The chunks read after the first one (and how often cancelling is
/// looked at).
const CHUNK: usize = 4 * 1024 * 1024;

/// A document whose file is being read in chunks.
#[derive(Debug)]
pub struct PartlyRead {
    path: String,
    /// The file's bytes so far.
    raw: Vec<u8>,
    /// How many of `raw` are decoded and indexed: the rest may be the
    /// start of a character cut by the end of the chunk.
    decoded: usize,
    /// The decoded text once the file has been found not to be valid
    /// UTF-8; until then the text is `raw[..decoded]` itself.
    lossy: Option<String>,
    paragraphs: Paragraphs,
}

impl PartlyRead {
    /// Nothing read yet of the document to be known by `path`; room is
    /// made for `expected` bytes.
    pub fn new(path: impl Into<String>, expected: usize) -> Self {
        PartlyRead {
            path: path.into(),
            raw: Vec::with_capacity(expected),
            decoded: 0,
            lossy: None,
            paragraphs: Paragraphs::new(),
        }
    }

    /// The bytes read so far.
    pub fn bytes_read(&self) -> usize {
        self.raw.len()
    }

    /// Adds the next chunk of the file; refused as binary when a NUL is in
    /// the file's first [`BINARY_SNIFF_BYTES`].
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), DocumentError> {
        let from = self.raw.len();
        self.raw.extend_from_slice(chunk);
        self.took(from)
    }

    /// Reads up to `most` more bytes from `file` straight into the buffer;
    /// how many were read (0 at the end of the file).
    fn read_from(&mut self, file: &mut impl Read, most: usize) -> Result<usize, DocumentError> {
        let from = self.raw.len();
        if let Err(source) = file.take(most as u64).read_to_end(&mut self.raw) {
            return Err(DocumentError::Io {
                path: self.path.clone(),
                source,
            });
        }
        self.took(from)?;
        Ok(self.raw.len() - from)
    }

    /// Sniffs, decodes and indexes what came in after `raw[..from]`.
    fn took(&mut self, from: usize) -> Result<(), DocumentError> {
        let sniffed =
            &self.raw[from.min(BINARY_SNIFF_BYTES)..self.raw.len().min(BINARY_SNIFF_BYTES)];
        if memchr::memchr(0, sniffed).is_some() {
            return Err(DocumentError::Binary {
                path: self.path.clone(),
            });
        }
        let cut = self.raw.len() - cut_character(&self.raw[self.decoded..]);
        self.decode_up_to(cut);
        Ok(())
    }

    /// Decodes and indexes `raw[decoded..cut]`. Cutting there changes
    /// nothing in the decoding: no character, and no invalid sequence that
    /// the lossy decoding would replace as one, spans the cut.
    fn decode_up_to(&mut self, cut: usize) {
        let piece = &self.raw[self.decoded..cut];
        if self.lossy.is_none() && std::str::from_utf8(piece).is_err() {
            // Valid so far: the text is the bytes up to here.
            let valid = std::str::from_utf8(&self.raw[..self.decoded]).unwrap_or_default();
            let mut text = String::with_capacity(self.raw.capacity());
            text.push_str(valid);
            self.lossy = Some(text);
        }
        match &mut self.lossy {
            None => self.paragraphs.extend(&self.raw[..cut], self.decoded),
            Some(text) => {
                let from = text.len();
                text.push_str(&String::from_utf8_lossy(piece));
                self.paragraphs.extend(text.as_bytes(), from);
            }
        }
        self.decoded = cut;
    }

    /// The document made of what has been read so far, for a reader to
    /// show while the rest of the file (`file_size` bytes in all) is read.
    pub fn partial(&self, file_size: u64) -> Document {
        let head = &self.raw[..self.decoded];
        let (text, file_bytes) = match &self.lossy {
            None => (String::from_utf8_lossy(head).into_owned(), None),
            Some(text) => (text.clone(), Some(head.to_vec())),
        };
        Document {
            path: self.path.clone(),
            text,
            file_bytes,
            title: title_of(head),
            words: count_words(head),
            paragraphs: self.paragraphs.clone(),
            still_reading: Some(file_size),
        }
    }

    /// The whole document, once the file is read to its end.
    pub fn finish(mut self) -> Document {
        self.decode_up_to(self.raw.len());
        let title = title_of(&self.raw);
        let words = count_words(&self.raw);
        let (text, file_bytes) = match self.lossy {
            Some(text) => (text, Some(self.raw)),
            // Every piece was checked: this check cannot fail.
            None => match String::from_utf8(self.raw) {
                Ok(text) => (text, None),
                Err(error) => (
                    String::from_utf8_lossy(error.as_bytes()).into_owned(),
                    Some(error.into_bytes()),
                ),
            },
        };
        Document {
            path: self.path,
            text,
            file_bytes,
            title,
            words,
            paragraphs: self.paragraphs,
            still_reading: None,
        }
    }
}

/// How many bytes at the end of `bytes` may be the start of a character
/// that the next chunk completes (0 to 3): they wait for it. Only a lead
/// byte among the last three, followed by continuation bytes only and
/// fewer than its sequence needs, starts such a tail.
fn cut_character(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let byte = bytes[bytes.len() - back];
        if byte & 0xc0 == 0x80 {
            continue; // a continuation byte: look further back
        }
        let needs = match byte {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 1,
        };
        return if needs > back { back } else { 0 };
    }
    0
}

/// Opens the document at `path` (relative to the workspace root, checked
/// as [`super::load_document`] checks it) once and reads it in chunks.
/// Unless the whole file came with the first chunk, `first` is given the
/// document made of that chunk ([`Document::still_reading`]) before the
/// rest is read. Between chunks `cancelled` is asked whether the document
/// is still wanted: `Ok(None)` when it was not.
pub fn read_in_steps(
    workspace: &Workspace,
    path: &str,
    first: impl FnOnce(Document),
    cancelled: impl Fn() -> bool,
) -> Result<Option<Document>, DocumentError> {
    let file = super::load::resolved(workspace, path)?;
    let io = |source| DocumentError::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = crate::fsio::open_regular(&file).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    // A sparse or lying size must not reserve gigabytes up front.
    let expected = size.min(1 << 30) as usize + 1;
    let mut reading = PartlyRead::new(path, expected);
    let mut read = reading.read_from(&mut file, FIRST_CHUNK)?;
    if read > 0 && (reading.bytes_read() as u64) < size {
        first(reading.partial(size));
    }
    while read > 0 {
        if cancelled() {
            return Ok(None);
        }
        read = reading.read_from(&mut file, CHUNK)?;
    }
    Ok(Some(reading.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(left: &Document, right: &Document) {
        assert_eq!(left.text(), right.text());
        assert_eq!(left.file_bytes(), right.file_bytes());
        assert_eq!(left.is_lossy(), right.is_lossy());
        assert_eq!(left.title(), right.title());
        assert_eq!(left.word_count(), right.word_count());
        assert_eq!(left.paragraphs, right.paragraphs);
    }

    #[test]
    fn a_cut_character_waits_for_its_end() {
        assert_eq!(cut_character(b"ab"), 0);
        assert_eq!(cut_character(b"a\xe2\x82"), 2);
        assert_eq!(cut_character(b"a\xe2\x82\xac"), 0);
        assert_eq!(cut_character(b"a\xf0\x9f\x98"), 3);
        assert_eq!(cut_character(b"\xe2"), 1);
        assert_eq!(
            cut_character(b"\x80\x80\x80"),
            0,
            "no lead byte: nothing to wait for"
        );
        assert_eq!(cut_character(b"\xff"), 0);
    }

    #[test]
    fn a_nul_in_the_first_8_kib_of_any_chunk_is_binary() {
        let mut reading = PartlyRead::new("seeds/x.txt", 0);
        reading.push(&[b'a'; 5000]).unwrap();
        let error = reading.push(b"aaa\0").unwrap_err();
        assert!(matches!(error, DocumentError::Binary { .. }));
        let mut late = PartlyRead::new("seeds/x.txt", 0);
        late.push(&vec![b'a'; BINARY_SNIFF_BYTES]).unwrap();
        late.push(b"\0").unwrap();
    }

    #[test]
    fn the_partial_document_is_a_prefix_marked_as_still_reading() {
        let mut reading = PartlyRead::new("seeds/x.txt", 0);
        reading.push("Title\nCafé".as_bytes()).unwrap();
        reading.push(b"\xc3").unwrap(); // half of an é
        let partial = reading.partial(99);
        assert_eq!(partial.text(), "Title\nCafé");
        assert_eq!(partial.still_reading(), Some(99));
        assert_eq!(partial.title(), "Title");
        assert_eq!(partial.paragraph_count(), 2);
        reading.push(b"\xa9 noir\n").unwrap();
        let whole = reading.finish();
        assert_eq!(whole.text(), "Title\nCaféé noir\n");
        assert_eq!(whole.still_reading(), None);
    }

    #[test]
    fn reads_a_file_in_steps_and_can_be_cancelled() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        let text = "Word é. ".repeat(FIRST_CHUNK / 4);
        std::fs::write(dir.path().join("seeds/big.txt"), &text).unwrap();
        std::fs::write(dir.path().join("seeds/small.txt"), "Small.").unwrap();
        let workspace = Workspace::new(dir.path());

        let mut partial = None;
        let whole = read_in_steps(&workspace, "seeds/big.txt", |p| partial = Some(p), || false)
            .unwrap()
            .unwrap();
        let partial = partial.expect("a partial document before the rest");
        assert_eq!(partial.still_reading(), Some(text.len() as u64));
        assert!(text.starts_with(partial.text()));
        assert!(partial.len() <= FIRST_CHUNK && partial.len() + 3 >= FIRST_CHUNK);
        same(&whole, &Document::from_text("seeds/big.txt", text.clone()));

        let cancelled = read_in_steps(&workspace, "seeds/big.txt", |_| {}, || true).unwrap();
        assert!(cancelled.is_none());

        let mut called = false;
        let small = read_in_steps(&workspace, "seeds/small.txt", |_| called = true, || false);
        assert_eq!(small.unwrap().unwrap().text(), "Small.");
        assert!(!called, "a file read in one chunk has no partial document");

        let refused = read_in_steps(&workspace, "../etc/passwd", |_| {}, || false).unwrap_err();
        assert!(matches!(refused, DocumentError::Refused { .. }));
    }

    proptest! {
        /// Read in chunks cut anywhere (inside a character or an invalid
        /// sequence, between `\r` and `\n`), a file becomes the document
        /// `from_bytes` makes of it in one piece, and every partial
        /// document on the way is a prefix of it at the same offsets.
        #[test]
        fn chunk_by_chunk_equals_one_piece(
            bytes in proptest::collection::vec(prop_oneof![
                Just(b'a'), Just(b' '), Just(b'\n'), Just(b'\r'), Just(b'.'),
                Just(0xc3u8), Just(0xa9), Just(0xe2), Just(0x82), Just(0xac),
                Just(0xf0), Just(0x9f), Just(0x98), Just(0x80), Just(0xff)
            ], 0..120),
            cuts in proptest::collection::vec(0usize..130, 0..8),
        ) {
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            cuts.push(bytes.len());
            cuts.sort_unstable();
            let whole = Document::from_bytes("x", bytes.clone()).unwrap();
            let mut reading = PartlyRead::new("x", 0);
            let mut from = 0;
            for cut in cuts {
                reading.push(&bytes[from..cut]).unwrap();
                from = cut;
                let partial = reading.partial(bytes.len() as u64);
                prop_assert!(whole.text().starts_with(partial.text()));
                prop_assert!(bytes.starts_with(partial.file_bytes()));
                prop_assert!(partial.paragraph_count() <= whole.paragraph_count());
            }
            same(&reading.finish(), &whole);
        }
    }
}

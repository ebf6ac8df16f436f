//! Where a byte of a file that is not valid UTF-8 stands in its lossy
//! decoding. Passages are offsets into the file (what `ach check` reads);
//! the reader shows the decoded text, in which every invalid sequence has
//! become one U+FFFD of three bytes.

/// The offset in `String::from_utf8_lossy(bytes)` of byte `file_offset`
/// of `bytes`; `None` inside an invalid sequence or past the end.
pub(super) fn text_offset(bytes: &[u8], file_offset: usize) -> Option<usize> {
    let (mut file, mut text) = (0, 0);
    // `from_utf8_lossy` is defined by these chunks: each valid part as it
    // is, then one U+FFFD for a non-empty invalid part.
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid().len();
        if file_offset <= file + valid {
            return Some(text + file_offset - file);
        }
        file += valid;
        text += valid;
        let invalid = chunk.invalid().len();
        if invalid > 0 {
            if file_offset < file + invalid {
                return None;
            }
            file += invalid;
            text += char::REPLACEMENT_CHARACTER.len_utf8();
        }
    }
    (file_offset == file).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn offsets_after_an_invalid_byte_move_by_two() {
        let bytes = b"Caf\xe9 au lait";
        assert_eq!(text_offset(bytes, 3), Some(3));
        assert_eq!(text_offset(bytes, 4), Some(6));
        assert_eq!(text_offset(bytes, bytes.len()), Some(bytes.len() + 2));
        assert_eq!(text_offset(bytes, bytes.len() + 1), None);
        assert_eq!(text_offset(b"a\xe2\x82", 2), None, "inside a cut sequence");
        assert_eq!(text_offset(b"a\xe2\x82", 3), Some(4));
    }

    proptest! {
        /// A non-empty valid UTF-8 slice of the file is the same text at
        /// the mapped offsets of the lossy decoding (its first byte cannot
        /// be inside an invalid sequence, which holds only a lead byte and
        /// continuation bytes, nor its end).
        #[test]
        fn valid_slices_map_to_the_same_text(
            bytes in proptest::collection::vec(prop_oneof![
                Just(b'a'), Just(b' '), Just(0xe9u8), Just(0xe2), Just(0x82), Just(0xac), Just(0xff)
            ], 0..40),
            a in 0usize..41,
            b in 0usize..41,
        ) {
            let (start, end) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
            let text = String::from_utf8_lossy(&bytes);
            if start < end && let Ok(slice) = std::str::from_utf8(&bytes[start..end]) {
                let from = text_offset(&bytes, start).unwrap();
                let to = text_offset(&bytes, end).unwrap();
                prop_assert_eq!(&text[from..to], slice);
            }
        }
    }
}

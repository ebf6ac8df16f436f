//! Text files as sources come: UTF-8 (with or without a BOM), UTF-16 with a
//! BOM, or a legacy single-byte encoding (Latin-1, Windows-1252, …) guessed
//! by chardetng, the detector Firefox uses for unlabelled pages.

use encoding_rs::{Encoding, UTF_8};

/// Text decoded from a file, and the encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, in UTF-8, without a byte order mark.
    pub text: String,
    /// The encoding's WHATWG name (`UTF-8`, `UTF-16LE`, `windows-1252`).
    pub encoding: &'static str,
}

/// Decodes `bytes`: a BOM decides first, then valid UTF-8 is taken as it is,
/// then chardetng guesses. `None` when the guess still leaves undecodable
/// bytes, so nothing is imported with U+FFFD in place of a character.
pub fn decode_text(bytes: &[u8]) -> Option<Decoded> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom..]);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // No top-level domain hint; allow UTF-8 so a broken UTF-8 file is not
    // forced into a legacy encoding it is not in.
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    decode_with(encoding, bytes)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Option<Decoded> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    (!had_errors).then(|| Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept() {
        let decoded = decode_text("café".as_bytes()).unwrap();
        assert_eq!(decoded.text, "café");
        assert_eq!(decoded.encoding, "UTF-8");
        let bom = decode_text(b"\xef\xbb\xbfhello").unwrap();
        assert_eq!(bom.text, "hello");
    }

    #[test]
    fn latin1_and_windows_1252_are_decoded() {
        let decoded =
            decode_text(b"Le caf\xe9 est ferm\xe9 \x96 la cr\xe8me \x93br\xfbl\xe9e\x94.").unwrap();
        assert_eq!(decoded.text, "Le café est fermé – la crème “brûlée”.");
        assert_eq!(decoded.encoding, "windows-1252");
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let mut little: Vec<u8> = vec![0xff, 0xfe];
        let mut big: Vec<u8> = vec![0xfe, 0xff];
        for unit in "Grüße".encode_utf16() {
            little.extend(unit.to_le_bytes());
            big.extend(unit.to_be_bytes());
        }
        assert_eq!(decode_text(&little).unwrap().text, "Grüße");
        assert_eq!(decode_text(&little).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode_text(&big).unwrap().text, "Grüße");
    }
}

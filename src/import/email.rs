//! E-mail saved as `.eml` (RFC 5322 / MIME): the plain-text body (or the
//! HTML body made text), with the subject, sender and date as metadata.
//! mail-parser is the parser of Stalwart's mail server: it decodes every
//! MIME transfer encoding and legacy charset, with no dependencies to build.

use mail_parser::MessageParser;

use super::{Converted, ImportError};
use crate::workspace::SourceMetadata;

/// The message in `bytes`.
pub fn convert_email(bytes: &[u8]) -> Result<Converted, ImportError> {
    let message = MessageParser::default().parse(bytes).ok_or_else(|| {
        ImportError::Unconvertible("not an e-mail message (no headers found)".to_owned())
    })?;
    let body = message
        .body_text(0)
        .map(|text| text.into_owned())
        .ok_or_else(|| ImportError::Unconvertible("the e-mail has no text body".to_owned()))?;
    let text = super::tidy_paragraphs(&body);
    if text.trim().is_empty() {
        return Err(ImportError::Unconvertible(
            "the e-mail's body is empty".to_owned(),
        ));
    }
    let sender = message.from().and_then(|from| from.first());
    let author = sender.map(|address| match (address.name(), address.address()) {
        (Some(name), Some(mail)) => format!("{name} <{mail}>"),
        (Some(name), None) => name.to_owned(),
        (None, Some(mail)) => mail.to_owned(),
        (None, None) => String::new(),
    });
    // The sender's domain is the closest thing an e-mail has to a publisher.
    let publisher = sender
        .and_then(|address| address.address())
        .and_then(|mail| mail.rsplit_once('@'))
        .map(|(_, domain)| domain.to_owned());
    let published = message
        .date()
        .map(|date| format!("{:04}-{:02}-{:02}", date.year, date.month, date.day));
    let metadata = SourceMetadata {
        title: message.subject().map(str::to_owned),
        author: author.filter(|a| !a.is_empty()),
        publisher,
        published,
        ..SourceMetadata::default()
    };
    Ok(Converted { text, metadata })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAIL: &[u8] = b"From: Ann Writer <ann@harbour.example>\r\n\
To: desk@example.org\r\n\
Subject: =?utf-8?q?Port_closed_=E2=80=93_update?=\r\n\
Date: Wed, 1 May 2024 08:00:00 +0000\r\n\
Content-Type: text/plain; charset=iso-8859-1\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
The harbour authority closed the port on Monday. Officials expect to\r\n\
conclude by June. The caf=E9 by the gate stays open.\r\n";

    #[test]
    fn the_body_and_headers_are_read() {
        let converted = convert_email(MAIL).unwrap();
        assert!(
            converted.text.contains("expect to\nconclude by June."),
            "{:?}",
            converted.text
        );
        assert!(converted.text.contains("café"));
        let m = converted.metadata;
        assert_eq!(m.title.as_deref(), Some("Port closed – update"));
        assert_eq!(
            m.author.as_deref(),
            Some("Ann Writer <ann@harbour.example>")
        );
        assert_eq!(m.publisher.as_deref(), Some("harbour.example"));
        assert_eq!(m.published.as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn garbage_is_refused() {
        assert!(convert_email(b"").is_err());
    }
}

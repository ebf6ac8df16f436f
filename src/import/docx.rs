//! Word documents (`.docx`, Office Open XML): the body's paragraphs as
//! text, the core properties as metadata.
//!
//! A `.docx` is a zip of XML parts. The text is `word/document.xml`: each
//! `w:p` is a paragraph, its `w:t` runs the text, `w:tab` a tab and
//! `w:br`/`w:cr` a line break; deleted text (`w:del`), field codes
//! (`w:instrText`) and paragraph and run properties are left out, and a
//! text box's paragraphs follow the paragraph that anchors it. Headers,
//! footers and footnotes are other parts and are not imported, as a web
//! page's navigation and footer are not. The metadata comes from
//! `docProps/core.xml` (title, creator, created) and `docProps/app.xml`
//! (company, as the publisher).
//!
//! The `zip` crate (already built for the XLSX export) opens the archive
//! and roxmltree (already used for XML checks) reads the parts: two small
//! parsers instead of a docx crate that would bring a document model the
//! import does not need.

use std::io::{Cursor, Read};

use roxmltree::{Document as Xml, Node};

use super::{Converted, ImportError};
use crate::workspace::SourceMetadata;

/// The largest part read, uncompressed: a zip of a few kilobytes can
/// inflate to gigabytes.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// WordprocessingML's namespaces, transitional and strict.
const WORD_NAMESPACES: &[&str] = &[
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// The start of an OLE compound file: what Word writes for a document
/// with a password (and for an old binary `.doc`).
const COMPOUND_FILE_MAGIC: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// The Word document in `bytes`.
pub fn convert_docx(bytes: &[u8]) -> Result<Converted, ImportError> {
    if bytes.starts_with(COMPOUND_FILE_MAGIC) {
        return Err(refused(
            "the document is password-protected (encrypted) or an old binary .doc: \
             remove the password or save it as .docx in Word, then import it again",
        ));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| {
        refused(&format!(
            "not a Word document: the file is not a valid zip archive ({error})"
        ))
    })?;
    let body = read_part(&mut archive, "word/document.xml")?
        .ok_or_else(|| refused("not a Word document: the zip archive has no word/document.xml"))?;
    let xml = Xml::parse(&body).map_err(|error| {
        refused(&format!(
            "word/document.xml is not well-formed XML ({error})"
        ))
    })?;
    let mut paragraphs = Vec::new();
    collect_paragraphs(xml.root_element(), &mut paragraphs);
    let text = super::tidy_paragraphs(&paragraphs.join("\n\n"));
    if text.trim().is_empty() {
        return Err(refused("the document has no text"));
    }
    let mut metadata = SourceMetadata::default();
    if let Some(core) = read_part(&mut archive, "docProps/core.xml")? {
        core_properties(&core, &mut metadata);
    }
    if let Some(app) = read_part(&mut archive, "docProps/app.xml")? {
        metadata.publisher = xml_value(&app, "Company");
    }
    Ok(Converted { text, metadata })
}

fn refused(reason: &str) -> ImportError {
    ImportError::Unconvertible(reason.to_owned())
}

/// The part `name` as text; `None` when the archive has no such part.
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let mut part = match archive.by_name(name) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(refused(&format!("cannot read {name}: {error}"))),
    };
    let mut bytes = Vec::new();
    (&mut part)
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| refused(&format!("cannot read {name}: {error}")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(refused(&format!(
            "{name} inflates to more than {} MiB",
            MAX_PART_BYTES / 1024 / 1024
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| refused(&format!("{name} is not UTF-8 XML")))
}

fn is_word(node: Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node
            .tag_name()
            .namespace()
            .is_some_and(|namespace| WORD_NAMESPACES.contains(&namespace))
}

/// The paragraphs under `node`, in document order.
fn collect_paragraphs(node: Node, paragraphs: &mut Vec<String>) {
    for child in node.children().filter(Node::is_element) {
        if is_word(child, "p") {
            paragraph(child, paragraphs);
        } else {
            collect_paragraphs(child, paragraphs);
        }
    }
}

/// Paragraph `p`, then the paragraphs of the text boxes inside it.
fn paragraph(p: Node, paragraphs: &mut Vec<String>) {
    let mut text = String::new();
    let mut nested = Vec::new();
    runs(p, &mut text, &mut nested);
    paragraphs.push(text);
    for inner in nested {
        paragraph(inner, paragraphs);
    }
}

/// The visible text under `node`, appended to `text`; paragraphs met
/// inside (text boxes) go to `nested`.
fn runs<'a>(node: Node<'a, 'a>, text: &mut String, nested: &mut Vec<Node<'a, 'a>>) {
    for child in node.children().filter(Node::is_element) {
        let name = child.tag_name().name();
        if !is_word(child, name) {
            // Drawing and compatibility markup: look inside for text boxes,
            // but only once (`mc:Fallback` repeats `mc:Choice` for older
            // readers).
            if name != "Fallback" {
                runs(child, text, nested);
            }
            continue;
        }
        match name {
            "t" => text.push_str(child.text().unwrap_or("")),
            "tab" => text.push('\t'),
            "br" | "cr" => text.push('\n'),
            "noBreakHyphen" => text.push('-'),
            "p" => nested.push(child),
            // Properties (their w:tab are tab stops), deleted text and
            // field codes are not the document's text.
            "pPr" | "rPr" | "sectPr" | "del" | "instrText" | "delInstrText" => {}
            _ => runs(child, text, nested),
        }
    }
}

/// Title, creator and created date from `docProps/core.xml`.
fn core_properties(core: &str, metadata: &mut SourceMetadata) {
    metadata.title = xml_value(core, "title");
    metadata.author = xml_value(core, "creator");
    metadata.published = xml_value(core, "created")
        .as_deref()
        .and_then(super::date_prefix);
}

/// The trimmed text of the first element named `local` (in any
/// namespace) of the XML `part`, when it has any.
fn xml_value(part: &str, local: &str) -> Option<String> {
    let xml = Xml::parse(part).ok()?;
    xml.descendants()
        .find(|node| node.is_element() && node.tag_name().name() == local)
        .and_then(|node| node.text())
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    /// A `.docx` of the given parts.
    pub(crate) fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in parts {
            writer
                .start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(content.as_bytes()).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    fn body(paragraphs: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><w:document {W}><w:body>{paragraphs}<w:sectPr/></w:body></w:document>"#
        )
    }

    const CORE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Port closed after storm</dc:title><dc:creator>Ann Writer</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T08:00:00Z</dcterms:created>
</cp:coreProperties>"#;

    const APP: &str = r#"<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>Harbour News</Company></Properties>"#;

    #[test]
    fn paragraphs_runs_and_metadata_are_read() {
        let document = body(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
<w:r><w:rPr><w:b/></w:rPr><w:t>Port closed</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The harbour authority </w:t></w:r><w:r><w:t>closed the port.</w:t></w:r>
<w:del><w:r><w:delText>Deleted words.</w:delText></w:r></w:del>
<w:ins><w:r><w:t xml:space="preserve"> Officials expect to conclude by June.</w:t></w:r></w:ins></w:p>
<w:p/>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>
<w:r><w:t>Cranes</w:t><w:tab/><w:t>2</w:t><w:br/><w:t>Breakwater</w:t><w:noBreakHyphen/><w:t>north</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In a table cell.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        );
        let bytes = docx(&[
            ("word/document.xml", &document),
            ("docProps/core.xml", CORE),
            ("docProps/app.xml", APP),
        ]);
        let converted = convert_docx(&bytes).unwrap();
        assert_eq!(
            converted.text,
            "Port closed\n\nThe harbour authority closed the port. Officials expect to conclude by June.\n\n\
             Cranes\t2\nBreakwater-north\n\nIn a table cell."
        );
        let m = converted.metadata;
        assert_eq!(m.title.as_deref(), Some("Port closed after storm"));
        assert_eq!(m.author.as_deref(), Some("Ann Writer"));
        assert_eq!(m.publisher.as_deref(), Some("Harbour News"));
        assert_eq!(m.published.as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn a_text_box_follows_its_paragraph() {
        let document = body(
            r#"<w:p><w:r><w:t>Before the box.</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="urn:mc"><mc:Choice><w:drawing><w:txbxContent>
<w:p><w:r><w:t>Inside the box.</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>
<w:p><w:r><w:t>Inside the box.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> After it.</w:t></w:r></w:p>"#,
        );
        let converted = convert_docx(&docx(&[("word/document.xml", &document)])).unwrap();
        assert_eq!(
            converted.text,
            "Before the box. After it.\n\nInside the box."
        );
        assert_eq!(converted.metadata, SourceMetadata::default());
    }

    #[test]
    fn a_corrupt_or_encrypted_file_is_refused_with_the_reason() {
        let reason = |bytes: &[u8]| convert_docx(bytes).unwrap_err().to_string();
        assert!(
            reason(b"PK\x03\x04 not really a zip").starts_with(
                "not a Word document: the file is not a valid zip archive (invalid Zip archive"
            ),
            "{}",
            reason(b"PK\x03\x04 not really a zip")
        );
        let mut truncated = docx(&[("word/document.xml", &body("<w:p/>"))]);
        truncated.truncate(truncated.len() / 2);
        assert!(reason(&truncated).starts_with("not a Word document: the file is not a valid zip"));
        assert_eq!(
            reason(&docx(&[("content.xml", "<x/>")])),
            "not a Word document: the zip archive has no word/document.xml"
        );
        assert!(
            reason(&docx(&[("word/document.xml", "<w:document")]))
                .starts_with("word/document.xml is not well-formed XML")
        );
        assert_eq!(
            reason(&docx(&[("word/document.xml", &body("<w:p/>"))])),
            "the document has no text"
        );
        let mut encrypted = COMPOUND_FILE_MAGIC.to_vec();
        encrypted.extend([0; 504]);
        assert!(reason(&encrypted).starts_with("the document is password-protected (encrypted)"));
    }
}

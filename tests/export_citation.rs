//! The exports cite a passage by its document's metadata sidecar (title,
//! publisher, date and URL) or else its own title, before the file and line.

use std::fs;

use ach_workbench::export::{ExportContext, Format, export};
use ach_workbench::storage::load_matrix;
use ach_workbench::workspace::Workspace;
use chrono::NaiveDate;

const MATRIX: &str = r#"schema = 1
title = "Port"

[[hypotheses]]
id = "H1"
title = "Storm"

[[evidence]]
id = "E1"
summary = "Port closed"

[evidence.source]
document = "seeds/storm.txt"
start = 0
end = 16
quote = "The port closed."
"#;

fn exported(format: Format, sidecar: Option<&str>) -> String {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("seeds")).unwrap();
    fs::create_dir_all(dir.path().join("hypotheses")).unwrap();
    fs::write(dir.path().join("seeds/storm.txt"), "The port closed.\n").unwrap();
    if let Some(sidecar) = sidecar {
        fs::write(dir.path().join("seeds/storm.txt.meta.toml"), sidecar).unwrap();
    }
    let matrix_path = dir.path().join("hypotheses/port.toml");
    fs::write(&matrix_path, MATRIX).unwrap();
    let workspace = Workspace::new(dir.path());
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap())
        .with_workspace(&workspace);
    export(&load_matrix(&matrix_path).unwrap(), format, &context)
}

const SIDECAR: &str = "title = \"Storm closes the port\"\npublisher = \"Harbour News\"\n\
published = \"2024-05-01\"\nurl = \"https://harbour.example/storm\"\nreliability = \"B\"\ncredibility = 2\n";

const CITED: &str = "“Storm closes the port”, Harbour News, 2024-05-01, https://harbour.example/storm, graded B2, seeds/storm.txt, line 1 (bytes 0–16)";

#[test]
fn the_brief_and_markdown_cite_title_publisher_date_and_url() {
    let brief = exported(Format::Brief, Some(SIDECAR));
    // Markdown escapes the colon so the URL is not made a link twice.
    let escaped = CITED.replace("https:", "https\\:");
    assert!(brief.contains(&format!("- E1: {escaped}.")), "{brief}");
    let markdown = exported(Format::Markdown, Some(SIDECAR));
    assert!(
        markdown.contains("“Storm closes the port”, Harbour News"),
        "{markdown}"
    );
}

/// The text of each figure caption of the HTML export, read by an HTML parser.
fn html_captions(sidecar: Option<&str>) -> Vec<String> {
    let html = exported(Format::Html, sidecar);
    let page = scraper::Html::parse_document(&html);
    let caption = scraper::Selector::parse("figure figcaption").unwrap();
    page.select(&caption)
        .map(|element| element.text().collect())
        .collect()
}

#[test]
fn the_html_caption_cites_the_document() {
    assert_eq!(html_captions(Some(SIDECAR)), [CITED]);
}

#[test]
fn without_a_sidecar_the_documents_own_title_is_cited_before_its_file() {
    // The title is the document's first non-blank line, as the library
    // lists it: a reader sees what the source is, not only a file name.
    let brief = exported(Format::Brief, None);
    assert!(
        brief.contains("- E1: “The port closed.”, seeds/storm.txt, line 1 (bytes 0–16)."),
        "{brief}"
    );
    assert_eq!(
        html_captions(None),
        ["“The port closed.”, seeds/storm.txt, line 1 (bytes 0–16)"]
    );
}

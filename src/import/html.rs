//! Saved web pages: the article, not the navigation and footer.
//!
//! dom_smoothie is a port of Mozilla's Readability (the Firefox reader view)
//! on html5ever, the parser the project already builds for its HTML tests;
//! it gives the article's text and the page's title, byline, site name and
//! published time from the `<meta>` and JSON-LD the page carries. The
//! `readability` crate does the same on an older parser stack and gives no
//! plain-text output or metadata beyond the title.

use dom_smoothie::{Config, Readability, TextMode};

use super::{Converted, ImportError};
use crate::workspace::SourceMetadata;

/// The article of the page in `html`.
pub fn convert_html(html: &str) -> Result<Converted, ImportError> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config))
        .map_err(|error| ImportError::Unconvertible(format!("the page cannot be read: {error}")))?;
    let article = readability.parse().map_err(|error| {
        ImportError::Unconvertible(format!("no article found in the page: {error}"))
    })?;
    let text = super::tidy_paragraphs(&article.text_content);
    if text.trim().is_empty() {
        return Err(ImportError::Unconvertible(
            "the page has no article text".to_owned(),
        ));
    }
    let non_empty = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
    let metadata = SourceMetadata {
        title: non_empty(Some(article.title.to_string())),
        author: non_empty(article.byline.map(|b| b.to_string())),
        publisher: non_empty(article.site_name.map(|s| s.to_string())),
        published: article
            .published_time
            .as_deref()
            .and_then(super::date_prefix),
        url: canonical_url(html),
        ..SourceMetadata::default()
    };
    Ok(Converted { text, metadata })
}

/// The page's own address, from `<link rel="canonical">` or `og:url`, as a
/// saved page records it.
fn canonical_url(html: &str) -> Option<String> {
    let document = dom_query::Document::from(html);
    let canonical = document.select(r#"link[rel="canonical"]"#).attr("href");
    let og = document
        .select(r#"meta[property="og:url"]"#)
        .attr("content");
    canonical
        .or(og)
        .map(|url| url.trim().to_owned())
        .filter(|url| url.starts_with("http://") || url.starts_with("https://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Port closed after storm | Harbour News</title>
<meta property="og:site_name" content="Harbour News">
<meta property="og:title" content="Port closed after storm">
<meta name="author" content="Ann Writer">
<meta property="article:published_time" content="2024-05-01T08:00:00Z">
<link rel="canonical" href="https://harbour.example/port-closed">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Follow us on social</nav>
<article><h1>Port closed after storm</h1>
<p>The harbour authority closed the port on Monday after the storm damaged two cranes and the
northern breakwater, officials said in a statement.</p>
<p>Repairs are expected to take several weeks, and shipping companies have begun to divert
vessels to the neighbouring terminal while engineers assess the damage.</p>
<p>Officials expect to conclude by June. The authority will publish a report then.</p>
</article>
<footer>Copyright Harbour News. Subscribe to our newsletter.</footer>
</body></html>"#;

    #[test]
    fn the_article_is_kept_and_the_navigation_and_footer_dropped() {
        let converted = convert_html(PAGE).unwrap();
        assert!(
            converted.text.contains("closed the port on Monday"),
            "{}",
            converted.text
        );
        assert!(converted.text.contains("conclude by June."));
        assert!(!converted.text.contains("Follow us"), "{}", converted.text);
        assert!(!converted.text.contains("Subscribe"), "{}", converted.text);
        let m = converted.metadata;
        assert_eq!(m.title.as_deref(), Some("Port closed after storm"));
        assert_eq!(m.publisher.as_deref(), Some("Harbour News"));
        assert_eq!(m.author.as_deref(), Some("Ann Writer"));
        assert_eq!(m.published.as_deref(), Some("2024-05-01"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://harbour.example/port-closed")
        );
    }

    #[test]
    fn a_page_without_text_is_refused() {
        let error = convert_html("<html><body><script>x()</script></body></html>").unwrap_err();
        assert!(matches!(error, ImportError::Unconvertible(_)), "{error}");
    }
}

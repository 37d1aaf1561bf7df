//! Markdown to safe HTML for knowledge-base articles and comments.
//!
//! Two layers, because this HTML is shown to every reader of a shared item: the Markdown renderer never emits the
//! author's raw HTML (it becomes visible text), and the result is then cleaned by an allow-list sanitizer. Images
//! are not rendered: an external image in an AMBER article would tell its server who read it and when, so its
//! alternative text is shown instead.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// The sanitizer: common text markup, tables and links to web and mail addresses; nothing that runs or loads.
static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "p",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "em",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "input",
        "sup",
        "section",
    ])
    .add_tag_attributes("a", ["href"])
    .add_tag_attributes("ol", ["start"])
    .add_tag_attributes("th", ["align"])
    .add_tag_attributes("td", ["align"])
    .add_tag_attributes("input", ["type", "checked", "disabled"])
    .url_schemes(HashSet::from(["http", "https", "mailto"]))
    .link_rel(Some("noopener noreferrer nofollow"));
    b
});

/// Renders Markdown (CommonMark with tables, strikethrough and task lists) to sanitized HTML.
#[must_use]
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        // The author's HTML is shown as text, never interpreted.
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Image { .. }) => Event::Text(CowStr::Borrowed("[")),
        Event::End(TagEnd::Image) => Event::Text(CowStr::Borrowed("]")),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    CLEANER.clean(&html).to_string()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn renders_common_markup() {
        let html =
            to_html("# Restart order\n\n1. **AD**\n2. `DHCP`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<h1>Restart order</h1>"), "{html}");
        assert!(html.contains("<strong>AD</strong>"));
        assert!(html.contains("<code>DHCP</code>"));
        assert!(html.contains("<table>"));
    }

    #[test]
    fn raw_html_and_scripts_never_pass() {
        for hostile in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[x](javascript:alert(1))",
            "<iframe src=//evil.example></iframe>",
            "<div style=\"background:url(//evil.example)\">x</div>",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
        ] {
            let html = to_html(hostile);
            assert_eq!(active_tag(&html), None, "{hostile:?} rendered as {html:?}");
        }
        assert!(to_html("<b>bold?</b>").contains("&lt;b&gt;bold?&lt;/b&gt;"));
    }

    #[test]
    fn links_are_kept_safely_and_images_become_text() {
        let html = to_html(
            "[advisory](https://ccb.belgium.be/advisories) ![diagram](https://cdn.example/x.png)",
        );
        assert!(
            html.contains("href=\"https://ccb.belgium.be/advisories\""),
            "{html}"
        );
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
        assert!(!html.contains("cdn.example"), "{html}");
        assert!(html.contains("[diagram]"));
    }

    /// The first tag that could run or load something. Text is escaped, so every `<` in the output opens a tag.
    fn active_tag(html: &str) -> Option<String> {
        let html = html.to_lowercase();
        html.split('<')
            .skip(1)
            .filter_map(|rest| rest.split('>').next())
            .find(|tag| {
                let name = tag
                    .trim_start_matches('/')
                    .split([' ', '/'])
                    .next()
                    .unwrap_or("");
                [
                    "script", "img", "iframe", "div", "style", "object", "embed", "svg", "form",
                ]
                .contains(&name)
                    || tag
                        .split(' ')
                        .skip(1)
                        .any(|attr| attr.starts_with("on") || attr.starts_with("style"))
                    || tag.contains("javascript:")
                    || tag.contains("data:")
            })
            .map(str::to_owned)
    }

    proptest! {
        #[test]
        fn no_input_produces_active_content(s in "(<|>|\\[|\\]|\\(|\\)|!|`|\\*|[a-z:/=\"' \n]|script|onerror|javascript|img|iframe|style){0,80}") {
            let html = to_html(&s);
            prop_assert_eq!(active_tag(&html), None);
        }
    }
}

//! Search text: what a person typed, turned into terms both database engines match the same way, and snippets
//! with the matching words marked.
//!
//! Both engines index text this module has already folded (lower case, accents removed) and split into words, so
//! `securite` finds `Sécurité` on SQLite and on PostgreSQL alike, and `10.0.0.1` is the same four words on both.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::error::ValidationError;

/// The most terms a query may have.
pub const MAX_TERMS: usize = 12;
/// The longest term kept; longer words are cut (and still match as a prefix).
pub const MAX_TERM_CHARS: usize = 64;

/// Lower case without accents: `Sécurité` → `securite`.
#[must_use]
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a text with their byte ranges: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// What the index holds for a text: its folded words, separated by single spaces.
#[must_use]
pub fn index_text(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for (_, w) in words(&folded) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A parsed search: one to [`MAX_TERMS`] folded words, each matched as a word prefix, all required.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    terms: Vec<String>,
}

impl SearchText {
    /// Parses what a person typed. Punctuation separates words; it never becomes query syntax.
    ///
    /// # Errors
    /// When there is no word to search for.
    pub fn parse(input: &str) -> Result<Self, ValidationError> {
        let folded = fold(input);
        let mut terms: Vec<String> = Vec::new();
        for (_, w) in words(&folded) {
            let term: String = w.chars().take(MAX_TERM_CHARS).collect();
            if !terms.contains(&term) {
                terms.push(term);
            }
            if terms.len() == MAX_TERMS {
                break;
            }
        }
        if terms.is_empty() {
            Err(ValidationError::field(
                "q",
                "type at least one word or number to search for",
            ))
        } else {
            Ok(Self { terms })
        }
    }

    /// The folded terms.
    #[must_use]
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// The SQLite FTS5 query: every term quoted, as a prefix, all required.
    #[must_use]
    pub fn fts5(&self) -> String {
        self.terms
            .iter()
            .map(|t| format!("\"{t}\"*"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The PostgreSQL `to_tsquery('simple', …)` text: every term as a prefix, all required.
    #[must_use]
    pub fn tsquery(&self) -> String {
        self.terms
            .iter()
            .map(|t| format!("{t}:*"))
            .collect::<Vec<_>>()
            .join(" & ")
    }

    /// Whether a word of the original text matches a term.
    #[must_use]
    pub fn matches(&self, word: &str) -> bool {
        let folded = fold(word);
        self.terms.iter().any(|t| folded.starts_with(t.as_str()))
    }
}

/// A piece of a snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// Whether it is a matching word.
    pub hit: bool,
}

/// The part of `text` around the first matching word, about `max_chars` long, with matching words marked; the
/// start of the text when nothing matches. `…` marks a cut.
#[must_use]
pub fn snippet(text: &str, search: &SearchText, max_chars: usize) -> Vec<Piece> {
    let all: Vec<(usize, &str)> = words(text).collect();
    let first_hit = all.iter().position(|(_, w)| search.matches(w));
    // Start a few words before the first hit, so it is seen in context.
    let start_word = first_hit.map_or(0, |i| i.saturating_sub(6));
    let start = all.get(start_word).map_or(0, |(at, _)| *at);
    let start = if start_word == 0 { 0 } else { start };
    let mut end = text.len();
    if let Some((cut, _)) = text
        .get(start..)
        .unwrap_or_default()
        .char_indices()
        .nth(max_chars)
    {
        // Cut after the last whole word that fits.
        let limit = start + cut;
        end = all
            .iter()
            .filter(|(at, w)| *at >= start && at + w.len() <= limit)
            .map(|(at, w)| at + w.len())
            .next_back()
            .unwrap_or(limit);
    }
    let mut pieces = Vec::new();
    if start > 0 {
        pieces.push(Piece {
            text: "…".to_owned(),
            hit: false,
        });
    }
    let mut at = start;
    for (w_at, w) in all
        .iter()
        .filter(|(a, w)| *a >= start && a + w.len() <= end)
    {
        if search.matches(w) {
            push_plain(&mut pieces, text.get(at..*w_at).unwrap_or_default());
            pieces.push(Piece {
                text: (*w).to_owned(),
                hit: true,
            });
            at = w_at + w.len();
        }
    }
    push_plain(&mut pieces, text.get(at..end).unwrap_or_default());
    if end < text.len() {
        push_plain(&mut pieces, "…");
    }
    pieces
}

fn push_plain(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(last) if !last.hit => last.text.push_str(text),
        _ => pieces.push(Piece {
            text: text.to_owned(),
            hit: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn marked(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn folding_removes_case_and_accents() {
        assert_eq!(fold("Sécurité Ürgent ÇA"), "securite urgent ca");
        assert_eq!(
            index_text("Vérifiez 10.0.0.1, puis CVE-2024-3400!"),
            "verifiez 10 0 0 1 puis cve 2024 3400"
        );
    }

    #[test]
    fn queries_are_words_never_syntax() {
        let q = SearchText::parse(r#"Sécurité "OR" NEAR(x*) -- ransom*"#).unwrap();
        assert_eq!(q.terms(), ["securite", "or", "near", "x", "ransom"]);
        assert_eq!(q.fts5(), r#""securite"* "or"* "near"* "x"* "ransom"*"#);
        assert_eq!(q.tsquery(), "securite:* & or:* & near:* & x:* & ransom:*");
        assert!(SearchText::parse(" -- !! ").is_err());
    }

    #[test]
    fn snippets_mark_matches_in_context() {
        let q = SearchText::parse("supplier vpn").unwrap();
        let text = "A long introduction that says nothing at all about anything in particular, really. Then the supplier's VPN account was used on a Sunday night by someone else.";
        let s = marked(&snippet(text, &q, 80));
        assert!(s.starts_with('…'), "{s}");
        assert!(s.contains("[supplier]'s [VPN] account"), "{s}");
        assert!(s.ends_with('…'), "{s}");
        let short = marked(&snippet("Nothing matches here", &q, 80));
        assert_eq!(short, "Nothing matches here");
    }

    proptest! {
        #[test]
        fn any_input_parses_or_is_refused_and_snippets_keep_the_text(input in "\\PC{0,200}", text in "\\PC{0,300}") {
            if let Ok(q) = SearchText::parse(&input) {
                prop_assert!(!q.terms().is_empty() && q.terms().len() <= MAX_TERMS);
                for t in q.terms() {
                    prop_assert!(t.chars().all(char::is_alphanumeric));
                }
                let pieces = snippet(&text, &q, 120);
                let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
                let inner = joined.trim_start_matches('…').trim_end_matches('…');
                prop_assert!(text.contains(inner), "{:?} not in {:?}", inner, text);
            }
        }
    }
}

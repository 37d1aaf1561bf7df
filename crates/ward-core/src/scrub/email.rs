//! E-mail addresses.
//!
//! Accepted grammar (practical, not RFC 5322): a local part of 1–64 characters from letters, digits and `._%+-`,
//! not starting with a dot; `@`; a domain of letters, digits, `.` and `-` that starts with a letter or digit, holds
//! at least one dot, is at most 253 characters long and ends in a top-level label of two or more letters. Trailing
//! dots and hyphens are punctuation, not part of the address (`mail jan@az.be.` ends at `be`). Found from the `@`:
//! the local part is read backwards, so an address whose local part is longer than 64 characters is found from its
//! last 64.

use std::ops::Range;

const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;

/// The address around the `@` at `at`, whose local part starts no earlier than `floor`.
pub(super) fn find(bytes: &[u8], at: usize, floor: usize) -> Option<Range<usize>> {
    let before = bytes.get(floor..at)?;
    let local_len = before
        .iter()
        .rev()
        .take(MAX_LOCAL)
        .take_while(|&&b| is_local(b))
        .count();
    let dots = before
        .get(before.len() - local_len..)?
        .iter()
        .take_while(|&&b| b == b'.')
        .count();
    if local_len == dots {
        return None;
    }
    let start = at - local_len + dots;

    let domain_start = at + 1;
    let after = bytes.get(domain_start..)?;
    let run = after
        .iter()
        .take(MAX_DOMAIN + 1)
        .take_while(|&&b| is_domain(b))
        .count();
    if run > MAX_DOMAIN || !after.first().is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let domain = after.get(..run)?;
    let trimmed = domain.len()
        - domain
            .iter()
            .rev()
            .take_while(|&&b| b == b'.' || b == b'-')
            .count();
    let domain = domain.get(..trimmed)?;
    let dot = domain.iter().rposition(|&b| b == b'.')?;
    let tld = domain.get(dot + 1..)?;
    (tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic))
        .then_some(start..domain_start + trimmed)
}

/// A character allowed in a local part.
fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(text: &str) -> Option<&str> {
        let at = text.find('@')?;
        find(text.as_bytes(), at, 0).and_then(|span| text.get(span))
    }

    #[test]
    fn addresses() {
        assert_eq!(
            email("mail jan.peeters@az-kempen.be now"),
            Some("jan.peeters@az-kempen.be")
        );
        assert_eq!(
            email("<Marie_D%x+tag-1@CHU.example.fr>"),
            Some("Marie_D%x+tag-1@CHU.example.fr")
        );
        assert_eq!(email("ask soc@ward.example."), Some("soc@ward.example"));
        assert_eq!(email("mailto:a@b.co"), Some("a@b.co"));
        assert_eq!(email("...jan@x.be"), Some("jan@x.be"));
    }

    #[test]
    fn not_addresses() {
        for text in [
            "@x.be",
            "jan@",
            "jan@localhost",
            "jan@x.b",
            "jan@10.0.0.1",
            "jan@.be",
            "jan @x.be",
            "user@host.c0m",
            "...@x.be",
        ] {
            assert_eq!(email(text), None, "{text}");
        }
    }

    #[test]
    fn local_part_is_capped() {
        let text = format!("{}@x.be", "a".repeat(100));
        assert_eq!(email(&text).map(str::len), Some(64 + 5));
    }

    #[test]
    fn local_part_respects_the_floor() {
        let text = "0470123456jan@x.be";
        assert_eq!(find(text.as_bytes(), 13, 10), Some(10..18));
    }
}

//! The personal-data scrubber: every text bound for a shareable item passes [`scan`] before it is saved.
//!
//! It finds, in short (the exact grammar of each is documented in its module, `scrub/insz.rs`, `iban.rs`,
//! `email.rs`, `phone.rs`, with the digit-group shape in `chain.rs`):
//!
//! - Belgian national register and BIS numbers: 11 digits `YYMMDDSSSCC`, compact or broken only between the fields
//!   by single spaces, `.`, `-` or `/` (`85.07.30-033.28`), with a valid check number, month, day and sequence;
//! - IBANs with a valid mod-97 check and the country's length, compact or in groups of four;
//! - e-mail addresses `local@domain.tld`;
//! - phone numbers in international form (`+32 470 12 34 56`, `0032 …`) and Belgian national form
//!   (`02 123 45 67`, `0470/12.34.56`), but not addresses, dates, times, versions or counts.
//!
//! Every number must stand alone: a digit or letter glued to it makes it part of a longer number, a word or a hash.
//!
//! The scan is one
//! forward pass over the bytes: it stops at the start of every word (a run of ASCII letters and digits), at `@` and
//! at `+`, and looks at the shape there with plain byte tests, running a checksum only when the shape fits. Nothing
//! is allocated but the list of findings.
//!
//! Where two readings of the same characters compete, the one that fails closed wins: a national number is always
//! tried first and never becomes part of a phone number or an address that an author could confirm, while an
//! address swallows the confirmable findings inside its local part (`jan+32470123456@az.be` is one address).
//!
//! The module is pure: it neither logs nor stores what it finds.

mod chain;
mod email;
mod iban;
mod insz;
mod phone;
mod position;

use std::ops::Range;

pub use position::{Position, Positions, position};

use chain::{Chain, MAX_DIGITS};

/// What kind of personal data a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A Belgian national register number (INSZ / NISS / RRN).
    NationalNumber,
    /// A Belgian BIS number, the national number of people outside the National Register.
    BisNumber,
    /// An international bank account number.
    Iban,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
}

impl FindingKind {
    /// Whether an author may confirm such a finding and save anyway. National register and BIS numbers: never.
    #[must_use]
    pub fn confirmable(self) -> bool {
        !matches!(self, Self::NationalNumber | Self::BisNumber)
    }

    /// Stable machine name: "national_number", "bis_number", "iban", "email", "phone".
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NationalNumber => "national_number",
            Self::BisNumber => "bis_number",
            Self::Iban => "iban",
            Self::Email => "email",
            Self::Phone => "phone",
        }
    }

    /// Redaction token, e.g. "[INSZ-REDACTED]", "[BIS-REDACTED]", "[IBAN-REDACTED]", "[EMAIL-REDACTED]",
    /// "[PHONE-REDACTED]".
    #[must_use]
    pub fn redaction(self) -> &'static str {
        match self {
            Self::NationalNumber => "[INSZ-REDACTED]",
            Self::BisNumber => "[BIS-REDACTED]",
            Self::Iban => "[IBAN-REDACTED]",
            Self::Email => "[EMAIL-REDACTED]",
            Self::Phone => "[PHONE-REDACTED]",
        }
    }

    /// The kind in English words, e.g. "Belgian national register number", for messages and reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::NationalNumber => "Belgian national register number",
            Self::BisNumber => "BIS number",
            Self::Iban => "IBAN",
            Self::Email => "e-mail address",
            Self::Phone => "phone number",
        }
    }
}

/// One piece of personal data found in a text: its kind and its byte range (always on char boundaries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What was found.
    pub kind: FindingKind,
    /// Where, in bytes.
    pub span: Range<usize>,
}

impl Finding {
    /// The found text in `haystack`, the text that was scanned; empty if the span does not fit it.
    #[must_use]
    pub fn text<'a>(&self, haystack: &'a str) -> &'a str {
        haystack.get(self.span.clone()).unwrap_or_default()
    }
}

/// Scans a text; findings are sorted by start offset and never overlap.
#[must_use]
pub fn scan(text: &str) -> Vec<Finding> {
    Scanner {
        bytes: text.as_bytes(),
        findings: Vec::new(),
        fixed: 0,
    }
    .run()
}

/// Returns the text with each finding replaced by its redaction token.
///
/// Expects findings as [`scan`] returns them. Others are still handled safely: a span is widened to character
/// boundaries and clamped to the text, and a span overlapping an earlier one is redacted from where that one ended.
#[must_use]
pub fn redact(text: &str, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for finding in findings {
        let start = text.floor_char_boundary(finding.span.start).max(cursor);
        let end = text.ceil_char_boundary(finding.span.end);
        if end <= start {
            continue;
        }
        out.push_str(text.get(cursor..start).unwrap_or_default());
        out.push_str(finding.kind.redaction());
        cursor = end;
    }
    out.push_str(text.get(cursor..).unwrap_or_default());
    out
}

/// The state of one pass.
struct Scanner<'a> {
    bytes: &'a [u8],
    findings: Vec<Finding>,
    /// The end of the last finding that an e-mail address may not swallow.
    fixed: usize,
}

impl Scanner<'_> {
    fn run(mut self) -> Vec<Finding> {
        let mut pos = 0;
        while let Some(&b) = self.bytes.get(pos) {
            pos = match class(b) {
                DIGIT => self.number(pos),
                LETTER => self.word(pos),
                _ if b == b'@' => self.email(pos),
                _ if b == b'+' => self.plus(pos),
                _ => pos + 1,
            };
        }
        self.findings
    }

    /// At a word starting with a digit: a national number, or a phone number in national or `00` form. Returns
    /// where to go on.
    fn number(&mut self, start: usize) -> usize {
        let rest = self.bytes.get(start..).unwrap_or_default();
        let digits = rest.iter().take_while(|&&b| class(b) == DIGIT).count();
        let word_end = self.word_end(start + digits);
        let word = rest.get(..word_end - start).unwrap_or_default();
        // Only a national number starts with a field-sized group, only a phone number with a 0; most numbers in
        // security text (address parts, ports, counts, hash prefixes) already fail here.
        if digits < word.len() || !(insz::field_end(digits) || word.first() == Some(&b'0')) {
            return word_end;
        }
        if let Some((kind, end)) = insz::find(self.bytes, start) {
            return self.push(kind, start..end);
        }
        let phone = match word {
            [b'0', b'0', _, ..] => Chain::read(self.bytes, start, true, MAX_DIGITS)
                .filter(|c| phone::international(c, 2) && !self.holds_national_number(c)),
            [b'0', ..] if phone::national_first_group(digits) => {
                Chain::read(self.bytes, start, false, phone::NATIONAL_DIGITS + 1)
                    .filter(phone::national)
            }
            _ => None,
        };
        match phone {
            Some(chain) => self.push(FindingKind::Phone, chain.span()),
            None => word_end,
        }
    }

    /// At a word starting with a letter: an IBAN.
    fn word(&mut self, start: usize) -> usize {
        let word_end = self.word_end(start);
        match iban::find(self.bytes, start, word_end) {
            Some(end) => self.push(FindingKind::Iban, start..end),
            None => word_end,
        }
    }

    /// At a `+`: a phone number in international form.
    fn plus(&mut self, plus: usize) -> usize {
        match Chain::read(self.bytes, plus + 1, true, MAX_DIGITS) {
            Some(chain)
                if phone::international(&chain, 0) && !self.holds_national_number(&chain) =>
            {
                self.push(FindingKind::Phone, plus..chain.span().end)
            }
            _ => plus + 1,
        }
    }

    /// At an `@`: an e-mail address. Confirmable findings within its local part are dropped in its favour; one that
    /// it would cut into keeps its characters and the address starts after it. A national number in the domain is
    /// not hidden in a confirmable address: the scan goes on into the domain and finds it there.
    fn email(&mut self, at: usize) -> usize {
        let Some(mut span) = email::find(self.bytes, at, self.fixed) else {
            return at + 1;
        };
        if self.national_number_within(at + 1..span.end) {
            return at + 1;
        }
        let mut keep = self.findings.len();
        while let Some(previous) = keep.checked_sub(1).and_then(|i| self.findings.get(i)) {
            if previous.span.end <= span.start {
                break;
            }
            if previous.span.start < span.start {
                match email::find(self.bytes, at, previous.span.end) {
                    Some(shorter) => span = shorter,
                    None => return at + 1,
                }
                break;
            }
            keep -= 1;
        }
        self.findings.truncate(keep);
        self.push(FindingKind::Email, span)
    }

    /// Records a finding; returns its end, where the scan goes on.
    fn push(&mut self, kind: FindingKind, span: Range<usize>) -> usize {
        let end = span.end;
        if !kind.confirmable() {
            self.fixed = end;
        }
        self.findings.push(Finding { kind, span });
        end
    }

    /// Whether a national number starts at any group of `chain`: such a chain is reported as that number instead.
    fn holds_national_number(&self, chain: &Chain) -> bool {
        chain
            .groups()
            .iter()
            .any(|g| insz::find(self.bytes, chain.start_of(g)).is_some())
    }

    /// Whether a national number starts at any word of `range` that starts with a digit, as the scan would see it.
    fn national_number_within(&self, range: Range<usize>) -> bool {
        range.into_iter().any(|pos| {
            let word_start = pos
                .checked_sub(1)
                .and_then(|before| self.bytes.get(before))
                .is_none_or(|&b| class(b) == OTHER);
            word_start && insz::find(self.bytes, pos).is_some()
        })
    }

    /// The end of the run of ASCII letters and digits starting at `start`.
    fn word_end(&self, start: usize) -> usize {
        let rest = self.bytes.get(start..).unwrap_or_default();
        start + rest.iter().take_while(|&&b| class(b) != OTHER).count()
    }
}

const OTHER: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;

/// The class of every byte, by table: the scan asks for nearly every byte of the text, and one load beats the range
/// comparisons of `is_ascii_alphanumeric` there.
static CLASSES: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(
            clippy::indexing_slicing,
            reason = "evaluated at compile time, where an index out of bounds cannot pass"
        )]
        {
            table[b] = match b as u8 {
                b'0'..=b'9' => DIGIT,
                b'a'..=b'z' | b'A'..=b'Z' => LETTER,
                _ => OTHER,
            };
        }
        b += 1;
    }
    table
};

fn class(b: u8) -> u8 {
    CLASSES.get(usize::from(b)).copied().unwrap_or(OTHER)
}

#[cfg(test)]
mod tests;

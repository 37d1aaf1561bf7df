//! The personal-data guard: what the scrubber's findings mean for text on its way into a shareable item.
//!
//! National register and BIS numbers block the save, always: Ward must never store one, not even by accident.
//! The other findings (an IBAN, an e-mail address, a phone number) block it until the author confirms that exact
//! value may be shared — a supplier's security contact is fine, a patient's phone number is not, and only the
//! author can tell.

use serde::Serialize;

use crate::error::ValidationError;
use crate::scrub::{self, FindingKind};

/// One finding in one field, as reported back to the author so it can be shown in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PersonalDataFinding {
    /// The field's name as the client sent it.
    pub field: String,
    /// What was found.
    pub kind: FindingKind,
    /// Where it starts in the field's text, counted in characters (Unicode scalar values) from 0.
    pub start: usize,
    /// Where it ends (exclusive), in characters.
    pub end: usize,
    /// The line it starts on, from 1.
    pub line: usize,
    /// The column it starts at, in characters from 1.
    pub column: usize,
    /// Whether the author may confirm it and save anyway (never for national register and BIS numbers).
    pub confirmable: bool,
    /// The text found, for confirmable kinds only: a national register or BIS number is never repeated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl PersonalDataFinding {
    /// The value an author sends back (in `confirmed_personal_data`) to confirm this finding, e.g.
    /// `email:security@vendor.example`; `None` when it cannot be confirmed.
    #[must_use]
    pub fn confirmation(&self) -> Option<String> {
        self.text
            .as_ref()
            .filter(|_| self.confirmable)
            .map(|text| confirmation(self.kind, text))
    }
}

fn confirmation(kind: FindingKind, text: &str) -> String {
    format!("{}:{text}", kind.as_str())
}

/// Scans every text field of a submission and collects what blocks it.
#[derive(Debug)]
pub struct Guard<'a> {
    confirmed: &'a [String],
    findings: Vec<PersonalDataFinding>,
}

impl<'a> Guard<'a> {
    /// A guard honouring the author's confirmations (`kind:text`, as [`PersonalDataFinding::confirmation`] gives).
    #[must_use]
    pub const fn new(confirmed: &'a [String]) -> Self {
        Self {
            confirmed,
            findings: Vec::new(),
        }
    }

    /// Scans one field's text.
    pub fn check(&mut self, field: &str, text: &str) {
        let found = scrub::scan(text);
        if found.is_empty() {
            return;
        }
        let located = locate(text, found.iter().map(|f| (f.span.start, f.span.end)));
        for (finding, place) in found.iter().zip(located) {
            let value = finding.text(text);
            let confirmable = finding.kind.confirmable();
            if confirmable
                && self
                    .confirmed
                    .iter()
                    .any(|c| *c == confirmation(finding.kind, value))
            {
                continue;
            }
            self.findings.push(PersonalDataFinding {
                field: field.to_owned(),
                kind: finding.kind,
                start: place.start,
                end: place.end,
                line: place.line,
                column: place.column,
                confirmable,
                text: confirmable.then(|| value.to_owned()),
            });
        }
    }

    /// Adds one message per affected field, and the findings themselves, to `errors`.
    pub fn finish(self, errors: &mut ValidationError) {
        let mut fields: Vec<&str> = self.findings.iter().map(|f| f.field.as_str()).collect();
        fields.dedup();
        for field in fields {
            let messages: Vec<String> = self
                .findings
                .iter()
                .filter(|f| f.field == field)
                .map(describe)
                .collect();
            errors.push(field, messages.join("; "));
        }
        errors.personal_data.extend(self.findings);
    }
}

/// Checks each `(field, text)` pair; the usual entry point for a pillar's draft.
pub fn check_fields<'t>(
    confirmed: &[String],
    fields: impl IntoIterator<Item = (&'t str, &'t str)>,
    errors: &mut ValidationError,
) {
    let mut guard = Guard::new(confirmed);
    for (field, text) in fields {
        guard.check(field, text);
    }
    guard.finish(errors);
}

/// The confirmations that let texts which already passed the guard (stored content being edited) pass again.
#[must_use]
pub fn confirmed_in<'t>(texts: impl IntoIterator<Item = &'t str>) -> Vec<String> {
    let mut confirmed: Vec<String> = texts
        .into_iter()
        .flat_map(|text| {
            scrub::scan(text)
                .into_iter()
                .filter(|f| f.kind.confirmable())
                .map(move |f| confirmation(f.kind, f.text(text)))
        })
        .collect();
    confirmed.sort();
    confirmed.dedup();
    confirmed
}

fn describe(f: &PersonalDataFinding) -> String {
    let article = match f.kind {
        FindingKind::Iban | FindingKind::Email => "an",
        FindingKind::NationalNumber | FindingKind::BisNumber | FindingKind::Phone => "a",
    };
    let what = format!("{article} {}", f.kind.name());
    let fix = if f.confirmable {
        "remove it, or confirm that it may be shared"
    } else {
        "remove it: it can never be shared"
    };
    format!(
        "contains {what} at line {}, column {}; {fix}",
        f.line, f.column
    )
}

/// Character offsets and line/column of a finding.
struct Place {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

/// Translates sorted byte ranges into character offsets and line/column, in one pass over the text.
fn locate(text: &str, spans: impl Iterator<Item = (usize, usize)>) -> Vec<Place> {
    let mut places = Vec::new();
    let mut chars = text.char_indices().peekable();
    let (mut index, mut line, mut column) = (0_usize, 1_usize, 1_usize);
    // Advances to `byte`, counting characters, lines and columns on the way.
    let mut advance = |byte: usize, index: &mut usize, line: &mut usize, column: &mut usize| {
        while let Some(&(at, c)) = chars.peek() {
            if at >= byte {
                break;
            }
            chars.next();
            *index += 1;
            if c == '\n' {
                *line += 1;
                *column = 1;
            } else {
                *column += 1;
            }
        }
    };
    for (start, end) in spans {
        advance(start, &mut index, &mut line, &mut column);
        let (first, at_line, at_column) = (index, line, column);
        advance(end, &mut index, &mut line, &mut column);
        places.push(Place {
            start: first,
            end: index,
            line: at_line,
            column: at_column,
        });
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_for(confirmed: &[String], fields: &[(&str, &str)]) -> ValidationError {
        let mut errors = ValidationError::default();
        check_fields(confirmed, fields.iter().copied(), &mut errors);
        errors
    }

    #[test]
    fn clean_text_passes() {
        let errors = errors_for(
            &[],
            &[
                ("title", "Ransomware at a supplier"),
                ("body", "Block 10.0.0.1"),
            ],
        );
        assert!(errors.is_empty());
        assert!(errors.personal_data.is_empty());
    }

    #[test]
    fn a_national_number_blocks_and_is_never_repeated() {
        let body = "Patiënt\nINSZ 85.07.30-033.28 belde";
        let errors = errors_for(&[], &[("body", body)]);
        assert_eq!(errors.errors.len(), 1);
        let message = errors.message_for("body").unwrap_or_default();
        assert!(
            message.contains("national register number at line 2, column 6"),
            "{message}"
        );
        assert!(!message.contains("033"));
        let [finding] = errors.personal_data.as_slice() else {
            panic!("one finding expected: {:?}", errors.personal_data);
        };
        assert_eq!((finding.start, finding.end), (13, 28));
        assert!(!finding.confirmable);
        assert_eq!(finding.text, None);
        assert_eq!(finding.confirmation(), None);
    }

    #[test]
    fn a_national_number_cannot_be_confirmed() {
        let confirmed = vec!["national_number:85.07.30-033.28".to_owned()];
        let errors = errors_for(&confirmed, &[("body", "85.07.30-033.28")]);
        assert_eq!(errors.personal_data.len(), 1);
    }

    #[test]
    fn an_email_blocks_until_confirmed() {
        let text = "Contact security@vendor.example for the patch";
        let errors = errors_for(&[], &[("summary", text)]);
        let [finding] = errors.personal_data.as_slice() else {
            panic!("one finding expected");
        };
        assert!(finding.confirmable);
        let confirmation = finding.confirmation().unwrap_or_default();
        assert_eq!(confirmation, "email:security@vendor.example");
        assert!(errors_for(&[confirmation], &[("summary", text)]).is_empty());
        // Confirming one address does not let another through.
        let other = "Contact security@vendor.example or jan.peeters@hospital.example";
        let again = errors_for(
            &["email:security@vendor.example".to_owned()],
            &[("summary", other)],
        );
        assert_eq!(again.personal_data.len(), 1);
    }

    #[test]
    fn offsets_count_characters_across_fields() {
        let errors = errors_for(
            &[],
            &[
                ("title", "Één"),
                ("body", "ééé x@example.org\n+32 470 12 34 56"),
            ],
        );
        let spans: Vec<_> = errors
            .personal_data
            .iter()
            .map(|f| (f.field.as_str(), f.start, f.end, f.line, f.column))
            .collect();
        assert_eq!(spans, vec![("body", 4, 17, 1, 5), ("body", 18, 34, 2, 1)]);
        assert_eq!(errors.errors.len(), 1, "one message per field");
    }
}

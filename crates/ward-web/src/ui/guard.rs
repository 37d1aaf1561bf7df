//! The personal-data guard in forms: each finding shown in place in the author's text, with what to do about it.

use ward_core::ValidationError;
use ward_core::guard::PersonalDataFinding;
use ward_core::scrub::FindingKind;

use crate::i18n::Tr;

/// What a form shows when the guard stopped a save: one preview per affected field, and the confirmations the
/// author already gave (kept as hidden inputs so they survive the next round).
#[derive(Default)]
pub struct GuardPanel {
    /// The affected fields.
    pub fields: Vec<FieldPreview>,
    /// Confirmations from earlier rounds that still apply.
    pub confirmed: Vec<String>,
}

/// One field's text with its findings marked.
pub struct FieldPreview {
    /// The field's label.
    pub label: String,
    /// The text, cut into plain and marked pieces.
    pub segments: Vec<Segment>,
    /// The findings, in reading order.
    pub findings: Vec<FindingRow>,
}

/// A piece of a field's text.
pub struct Segment {
    /// The text.
    pub text: String,
    /// The kind's name when this piece is a finding.
    pub mark: Option<String>,
}

/// One finding, in words.
pub struct FindingRow {
    /// What and where, e.g. "E-mail address, line 2, column 5".
    pub described: String,
    /// The value to send back to confirm it; `None` for what can never be shared.
    pub confirmation: Option<String>,
    /// The found text (confirmable kinds only).
    pub text: Option<String>,
}

impl GuardPanel {
    /// Builds the panel from a validation error and the submitted fields as `(name, label, text)`.
    #[must_use]
    pub fn of(
        t: Tr,
        errors: &ValidationError,
        fields: &[(&str, String, &str)],
        confirmed: &[String],
    ) -> Self {
        let findings = &errors.personal_data;
        Self {
            fields: fields
                .iter()
                .filter_map(|(name, label, text)| {
                    let mine: Vec<&PersonalDataFinding> =
                        findings.iter().filter(|f| f.field == *name).collect();
                    (!mine.is_empty()).then(|| FieldPreview {
                        label: label.clone(),
                        segments: segments(t, text, &mine),
                        findings: mine.iter().map(|f| row(t, f)).collect(),
                    })
                })
                .collect(),
            confirmed: confirmed.to_vec(),
        }
    }

    /// Whether there is anything to show.
    #[must_use]
    pub fn any(&self) -> bool {
        !self.fields.is_empty()
    }
}

fn kind_name(t: Tr, kind: FindingKind) -> String {
    t.get(&format!("guard-kind-{}", kind.as_str().replace('_', "-")))
}

fn row(t: Tr, f: &PersonalDataFinding) -> FindingRow {
    FindingRow {
        described: t.with(
            "guard-finding-at",
            &[
                ("kind", kind_name(t, f.kind)),
                ("line", f.line.to_string()),
                ("column", f.column.to_string()),
            ],
        ),
        confirmation: f.confirmation(),
        text: f.text.clone(),
    }
}

/// Cuts the text at the findings' character offsets.
fn segments(t: Tr, text: &str, findings: &[&PersonalDataFinding]) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let piece = |from: usize, to: usize| -> String {
        chars
            .get(from..to.min(chars.len()))
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut at = 0;
    for f in findings {
        if f.start < at {
            continue;
        }
        if f.start > at {
            out.push(Segment {
                text: piece(at, f.start),
                mark: None,
            });
        }
        out.push(Segment {
            text: piece(f.start, f.end),
            mark: Some(kind_name(t, f.kind)),
        });
        at = f.end;
    }
    if at < chars.len() {
        out.push(Segment {
            text: piece(at, chars.len()),
            mark: None,
        });
    }
    out
}

//! Domain errors shared by the pillars.

use serde::Serialize;

/// A value that is not one of the known codes of an enumeration.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{value:?} is not a valid {what}; expected one of: {}", expected.join(", "))]
pub struct UnknownCode {
    /// Which kind of value was expected.
    pub what: &'static str,
    /// The value received.
    pub value: String,
    /// The valid codes.
    pub expected: &'static [&'static str],
}

/// One problem with one input field, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// The field's name as the client sent it.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// Input that could not be accepted, with every problem found.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("invalid input: {}", .errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; "))]
pub struct ValidationError {
    /// The problems, one per field.
    pub errors: Vec<FieldError>,
    /// Personal data the guard found, with positions, so the author can see each finding in place.
    pub personal_data: Vec<crate::guard::PersonalDataFinding>,
}

impl ValidationError {
    /// An error about one field.
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            errors: vec![FieldError {
                field: field.into(),
                message: message.into(),
            }],
            personal_data: Vec::new(),
        }
    }

    /// Adds a problem.
    pub fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// Whether no problem was recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok(())` when empty, else `Err(self)`.
    ///
    /// # Errors
    /// When at least one problem was recorded.
    pub fn into_result(self) -> Result<(), Self> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }

    /// The message for a field, if that field has a problem.
    #[must_use]
    pub fn message_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// Collects the result of a parse into a [`ValidationError`], returning the value when it parsed.
pub fn collect<T, E: std::fmt::Display>(
    errors: &mut ValidationError,
    field: &str,
    result: Result<T, E>,
) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(field, e.to_string());
            None
        }
    }
}

//! Bounded, clean text from users.

use std::fmt;

/// Why a piece of text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// Required but empty.
    #[error("this field is required")]
    Empty,
    /// Too long.
    #[error("keep it under {max} characters (it has {len})")]
    TooLong {
        /// The limit.
        max: usize,
        /// The length received.
        len: usize,
    },
    /// Contains control characters.
    #[error("remove the invisible control characters")]
    ControlCharacters,
}

/// Trims and checks one line of text: no control characters, between `min` and `max` characters.
///
/// # Errors
/// When empty (and `min > 0`), too long, or containing control characters.
pub fn line(value: &str, min: usize, max: usize) -> Result<String, TextError> {
    let v = value.trim();
    check(v, min, max, false)?;
    Ok(v.to_owned())
}

/// Like [`line`] but allows line breaks and tabs, for longer bodies. Line endings become `\n`.
///
/// # Errors
/// When empty (and `min > 0`), too long, or containing other control characters.
pub fn multiline(value: &str, min: usize, max: usize) -> Result<String, TextError> {
    let v = value.replace("\r\n", "\n");
    let v = v.trim();
    check(v, min, max, true)?;
    Ok(v.to_owned())
}

fn check(v: &str, min: usize, max: usize, allow_breaks: bool) -> Result<(), TextError> {
    let len = v.chars().count();
    if len < min.max(usize::from(min > 0)) {
        return Err(TextError::Empty);
    }
    if len > max {
        return Err(TextError::TooLong { max, len });
    }
    let bad = v
        .chars()
        .any(|c| c.is_control() && !(allow_breaks && (c == '\n' || c == '\t')));
    if bad {
        return Err(TextError::ControlCharacters);
    }
    Ok(())
}

/// A non-empty display name of at most 120 characters (people, organizations, groups).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Name(String);

impl Name {
    /// Checks and wraps a name.
    ///
    /// # Errors
    /// When empty, longer than 120 characters or containing control characters.
    pub fn parse(value: &str) -> Result<Self, TextError> {
        line(value, 1, 120).map(Self)
    }

    /// The name as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as an owned string.
    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(Name::parse("  AZ Kempen ").unwrap().as_str(), "AZ Kempen");
        assert_eq!(Name::parse("   "), Err(TextError::Empty));
        assert!(matches!(
            Name::parse(&"x".repeat(121)),
            Err(TextError::TooLong { .. })
        ));
        assert_eq!(Name::parse("a\u{0}b"), Err(TextError::ControlCharacters));
    }

    #[test]
    fn bodies_keep_line_breaks() {
        assert_eq!(multiline("a\r\nb\tc", 0, 100).unwrap(), "a\nb\tc");
        assert_eq!(multiline("", 0, 100).unwrap(), "");
    }

    proptest! {
        #[test]
        fn line_never_panics_and_respects_bounds(s in "\\PC{0,200}", max in 1usize..150) {
            if let Ok(v) = line(&s, 1, max) {
                prop_assert!(v.chars().count() <= max && !v.is_empty());
            }
        }
    }
}

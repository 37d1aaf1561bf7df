//! E-mail addresses, the sign-in name.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

/// A syntactically plausible e-mail address, trimmed and lower-cased so that sign-in is case-insensitive.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(transparent)]
#[schema(value_type = String, format = Email)]
pub struct Email(String);

/// Why an address was refused.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("enter an e-mail address like name@hospital.be")]
pub struct InvalidEmail;

impl Email {
    /// The address as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after `@`.
    #[must_use]
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }
}

impl FromStr for Email {
    type Err = InvalidEmail;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_lowercase();
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(InvalidEmail);
        }
        let (local, domain) = s.rsplit_once('@').ok_or(InvalidEmail)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
            return Err(InvalidEmail);
        }
        Ok(Self(s))
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Email({})", self.0)
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn addresses_are_normalised() {
        let e: Email = "  Jan.Peeters@AZ-Kempen.BE ".parse().unwrap();
        assert_eq!(e.as_str(), "jan.peeters@az-kempen.be");
        assert_eq!(e.domain(), "az-kempen.be");
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in [
            "", "plain", "a@b", "a@.be", "a b@c.be", "@x.be", "a@x..be", "a@x.be.", "a@@x.be",
        ] {
            assert!(bad.parse::<Email>().is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_is_idempotent(s in "\\PC{0,80}") {
            if let Ok(e) = s.parse::<Email>() {
                prop_assert_eq!(e.as_str().parse::<Email>().unwrap(), e);
            }
        }
    }
}

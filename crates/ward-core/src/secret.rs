//! Random secrets (session ids, API tokens, invitation links, recovery codes) and their stored hashes.
//!
//! Secrets have 256 bits from the operating system's generator. Only a SHA-256 of each secret is stored, so a copy
//! of the database does not hand out working credentials; SHA-256 (not a slow hash) is right here because the
//! secrets are long and random, unlike passwords.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The operating system's random generator failed (practically never; refusing is the only safe answer).
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the system random number generator is unavailable")]
pub struct RandomUnavailable;

/// `N` random bytes.
///
/// # Errors
/// When the operating system cannot provide randomness.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], RandomUnavailable> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|_| RandomUnavailable)?;
    Ok(buf)
}

/// A new random secret as URL-safe text, with a prefix that says what it is (helps secret scanners and people).
///
/// # Errors
/// When the operating system cannot provide randomness.
pub fn new_secret(prefix: &str) -> Result<String, RandomUnavailable> {
    let bytes = random_bytes::<32>()?;
    Ok(format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes)))
}

/// The stored form of a secret: lower-case hex SHA-256.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SecretHash(String);

impl SecretHash {
    /// Hashes a presented secret.
    #[must_use]
    pub fn of(secret: &str) -> Self {
        Self(hex::encode(Sha256::digest(secret.as_bytes())))
    }

    /// Wraps a hash read from storage.
    #[must_use]
    pub fn from_stored(hex: &str) -> Self {
        Self(hex.to_owned())
    }

    /// The hex text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix: String = self.0.chars().take(8).collect();
        write!(f, "SecretHash({prefix}…)")
    }
}

/// Compares two byte strings in constant time.
#[must_use]
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_prefixed_random_and_hash_stably() {
        let a = new_secret("ward_pat_").unwrap();
        let b = new_secret("ward_pat_").unwrap();
        assert!(a.starts_with("ward_pat_"));
        assert_ne!(a, b);
        assert_eq!(a.len(), "ward_pat_".len() + 43);
        assert_eq!(SecretHash::of(&a), SecretHash::of(&a));
        assert_ne!(SecretHash::of(&a), SecretHash::of(&b));
        assert_eq!(SecretHash::of("abc").as_str().len(), 64);
    }

    #[test]
    fn constant_time_comparison_is_equality() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}

//! Passwords: the rules a new password must meet, and Argon2id hashing.
//!
//! Hashing is deliberately slow (about 20 MiB and two passes); callers on an async runtime must run it on a blocking
//! thread. Sign-in against an unknown account still verifies against a dummy hash so the answer takes as long as for
//! a known one.

use std::fmt;
use std::sync::LazyLock;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

/// The shortest password accepted.
pub const MIN_LENGTH: usize = 12;
/// The longest password accepted.
pub const MAX_LENGTH: usize = 256;

/// A password that meets the rules. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

/// Why a new password was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Shorter than [`MIN_LENGTH`].
    #[error("use at least {MIN_LENGTH} characters; a few unrelated words make a good password")]
    TooShort,
    /// Longer than [`MAX_LENGTH`].
    #[error("use at most {MAX_LENGTH} characters")]
    TooLong,
    /// Common, predictable, or built from the person's own name or address.
    #[error(
        "this password is too easy to guess (it is common or close to your name or address); add unrelated words"
    )]
    TooGuessable,
}

impl Password {
    /// Checks a new password. `personal` holds words an attacker would try first (e-mail, name, organization).
    ///
    /// # Errors
    /// When the password is too short, too long, or too guessable.
    pub fn new(candidate: &str, personal: &[&str]) -> Result<Self, PasswordError> {
        let len = candidate.chars().count();
        if len < MIN_LENGTH {
            return Err(PasswordError::TooShort);
        }
        if len > MAX_LENGTH {
            return Err(PasswordError::TooLong);
        }
        // zxcvbn's dictionaries include the common-password lists; score 3 means "safely unguessable" for an online
        // attack with throttling, which sign-in has.
        let estimate = zxcvbn::zxcvbn(candidate, personal);
        if u8::from(estimate.score()) < 3 {
            return Err(PasswordError::TooGuessable);
        }
        Ok(Self(candidate.to_owned()))
    }

    /// The password text (to hash it).
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

/// Hashing failed (invalid parameters or no randomness for the salt).
#[derive(Debug, Clone, thiserror::Error)]
#[error("could not hash the password: {0}")]
pub struct HashError(String);

fn hasher() -> Argon2<'static> {
    // OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane.
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password to a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). Slow: run it off the async runtime.
///
/// # Errors
/// When hashing fails.
pub fn hash(password: &Password) -> Result<String, HashError> {
    hasher()
        .hash_password(password.0.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `candidate` matches the stored PHC string. A malformed stored hash never matches. Slow: run it off the
/// async runtime.
#[must_use]
pub fn verify(stored: &str, candidate: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    hasher()
        .verify_password(candidate.as_bytes(), &parsed)
        .is_ok()
}

static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let dummy = Password("ward-dummy-password-for-timing".to_owned());
    hash(&dummy).unwrap_or_default()
});

/// Spends the same time as [`verify`] without any account, so that "no such account" and "wrong password" cannot
/// be told apart by timing. Always `false`.
#[must_use]
pub fn verify_dummy(candidate: &str) -> bool {
    let _ = verify(&DUMMY_HASH, candidate);
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_refuse_short_common_and_personal_passwords() {
        assert_eq!(Password::new("short", &[]), Err(PasswordError::TooShort));
        assert_eq!(
            Password::new("password1234", &[]),
            Err(PasswordError::TooGuessable)
        );
        assert_eq!(
            Password::new("qwertyuiop123", &[]),
            Err(PasswordError::TooGuessable)
        );
        assert_eq!(
            Password::new(
                "jan.peeters@azk.be1",
                &["jan.peeters@azk.be", "Jan Peeters"]
            ),
            Err(PasswordError::TooGuessable)
        );
        assert_eq!(
            Password::new(&"a".repeat(300), &[]),
            Err(PasswordError::TooLong)
        );
        assert!(Password::new("lantern orbit cedar maple", &[]).is_ok());
    }

    #[test]
    fn hashes_verify_and_are_argon2id() {
        let p = Password::new("lantern orbit cedar maple", &[]).unwrap();
        let h = hash(&p).unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify(&h, "lantern orbit cedar maple"));
        assert!(!verify(&h, "lantern orbit cedar maples"));
        assert!(!verify("not a hash", "anything"));
        assert!(!verify_dummy("anything"));
    }

    #[test]
    fn debug_hides_the_password() {
        let p = Password::new("lantern orbit cedar maple", &[]).unwrap();
        assert!(!format!("{p:?}").contains("lantern"));
    }
}

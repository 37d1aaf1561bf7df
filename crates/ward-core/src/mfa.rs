//! The second factor: TOTP (RFC 6238, SHA-1, 6 digits, 30-second steps, one step of clock skew) and one-time
//! recovery codes.

use std::fmt;

use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::secret::{RandomUnavailable, SecretHash, random_bytes};
use crate::time::Timestamp;

/// A TOTP shared secret (160 bits). Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(Vec<u8>);

/// A stored or typed secret that is not valid base32 of the right length.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the authenticator secret is not valid")]
pub struct InvalidSecret;

impl TotpSecret {
    /// A new random secret.
    ///
    /// # Errors
    /// When the operating system cannot provide randomness.
    pub fn generate() -> Result<Self, RandomUnavailable> {
        Ok(Self(random_bytes::<20>()?.to_vec()))
    }

    /// Reads the base32 form.
    ///
    /// # Errors
    /// When the text is not base32 or decodes to fewer than 128 bits.
    pub fn from_base32(text: &str) -> Result<Self, InvalidSecret> {
        let secret = Secret::try_from_base32(text.trim()).map_err(|_| InvalidSecret)?;
        let bytes = secret.as_bytes().to_vec();
        if bytes.len() < 16 {
            return Err(InvalidSecret);
        }
        Ok(Self(bytes))
    }

    /// The base32 form, as authenticator apps take it and as it is stored.
    #[must_use]
    pub fn to_base32(&self) -> String {
        Secret::new(self.0.clone().into_boxed_slice()).to_base32()
    }

    fn totp(&self, issuer: &str, account: &str) -> Option<Totp> {
        // otpauth labels use ':' as the separator; keep it out of both parts.
        let issuer = issuer.replace(':', " ");
        let account = account.replace(':', " ");
        Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(6)
            .with_skew(1)
            .with_step_duration(30)
            .with_secret(Secret::new(self.0.clone().into_boxed_slice()))
            .with_issuer(Some(issuer))
            .with_account_name(account)
            .build()
            .ok()
    }

    /// The `otpauth://` URI an authenticator app scans from the QR code.
    #[must_use]
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> Option<String> {
        self.totp(issuer, account).and_then(|t| t.to_url().ok())
    }

    /// Checks a six-digit code at time `now`. Returns the time step it matched, which must be greater than
    /// `last_used_step` (each code works once).
    #[must_use]
    pub fn verify(&self, code: &str, now: Timestamp, last_used_step: Option<i64>) -> Option<i64> {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let time = u64::try_from(now.unix_seconds()).ok()?;
        let step = self.totp("Ward", "user")?.check(&code, time)?;
        let step = i64::try_from(step).ok()?;
        match last_used_step {
            Some(last) if step <= last => None,
            _ => Some(step),
        }
    }

    /// The code an authenticator shows at `now` (for tests and the command line).
    #[must_use]
    pub fn code_at(&self, now: Timestamp) -> Option<String> {
        let time = u64::try_from(now.unix_seconds()).ok()?;
        Some(self.totp("Ward", "user")?.generate(time).to_string())
    }
}

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret(…)")
    }
}

/// How many recovery codes a person gets.
pub const RECOVERY_CODE_COUNT: usize = 10;

const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// New recovery codes, formatted `xxxxx-xxxxx` (about 49 bits each, from an alphabet without look-alikes).
///
/// # Errors
/// When the operating system cannot provide randomness.
pub fn new_recovery_codes() -> Result<Vec<String>, RandomUnavailable> {
    (0..RECOVERY_CODE_COUNT).map(|_| recovery_code()).collect()
}

fn recovery_code() -> Result<String, RandomUnavailable> {
    // Rejection sampling keeps every character equally likely: only bytes below the largest multiple of the
    // alphabet size are used.
    let alphabet = RECOVERY_ALPHABET.len();
    let limit = 256 - 256 % alphabet;
    let mut chars = String::with_capacity(11);
    while chars.len() < 10 {
        for b in random_bytes::<16>()? {
            let b = usize::from(b);
            if b < limit && chars.len() < 10 {
                chars.push(char::from(
                    RECOVERY_ALPHABET.get(b % alphabet).copied().unwrap_or(b'a'),
                ));
            }
        }
    }
    let (a, b) = chars.split_at(5);
    Ok(format!("{a}-{b}"))
}

/// The stored hash of a recovery code as typed (case, spaces and dashes ignored).
#[must_use]
pub fn recovery_code_hash(typed: &str) -> SecretHash {
    let normalised: String = typed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    SecretHash::of(&normalised)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{Clock, SystemClock};

    #[test]
    fn codes_verify_once_per_step() {
        let secret = TotpSecret::generate().unwrap();
        let now = SystemClock.now();
        let code = secret.code_at(now).unwrap();
        let step = secret.verify(&code, now, None).unwrap();
        assert_eq!(
            secret.verify(&code, now, Some(step)),
            None,
            "replay must fail"
        );
        assert_eq!(secret.verify("000000x", now, None), None);
        assert_eq!(secret.verify("", now, None), None);
    }

    #[test]
    fn codes_from_long_ago_fail() {
        let secret = TotpSecret::generate().unwrap();
        let now = SystemClock.now();
        let old = secret
            .code_at(now.minus(time::Duration::minutes(10)))
            .unwrap();
        let current = secret.code_at(now).unwrap();
        if old != current {
            assert_eq!(secret.verify(&old, now, None), None);
        }
    }

    #[test]
    fn base32_round_trips_and_uri_names_the_issuer() {
        let secret = TotpSecret::generate().unwrap();
        let back = TotpSecret::from_base32(&secret.to_base32()).unwrap();
        assert_eq!(back, secret);
        let uri = secret
            .otpauth_uri("Ward: Healthcare", "jan@azk.be")
            .unwrap();
        assert!(uri.starts_with("otpauth://totp/"), "{uri}");
        assert!(uri.contains("issuer=Ward"), "{uri}");
        assert!(TotpSecret::from_base32("!!").is_err());
    }

    #[test]
    fn recovery_codes_are_distinct_and_match_loosely() {
        let codes = new_recovery_codes().unwrap();
        assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
        let unique: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len());
        let c = codes.first().unwrap();
        assert_eq!(
            recovery_code_hash(c),
            recovery_code_hash(&c.to_uppercase().replace('-', " "))
        );
    }
}

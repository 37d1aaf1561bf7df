//! Sealing a 32-byte secret so that only the holder of another secret can open it, while the database keeps
//! nothing that opens it.
//!
//! A membership applicant holds a status link whose secret Ward stores only as a hash. When the coordinator approves
//! the application later, Ward must leave the new administrator's invitation link where the applicant's status page
//! can show it — without storing that link in a form a copy of the database could use. So the status secret also
//! derives an X25519 key pair: the public key is stored at submission, the approval seals the invitation secret to
//! it (hashed ElGamal: a fresh ephemeral key, SHA-256 of the shared point as a one-time pad), and only the status
//! secret, presented again, derives the private key that opens it.

use sha2::{Digest, Sha256};
use x25519_dalek::{PublicKey, StaticSecret};

use crate::secret::{RandomUnavailable, random_bytes};

/// Separates the key derived from a status secret from every other use of that secret.
const KEY_CONTEXT: &[u8] = b"ward sealed key v1\0";
/// Separates the one-time pad from every other use of the shared point.
const PAD_CONTEXT: &[u8] = b"ward sealed pad v1\0";

/// The public half of the key pair a secret derives; stored, it lets anyone seal to that secret's holder.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct SealKey([u8; 32]);

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SealKey({})", hex::encode(self.0))
    }
}

impl SealKey {
    /// The public key that `secret` derives.
    #[must_use]
    pub fn of(secret: &str) -> Self {
        Self(PublicKey::from(&private_key(secret)).to_bytes())
    }

    /// The stored form: lower-case hex.
    #[must_use]
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// Reads the stored form.
    #[must_use]
    pub fn from_hex(text: &str) -> Option<Self> {
        let bytes = hex::decode(text.trim()).ok()?;
        bytes.try_into().ok().map(Self)
    }
}

/// 32 bytes sealed to a [`SealKey`]: the ephemeral public key and the padded bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Sealed {
    ephemeral: [u8; 32],
    body: [u8; 32],
}

impl std::fmt::Debug for Sealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealed(…)")
    }
}

impl Sealed {
    /// Seals `plain` so that only the holder of the secret behind `to` can open it.
    ///
    /// # Errors
    /// When the operating system cannot provide randomness.
    pub fn seal(plain: &[u8; 32], to: &SealKey) -> Result<Self, RandomUnavailable> {
        let ephemeral = StaticSecret::from(random_bytes::<32>()?);
        let ephemeral_public = PublicKey::from(&ephemeral).to_bytes();
        let shared = ephemeral.diffie_hellman(&PublicKey::from(to.0));
        let pad = pad(shared.as_bytes(), &ephemeral_public, &to.0);
        Ok(Self {
            ephemeral: ephemeral_public,
            body: xor(plain, &pad),
        })
    }

    /// Opens with the secret whose [`SealKey`] it was sealed to. A different secret yields other bytes, not an
    /// error: callers compare what they get against a stored hash.
    #[must_use]
    pub fn open(&self, secret: &str) -> [u8; 32] {
        let private = private_key(secret);
        let own_public = PublicKey::from(&private).to_bytes();
        let shared = private.diffie_hellman(&PublicKey::from(self.ephemeral));
        xor(
            &self.body,
            &pad(shared.as_bytes(), &self.ephemeral, &own_public),
        )
    }

    /// The stored form: 128 hex digits.
    #[must_use]
    pub fn to_hex(&self) -> String {
        format!("{}{}", hex::encode(self.ephemeral), hex::encode(self.body))
    }

    /// Reads the stored form.
    #[must_use]
    pub fn from_hex(text: &str) -> Option<Self> {
        let bytes: [u8; 64] = hex::decode(text.trim()).ok()?.try_into().ok()?;
        let (ephemeral, body) = bytes.split_at(32);
        Some(Self {
            ephemeral: ephemeral.try_into().ok()?,
            body: body.try_into().ok()?,
        })
    }
}

fn private_key(secret: &str) -> StaticSecret {
    let seed: [u8; 32] = Sha256::new()
        .chain_update(KEY_CONTEXT)
        .chain_update(secret.as_bytes())
        .finalize()
        .into();
    StaticSecret::from(seed)
}

fn pad(shared: &[u8; 32], ephemeral: &[u8; 32], recipient: &[u8; 32]) -> [u8; 32] {
    Sha256::new()
        .chain_update(PAD_CONTEXT)
        .chain_update(shared)
        .chain_update(ephemeral)
        .chain_update(recipient)
        .finalize()
        .into()
}

fn xor(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    for ((o, x), y) in out.iter_mut().zip(a).zip(b) {
        *o = x ^ y;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_right_secret_opens() {
        let key = SealKey::of("ward_app_status-secret");
        let plain = [7u8; 32];
        let sealed = Sealed::seal(&plain, &key).unwrap();
        assert_eq!(sealed.open("ward_app_status-secret"), plain);
        assert_ne!(sealed.open("ward_app_other-secret"), plain);
    }

    #[test]
    fn sealing_twice_gives_different_boxes() {
        let key = SealKey::of("s");
        let plain = [1u8; 32];
        let a = Sealed::seal(&plain, &key).unwrap();
        let b = Sealed::seal(&plain, &key).unwrap();
        assert_ne!(a.to_hex(), b.to_hex());
    }

    #[test]
    fn stored_forms_round_trip() {
        let key = SealKey::of("s");
        assert_eq!(SealKey::from_hex(&key.to_hex()), Some(key));
        let sealed = Sealed::seal(&[9u8; 32], &key).unwrap();
        assert_eq!(Sealed::from_hex(&sealed.to_hex()), Some(sealed));
        assert_eq!(Sealed::from_hex("abcd"), None);
        assert_eq!(SealKey::from_hex("zz"), None);
    }
}

//! The audit trail: what happened, who did it, and a SHA-256 hash chain that makes tampering evident.
//!
//! Every entry stores the hash of the previous entry and its own hash over a canonical serialization of all its
//! fields. Changing, removing or reordering an entry breaks the chain from that entry on; `ward audit verify` walks
//! the chain and names the first broken entry.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::ids::{OrgId, PersonId};
use crate::time::Timestamp;

/// The `prev_hash` of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who caused an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Actor {
    /// A signed-in person (through the UI or an API token).
    Person {
        /// The person.
        person: PersonId,
        /// Their organization.
        org: OrgId,
    },
    /// The command line or the background worker.
    System {
        /// Which part of the system (`cli`, `worker`, `demo`).
        name: String,
    },
    /// Nobody signed in (for example a failed sign-in).
    Anonymous,
}

impl Actor {
    /// The text stored in the `actor_kind` column.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::Person { .. } => "person",
            Self::System { .. } => "system",
            Self::Anonymous => "anonymous",
        }
    }
}

/// An event to append to the trail.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditEvent {
    /// What happened, dotted (`auth.login.failed`, `announcement.created`, …).
    pub action: &'static str,
    /// Who did it.
    pub actor: Actor,
    /// The organization the event concerns (its administrators may read it); `None` for community-level events.
    pub org: Option<OrgId>,
    /// The kind of thing acted on (`person`, `item`, `token`, …).
    pub target_kind: Option<&'static str>,
    /// The id of the thing acted on.
    pub target_id: Option<String>,
    /// Extra facts as JSON. Never secrets, never personal data beyond ids.
    pub detail: serde_json::Value,
    /// The client address, when the event came from a request.
    pub ip: Option<String>,
}

impl AuditEvent {
    /// A new event with no target, detail or address.
    #[must_use]
    pub fn new(action: &'static str, actor: Actor, org: Option<OrgId>) -> Self {
        Self {
            action,
            actor,
            org,
            target_kind: None,
            target_id: None,
            detail: serde_json::Value::Null,
            ip: None,
        }
    }

    /// Names the thing acted on.
    #[must_use]
    pub fn target(mut self, kind: &'static str, id: impl ToString) -> Self {
        self.target_kind = Some(kind);
        self.target_id = Some(id.to_string());
        self
    }

    /// Adds detail.
    #[must_use]
    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail;
        self
    }

    /// Adds the client address.
    #[must_use]
    pub fn ip(mut self, ip: Option<String>) -> Self {
        self.ip = ip;
        self
    }
}

/// A stored entry of the trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AuditRecord {
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// When it was recorded.
    pub at: Timestamp,
    /// What happened.
    pub action: String,
    /// `person`, `system` or `anonymous`.
    pub actor_kind: String,
    /// The acting person.
    pub actor_person: Option<PersonId>,
    /// The acting person's organization.
    pub actor_org: Option<OrgId>,
    /// The acting system part.
    pub actor_system: Option<String>,
    /// The organization concerned.
    pub org: Option<OrgId>,
    /// The kind of thing acted on.
    pub target_kind: Option<String>,
    /// The id of the thing acted on.
    pub target_id: Option<String>,
    /// Extra facts, as JSON text.
    pub detail: String,
    /// The client address.
    pub ip: Option<String>,
    /// The previous entry's hash.
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
}

impl AuditRecord {
    /// Builds the record for `event` at position `seq` after `prev_hash`, computing its hash.
    #[must_use]
    pub fn chain(event: &AuditEvent, seq: i64, at: Timestamp, prev_hash: &str) -> Self {
        let (actor_person, actor_org, actor_system) = match &event.actor {
            Actor::Person { person, org } => (Some(*person), Some(*org), None),
            Actor::System { name } => (None, None, Some(name.clone())),
            Actor::Anonymous => (None, None, None),
        };
        let mut record = Self {
            seq,
            at,
            action: event.action.to_owned(),
            actor_kind: event.actor.kind().to_owned(),
            actor_person,
            actor_org,
            actor_system,
            org: event.org,
            target_kind: event.target_kind.map(str::to_owned),
            target_id: event.target_id.clone(),
            detail: event.detail.to_string(),
            ip: event.ip.clone(),
            prev_hash: prev_hash.to_owned(),
            hash: String::new(),
        };
        record.hash = record.computed_hash();
        record
    }

    /// The hash this record should have: SHA-256 over the JSON array of every field but the hash, in a fixed order.
    #[must_use]
    pub fn computed_hash(&self) -> String {
        let canonical = serde_json::json!([
            self.seq,
            self.at.to_fixed_string(),
            self.action,
            self.actor_kind,
            self.actor_person,
            self.actor_org,
            self.actor_system,
            self.org,
            self.target_kind,
            self.target_id,
            self.detail,
            self.ip,
            self.prev_hash,
        ]);
        hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
    }
}

/// An audit entry as a reader sees it: without the chain hashes (those are for `ward audit verify`; exposed, they
/// would let a reader test guesses about redacted fields).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AuditView {
    /// Position in the chain.
    pub seq: i64,
    /// When.
    pub at: Timestamp,
    /// What happened.
    pub action: String,
    /// `person`, `system` or `anonymous`.
    pub actor_kind: String,
    /// The acting person, unless hidden.
    pub actor_person: Option<PersonId>,
    /// The acting person's organization, unless hidden.
    pub actor_org: Option<OrgId>,
    /// The acting system part.
    pub actor_system: Option<String>,
    /// The organization concerned, unless hidden.
    pub org: Option<OrgId>,
    /// The kind of thing acted on.
    pub target_kind: Option<String>,
    /// The id of the thing acted on.
    pub target_id: Option<String>,
    /// Extra facts as JSON text.
    pub detail: String,
    /// The client address, unless hidden.
    pub ip: Option<String>,
    /// Whether facts were hidden because they would reveal an anonymous contributor.
    pub redacted: bool,
}

impl AuditRecord {
    /// Whether this entry concerns an item contributed anonymously (its detail says so).
    #[must_use]
    pub fn concerns_anonymous_item(&self) -> bool {
        serde_json::from_str::<serde_json::Value>(&self.detail)
            .ok()
            .and_then(|d| d.get("anonymous").and_then(serde_json::Value::as_bool))
            .unwrap_or(false)
    }

    /// The entry without hashes, with the contributor's organization and person hidden when `hide_contributor`.
    #[must_use]
    pub fn view(&self, hide_contributor: bool) -> AuditView {
        let actor_is_contributor = self.actor_org.is_some() && self.actor_org == self.org;
        let hide_actor = hide_contributor && actor_is_contributor;
        AuditView {
            seq: self.seq,
            at: self.at,
            action: self.action.clone(),
            actor_kind: self.actor_kind.clone(),
            actor_person: if hide_actor { None } else { self.actor_person },
            actor_org: if hide_actor { None } else { self.actor_org },
            actor_system: self.actor_system.clone(),
            org: if hide_contributor { None } else { self.org },
            target_kind: self.target_kind.clone(),
            target_id: self.target_id.clone(),
            detail: self.detail.clone(),
            ip: if hide_actor { None } else { self.ip.clone() },
            redacted: hide_contributor,
        }
    }
}

/// Where and why the chain is broken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("audit entry {seq} is broken: {reason}")]
pub struct ChainBreak {
    /// The first entry that does not verify.
    pub seq: i64,
    /// What is wrong with it.
    pub reason: &'static str,
}

/// Walks the chain incrementally.
#[derive(Clone, Debug)]
pub struct ChainVerifier {
    expected_seq: i64,
    prev_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self {
            expected_seq: 1,
            prev_hash: GENESIS_HASH.to_owned(),
        }
    }
}

impl ChainVerifier {
    /// Checks the next record in sequence order.
    ///
    /// # Errors
    /// When the record is out of sequence, does not follow the previous hash, or its content does not match its
    /// hash.
    pub fn check(&mut self, record: &AuditRecord) -> Result<(), ChainBreak> {
        let seq = record.seq;
        if seq != self.expected_seq {
            return Err(ChainBreak {
                seq: self.expected_seq,
                reason: "missing or out of order",
            });
        }
        if record.prev_hash != self.prev_hash {
            return Err(ChainBreak {
                seq,
                reason: "does not follow the previous entry",
            });
        }
        if record.computed_hash() != record.hash {
            return Err(ChainBreak {
                seq,
                reason: "content does not match its hash",
            });
        }
        self.expected_seq += 1;
        self.prev_hash.clone_from(&record.hash);
        Ok(())
    }

    /// How many records verified so far.
    #[must_use]
    pub const fn verified(&self) -> i64 {
        self.expected_seq - 1
    }

    /// The hash of the last verified record.
    #[must_use]
    pub fn head_hash(&self) -> &str {
        &self.prev_hash
    }
}

/// Audit action names used by the foundation. Pillars add their own in the same dotted style.
pub mod actions {
    /// A successful sign-in.
    pub const LOGIN_SUCCEEDED: &str = "auth.login.succeeded";
    /// A failed sign-in (wrong password, unknown account, locked, disabled).
    pub const LOGIN_FAILED: &str = "auth.login.failed";
    /// A sign-out.
    pub const LOGOUT: &str = "auth.logout";
    /// A second factor was enrolled.
    pub const MFA_ENROLLED: &str = "auth.mfa.enrolled";
    /// A second factor was removed.
    pub const MFA_DISABLED: &str = "auth.mfa.disabled";
    /// A wrong second-factor code.
    pub const MFA_FAILED: &str = "auth.mfa.failed";
    /// A recovery code was used.
    pub const MFA_RECOVERY_USED: &str = "auth.mfa.recovery_used";
    /// New recovery codes were generated.
    pub const MFA_RECOVERY_REGENERATED: &str = "auth.mfa.recovery_regenerated";
    /// A password was changed by its owner.
    pub const PASSWORD_CHANGED: &str = "auth.password.changed";
    /// A password was reset by an administrator.
    pub const PASSWORD_RESET: &str = "auth.password.reset";
    /// An API token was created.
    pub const TOKEN_CREATED: &str = "token.created";
    /// An API token was revoked.
    pub const TOKEN_REVOKED: &str = "token.revoked";
    /// An organization was created.
    pub const ORG_CREATED: &str = "org.created";
    /// An organization was changed.
    pub const ORG_UPDATED: &str = "org.updated";
    /// A person was created.
    pub const PERSON_CREATED: &str = "person.created";
    /// A person's role changed.
    pub const PERSON_ROLE_CHANGED: &str = "person.role_changed";
    /// A person was disabled.
    pub const PERSON_DISABLED: &str = "person.disabled";
    /// A person was enabled again.
    pub const PERSON_ENABLED: &str = "person.enabled";
    /// A person changed their own profile (language, name).
    pub const PROFILE_UPDATED: &str = "person.profile_updated";
    /// An invitation was created.
    pub const INVITATION_CREATED: &str = "invitation.created";
    /// An invitation was revoked.
    pub const INVITATION_REVOKED: &str = "invitation.revoked";
    /// An invitation was accepted.
    pub const INVITATION_ACCEPTED: &str = "invitation.accepted";
    /// A sharing group was created.
    pub const GROUP_CREATED: &str = "group.created";
    /// A sharing group was changed.
    pub const GROUP_UPDATED: &str = "group.updated";
    /// An organization joined a sharing group.
    pub const GROUP_MEMBER_ADDED: &str = "group.member_added";
    /// An organization left a sharing group.
    pub const GROUP_MEMBER_REMOVED: &str = "group.member_removed";
    /// Community settings changed.
    pub const SETTINGS_UPDATED: &str = "settings.updated";
    /// An item was read (recorded for TLP:AMBER, AMBER+STRICT and RED).
    pub const ITEM_READ: &str = "item.read";
    /// An item was created.
    pub const ITEM_CREATED: &str = "item.created";
    /// An item was edited.
    pub const ITEM_UPDATED: &str = "item.updated";
    /// An item's marking changed.
    pub const ITEM_REMARKED: &str = "item.remarked";
    /// An item was deleted.
    pub const ITEM_DELETED: &str = "item.deleted";
    /// A comment was added to an item.
    pub const COMMENT_ADDED: &str = "comment.added";
    /// A comment was deleted.
    pub const COMMENT_DELETED: &str = "comment.deleted";
    /// The community was bootstrapped.
    pub const BOOTSTRAPPED: &str = "community.bootstrapped";
    /// Demo data was seeded.
    pub const DEMO_SEEDED: &str = "community.demo_seeded";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{Clock, SystemClock};

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut prev = GENESIS_HASH.to_owned();
        (1..=n)
            .map(|seq| {
                let e = AuditEvent::new(actions::LOGIN_SUCCEEDED, Actor::Anonymous, None)
                    .detail(serde_json::json!({"n": seq}));
                let r = AuditRecord::chain(&e, seq, SystemClock.now(), &prev);
                prev.clone_from(&r.hash);
                r
            })
            .collect()
    }

    fn verify(records: &[AuditRecord]) -> Result<(), ChainBreak> {
        let mut v = ChainVerifier::default();
        records.iter().try_for_each(|r| v.check(r))
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert_eq!(verify(&chain(5)), Ok(()));
    }

    #[test]
    fn an_edited_entry_is_found() {
        let mut records = chain(5);
        records[2].action = "auth.login.failed".into();
        assert_eq!(verify(&records).unwrap_err().seq, 3);
    }

    #[test]
    fn a_rehashed_edit_breaks_the_next_link() {
        let mut records = chain(5);
        records[2].detail = "{}".into();
        records[2].hash = records[2].computed_hash();
        assert_eq!(verify(&records).unwrap_err().seq, 4);
    }

    #[test]
    fn a_removed_entry_is_found() {
        let mut records = chain(5);
        records.remove(1);
        assert_eq!(verify(&records).unwrap_err().seq, 2);
    }
}

//! Authentication decisions: the only way to turn a stored session or API token into a [`Viewer`].
//!
//! The store finds the records (by the hash of the presented secret); these functions decide whether they still
//! grant access right now — expiry, revocation, disabled people and suspended organizations, a second factor still
//! pending — and build the viewer.

use std::collections::BTreeSet;

use time::Duration;

use crate::email::Email;
use crate::ids::{GroupId, OrgId, PersonId, TokenId};
use crate::org::{Language, OrgKind, OrgRole, OrgStatus, PersonStatus};
use crate::settings::CommunitySettings;
use crate::text_enum::text_enum;
use crate::time::Timestamp;
use crate::viewer::{Principal, Viewer};

/// A person with their organization, as stored.
#[derive(Clone, Debug)]
pub struct PrincipalRecord {
    /// The person.
    pub person: PersonId,
    /// Their organization.
    pub org: OrgId,
    /// The organization's kind.
    pub org_kind: OrgKind,
    /// The organization's name.
    pub org_name: String,
    /// Whether the organization is active.
    pub org_status: OrgStatus,
    /// Whether the person is active.
    pub status: PersonStatus,
    /// Role in the organization.
    pub role: OrgRole,
    /// Community coordinator?
    pub coordinator: bool,
    /// The organization's sharing groups.
    pub groups: BTreeSet<GroupId>,
    /// Sign-in address.
    pub email: Email,
    /// Shown name.
    pub display_name: String,
    /// Interface language.
    pub language: Language,
    /// Whether a second factor is enrolled.
    pub mfa_enabled: bool,
}

/// A stored session.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    /// Whose session.
    pub person: PersonId,
    /// When it was created (sign-in).
    pub created_at: Timestamp,
    /// When it was last used.
    pub last_seen_at: Timestamp,
    /// Whether the second factor was verified (or none is enrolled).
    pub mfa_verified: bool,
}

text_enum! {
    /// What an API token may do.
    pub enum TokenScope {
        /// Read-only requests.
        Read = "read",
        /// Reads and writes.
        Write = "write",
    }
}

/// A stored API token.
#[derive(Clone, Debug)]
pub struct TokenRecord {
    /// The token's public id.
    pub id: TokenId,
    /// Whose token.
    pub person: PersonId,
    /// What it may do.
    pub scope: TokenScope,
    /// When it stops working, if ever.
    pub expires_at: Option<Timestamp>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<Timestamp>,
}

/// Why a credential does not grant access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// The person is disabled or their organization suspended.
    #[error("this account is disabled")]
    Inactive,
    /// The session or token has expired.
    #[error("the session or token has expired")]
    Expired,
    /// The token was revoked.
    #[error("the token was revoked")]
    Revoked,
    /// The password was right but the second factor is not yet verified.
    #[error("the second factor has not been verified yet")]
    MfaPending,
    /// The credential belongs to someone else than the record presented with it.
    #[error("credential and person do not match")]
    Mismatch,
}

/// Whether a person may sign in at all.
///
/// # Errors
/// [`AuthError::Inactive`] when the person is disabled or the organization suspended.
pub fn check_active(principal: &PrincipalRecord) -> Result<(), AuthError> {
    if principal.status == PersonStatus::Active && principal.org_status == OrgStatus::Active {
        Ok(())
    } else {
        Err(AuthError::Inactive)
    }
}

/// Whether a session has run past its idle or absolute limit.
#[must_use]
pub fn session_expired(
    session: &SessionRecord,
    settings: &CommunitySettings,
    now: Timestamp,
) -> bool {
    let idle = Duration::minutes(i64::from(settings.session_idle_minutes));
    let absolute = Duration::hours(i64::from(settings.session_absolute_hours));
    now > session.last_seen_at.plus(idle) || now > session.created_at.plus(absolute)
}

/// The viewer for a stored session.
///
/// # Errors
/// When the session expired, its second factor is pending, or the person may not sign in.
pub fn viewer_for_session(
    session: &SessionRecord,
    principal: PrincipalRecord,
    settings: &CommunitySettings,
    now: Timestamp,
) -> Result<Viewer, AuthError> {
    if session.person != principal.person {
        return Err(AuthError::Mismatch);
    }
    if session_expired(session, settings, now) {
        return Err(AuthError::Expired);
    }
    if !session.mfa_verified {
        return Err(AuthError::MfaPending);
    }
    check_active(&principal)?;
    Ok(Viewer::authenticated(principal_of(principal, settings)))
}

/// The viewer for an API token, with the token's scope.
///
/// # Errors
/// When the token is revoked or expired, or the person may not sign in.
pub fn viewer_for_token(
    token: &TokenRecord,
    principal: PrincipalRecord,
    settings: &CommunitySettings,
    now: Timestamp,
) -> Result<(Viewer, TokenScope), AuthError> {
    if token.person != principal.person {
        return Err(AuthError::Mismatch);
    }
    if token.revoked_at.is_some() {
        return Err(AuthError::Revoked);
    }
    if token.expires_at.is_some_and(|e| now >= e) {
        return Err(AuthError::Expired);
    }
    check_active(&principal)?;
    Ok((
        Viewer::authenticated(principal_of(principal, settings)),
        token.scope,
    ))
}

/// Whether this person must use a second factor under the community settings.
#[must_use]
pub fn mfa_required(role: OrgRole, coordinator: bool, settings: &CommunitySettings) -> bool {
    settings.require_mfa_for_admins && (role.is_admin() || coordinator)
}

fn principal_of(r: PrincipalRecord, settings: &CommunitySettings) -> Principal {
    let must_enrol_mfa = !r.mfa_enabled && mfa_required(r.role, r.coordinator, settings);
    Principal {
        sees_anonymous_contributors: r.coordinator && settings.coordinator_sees_anonymous,
        must_enrol_mfa,
        person: r.person,
        org: r.org,
        org_kind: r.org_kind,
        org_name: r.org_name,
        role: r.role,
        coordinator: r.coordinator,
        groups: r.groups,
        email: r.email,
        display_name: r.display_name,
        language: r.language,
        mfa_enabled: r.mfa_enabled,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::time::{Clock, SystemClock};

    pub(crate) fn record(role: OrgRole, kind: OrgKind) -> PrincipalRecord {
        PrincipalRecord {
            person: PersonId::new(),
            org: OrgId::new(),
            org_kind: kind,
            org_name: "Test".into(),
            org_status: OrgStatus::Active,
            status: PersonStatus::Active,
            role,
            coordinator: false,
            groups: BTreeSet::new(),
            email: "a@example.org".parse().unwrap(),
            display_name: "A".into(),
            language: Language::En,
            mfa_enabled: false,
        }
    }

    #[test]
    fn idle_and_absolute_limits_end_sessions() {
        let settings = CommunitySettings::default();
        let now = SystemClock.now();
        let p = record(OrgRole::Reader, OrgKind::GeneralHospital);
        let fresh = SessionRecord {
            person: p.person,
            created_at: now,
            last_seen_at: now,
            mfa_verified: true,
        };
        assert!(viewer_for_session(&fresh, p.clone(), &settings, now).is_ok());
        let idle = SessionRecord {
            last_seen_at: now.minus(Duration::minutes(61)),
            ..fresh.clone()
        };
        assert_eq!(
            viewer_for_session(&idle, p.clone(), &settings, now).unwrap_err(),
            AuthError::Expired
        );
        let old = SessionRecord {
            created_at: now.minus(Duration::hours(13)),
            ..fresh.clone()
        };
        assert_eq!(
            viewer_for_session(&old, p.clone(), &settings, now).unwrap_err(),
            AuthError::Expired
        );
        let pending = SessionRecord {
            mfa_verified: false,
            ..fresh
        };
        assert_eq!(
            viewer_for_session(&pending, p, &settings, now).unwrap_err(),
            AuthError::MfaPending
        );
    }

    #[test]
    fn disabled_people_and_suspended_orgs_get_no_viewer() {
        let settings = CommunitySettings::default();
        let now = SystemClock.now();
        let mut p = record(OrgRole::Reader, OrgKind::GeneralHospital);
        let s = SessionRecord {
            person: p.person,
            created_at: now,
            last_seen_at: now,
            mfa_verified: true,
        };
        p.org_status = OrgStatus::Suspended;
        assert_eq!(
            viewer_for_session(&s, p.clone(), &settings, now).unwrap_err(),
            AuthError::Inactive
        );
        p.org_status = OrgStatus::Active;
        p.status = PersonStatus::Disabled;
        assert_eq!(
            viewer_for_session(&s, p, &settings, now).unwrap_err(),
            AuthError::Inactive
        );
    }

    #[test]
    fn tokens_expire_and_revoke() {
        let settings = CommunitySettings::default();
        let now = SystemClock.now();
        let p = record(OrgRole::Contributor, OrgKind::Laboratory);
        let t = TokenRecord {
            id: TokenId::new(),
            person: p.person,
            scope: TokenScope::Read,
            expires_at: Some(now.plus(Duration::days(1))),
            revoked_at: None,
        };
        assert!(viewer_for_token(&t, p.clone(), &settings, now).is_ok());
        let expired = TokenRecord {
            expires_at: Some(now),
            ..t.clone()
        };
        assert_eq!(
            viewer_for_token(&expired, p.clone(), &settings, now).unwrap_err(),
            AuthError::Expired
        );
        let revoked = TokenRecord {
            revoked_at: Some(now),
            ..t
        };
        assert_eq!(
            viewer_for_token(&revoked, p, &settings, now).unwrap_err(),
            AuthError::Revoked
        );
    }

    #[test]
    fn admins_without_mfa_must_enrol() {
        let settings = CommunitySettings::default();
        let now = SystemClock.now();
        let p = record(OrgRole::Admin, OrgKind::GeneralHospital);
        let s = SessionRecord {
            person: p.person,
            created_at: now,
            last_seen_at: now,
            mfa_verified: true,
        };
        let v = viewer_for_session(&s, p, &settings, now).unwrap();
        assert!(v.principal().unwrap().must_enrol_mfa);
        let relaxed = CommunitySettings {
            require_mfa_for_admins: false,
            ..settings
        };
        assert!(!mfa_required(OrgRole::Admin, true, &relaxed));
    }
}

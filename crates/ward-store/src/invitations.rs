//! Invitations: a link with a random secret that lets someone create their account in an organization.

use serde::Serialize;
use ward_core::audit::actions;
use ward_core::email::Email;
use ward_core::ids::{InvitationId, OrgId, PersonId};
use ward_core::org::OrgRole;
use ward_core::page::{Cursor, Page, PageRequest};
use ward_core::secret::{SecretHash, new_secret};
use ward_core::time::Timestamp;

use crate::db::{Tx, WriteTx};
use crate::error::{StoreError, StoreResult};
use crate::on_engine;

/// The prefix of invitation secrets.
pub const INVITATION_PREFIX: &str = "ward_inv_";

/// An invitation as listed (never the secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct Invitation {
    /// Id.
    pub id: InvitationId,
    /// Organization the invitee joins.
    pub org_id: OrgId,
    /// Organization name.
    pub org_name: String,
    /// The address it was meant for, if one was given.
    pub email: Option<Email>,
    /// The role the invitee gets.
    pub role: OrgRole,
    /// Who created it (none for the command line).
    pub created_by: Option<PersonId>,
    /// Created.
    pub created_at: Timestamp,
    /// Valid until.
    pub expires_at: Timestamp,
    /// Accepted at.
    pub accepted_at: Option<Timestamp>,
    /// Revoked at.
    pub revoked_at: Option<Timestamp>,
}

impl Invitation {
    /// Whether the invitation can still be accepted at `now`.
    #[must_use]
    pub fn is_open(&self, now: Timestamp) -> bool {
        self.accepted_at.is_none() && self.revoked_at.is_none() && now < self.expires_at
    }
}

const SELECT: &str = "SELECT i.id, i.org_id, o.name AS org_name, i.email, i.role, i.created_by, i.created_at, \
                      i.expires_at, i.accepted_at, i.revoked_at FROM invitations i \
                      JOIN organizations o ON o.id = i.org_id";

/// Creates an invitation and returns it with its secret (shown once, as a link).
///
/// # Errors
/// On database errors or when no randomness is available.
pub async fn create(
    tx: &mut WriteTx,
    org: OrgId,
    email: Option<&Email>,
    role: OrgRole,
    created_by: Option<PersonId>,
    expires_at: Timestamp,
) -> StoreResult<(Invitation, String)> {
    let secret = new_secret(INVITATION_PREFIX).map_err(|e| StoreError::Config(e.to_string()))?;
    let id = InvitationId::new();
    let now = tx.now();
    on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO invitations (id, org_id, email, role, token_hash, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    )
    .bind(id)
    .bind(org)
    .bind(email)
    .bind(role)
    .bind(SecretHash::of(&secret))
    .bind(created_by)
    .bind(now)
    .bind(expires_at)
    .execute(c)
    .await?.rows_affected()
    });
    tx.record(
        actions::INVITATION_CREATED,
        Some(org),
        Some(("invitation", id.to_string())),
        serde_json::json!({"role": role, "expires_at": expires_at}),
    );
    let invitation = get(tx, id).await?.ok_or(StoreError::NotFound)?;
    Ok((invitation, secret))
}

/// One invitation.
///
/// # Errors
/// On database errors.
pub async fn get(tx: &mut Tx, id: InvitationId) -> StoreResult<Option<Invitation>> {
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("{SELECT} WHERE i.id = $1")
    ))
    .bind(id)
    .fetch_optional(c)
    .await?))
}

/// The invitation for a presented secret.
///
/// # Errors
/// On database errors.
pub async fn find(tx: &mut Tx, secret: &str) -> StoreResult<Option<Invitation>> {
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("{SELECT} WHERE i.token_hash = $1")
    ))
    .bind(SecretHash::of(secret))
    .fetch_optional(c)
    .await?))
}

/// An organization's invitations, newest first.
///
/// # Errors
/// On database errors.
pub async fn list(
    tx: &mut Tx,
    org: OrgId,
    page: &PageRequest<Timestamp>,
) -> StoreResult<Page<Invitation>> {
    let limit = page.fetch_limit();
    let rows: Vec<Invitation> = match &page.after {
        None => on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE i.org_id = $1 ORDER BY i.created_at DESC, i.id DESC LIMIT $2"
        )))
        .bind(org)
        .bind(limit)
        .fetch_all(c)
        .await?),
        Some(after) => on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE i.org_id = $1 AND (i.created_at, i.id) < ($2, $3) \
             ORDER BY i.created_at DESC, i.id DESC LIMIT $4"
        )))
        .bind(org)
        .bind(after.key)
        .bind(InvitationId::from_uuid(after.id))
        .bind(limit)
        .fetch_all(c)
        .await?),
    };
    Ok(Page::from_rows(rows, page.limit, |i| Cursor {
        key: i.created_at,
        id: i.id.as_uuid(),
    }))
}

/// Marks an open invitation accepted by a new person. Fails when it is no longer open (a second use of the link).
///
/// # Errors
/// [`StoreError::Stale`] when it was accepted, revoked or expired meanwhile.
pub async fn accept(tx: &mut WriteTx, id: InvitationId, person: PersonId) -> StoreResult<()> {
    let now = tx.now();
    let org: Option<OrgId> = on_engine!(tx, |c| {
        sqlx::query_scalar(
        "UPDATE invitations SET accepted_at = $2, accepted_by = $3 WHERE id = $1 AND accepted_at IS NULL \
         AND revoked_at IS NULL AND expires_at > $2 RETURNING org_id"
    )
    .bind(id)
    .bind(now)
    .bind(person)
    .fetch_optional(c)
    .await?
    });
    let org = org.ok_or(StoreError::Stale)?;
    tx.record(
        actions::INVITATION_ACCEPTED,
        Some(org),
        Some(("invitation", id.to_string())),
        serde_json::json!({"person": person}),
    );
    Ok(())
}

/// Revokes an open invitation.
///
/// # Errors
/// [`StoreError::NotFound`] when there is no such open invitation.
pub async fn revoke(tx: &mut WriteTx, id: InvitationId) -> StoreResult<()> {
    let now = tx.now();
    let org: Option<OrgId> = on_engine!(tx, |c| {
        sqlx::query_scalar(
        "UPDATE invitations SET revoked_at = $2 WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL \
         RETURNING org_id"
    )
    .bind(id)
    .bind(now)
    .fetch_optional(c)
    .await?
    });
    let org = org.ok_or(StoreError::NotFound)?;
    tx.record(
        actions::INVITATION_REVOKED,
        Some(org),
        Some(("invitation", id.to_string())),
        serde_json::Value::Null,
    );
    Ok(())
}

/// How many invitations of an organization are still open.
///
/// # Errors
/// On database errors.
pub async fn count_open(tx: &mut Tx, org: OrgId) -> StoreResult<i64> {
    let now = tx.now();
    Ok(on_engine!(tx, |c| {
        sqlx::query_scalar(
        "SELECT COUNT(*) FROM invitations WHERE org_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL \
         AND expires_at > $2"
    )
    .bind(org)
    .bind(now)
    .fetch_one(c)
    .await?
    }))
}

//! People, their credentials and second factors.

use std::collections::BTreeSet;

use serde::Serialize;
use ward_core::audit::actions;
use ward_core::auth::PrincipalRecord;
use ward_core::email::Email;
use ward_core::ids::{GroupId, OrgId, PersonId};
use ward_core::org::{Language, OrgKind, OrgRole, OrgStatus, PersonStatus};
use ward_core::page::{Cursor, Page, PageRequest};
use ward_core::secret::SecretHash;
use ward_core::text::Name;
use ward_core::time::Timestamp;

use crate::db::{Tx, WriteTx};
use crate::error::{StoreError, StoreResult, conflict_on_unique};
use crate::on_engine;

/// A person as others see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct Person {
    /// Id.
    pub id: PersonId,
    /// Organization.
    pub org_id: OrgId,
    /// Organization name.
    pub org_name: String,
    /// Sign-in address.
    pub email: Email,
    /// Shown name.
    pub display_name: String,
    /// Role in the organization.
    pub role: OrgRole,
    /// Community coordinator?
    pub coordinator: bool,
    /// Active or disabled.
    pub status: PersonStatus,
    /// Interface language.
    pub language: Language,
    /// Whether a second factor is enrolled.
    pub mfa_enabled: bool,
    /// Created.
    pub created_at: Timestamp,
    /// Last successful sign-in.
    pub last_login_at: Option<Timestamp>,
}

const SELECT_PERSON: &str = "SELECT p.id, p.org_id, o.name AS org_name, p.email, p.display_name, p.role, \
     p.coordinator, p.status, p.language, (p.totp_enabled_at IS NOT NULL) AS mfa_enabled, p.created_at, \
     p.last_login_at FROM people p JOIN organizations o ON o.id = p.org_id";

const EMAIL_TAKEN: &str = "someone with this e-mail address already has an account";

/// What is needed to create a person.
#[derive(Clone, Debug)]
pub struct NewPerson {
    /// Organization.
    pub org: OrgId,
    /// Sign-in address.
    pub email: Email,
    /// Shown name.
    pub display_name: Name,
    /// Role.
    pub role: OrgRole,
    /// Community coordinator?
    pub coordinator: bool,
    /// Interface language.
    pub language: Language,
    /// Argon2id PHC string, if a password is set now.
    pub password_hash: Option<String>,
}

/// Creates a person.
///
/// # Errors
/// [`StoreError::Conflict`] when the e-mail address is taken.
pub async fn create(tx: &mut WriteTx, new: &NewPerson) -> StoreResult<Person> {
    let id = PersonId::new();
    let now = tx.now();
    on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO people (id, org_id, email, display_name, role, coordinator, status, language, password_hash, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $9, $9)"
    )
    .bind(id)
    .bind(new.org)
    .bind(&new.email)
    .bind(new.display_name.as_str())
    .bind(new.role)
    .bind(new.coordinator)
    .bind(new.language)
    .bind(&new.password_hash)
    .bind(now)
    .execute(c)
    .await
    .map_err(|e| conflict_on_unique(e, EMAIL_TAKEN))?.rows_affected()
    });
    tx.record(
        actions::PERSON_CREATED,
        Some(new.org),
        Some(("person", id.to_string())),
        serde_json::json!({"role": new.role, "coordinator": new.coordinator}),
    );
    get(tx, id).await?.ok_or(StoreError::NotFound)
}

/// One person.
///
/// # Errors
/// On database errors.
pub async fn get(tx: &mut Tx, id: PersonId) -> StoreResult<Option<Person>> {
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("{SELECT_PERSON} WHERE p.id = $1")
    ))
    .bind(id)
    .fetch_optional(c)
    .await?))
}

/// A person by sign-in address.
///
/// # Errors
/// On database errors.
pub async fn find_by_email(tx: &mut Tx, email: &Email) -> StoreResult<Option<Person>> {
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("{SELECT_PERSON} WHERE p.email = $1")
    ))
    .bind(email)
    .fetch_optional(c)
    .await?))
}

/// The people of an organization by name, a page at a time.
///
/// # Errors
/// On database errors.
pub async fn list_by_org(
    tx: &mut Tx,
    org: OrgId,
    page: &PageRequest<String>,
) -> StoreResult<Page<Person>> {
    let limit = page.fetch_limit();
    let rows: Vec<Person> = match &page.after {
        None => on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT_PERSON} WHERE p.org_id = $1 ORDER BY p.display_name, p.id LIMIT $2"
        )))
        .bind(org)
        .bind(limit)
        .fetch_all(c)
        .await?),
        Some(after) => on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT_PERSON} WHERE p.org_id = $1 AND (p.display_name, p.id) > ($2, $3) \
             ORDER BY p.display_name, p.id LIMIT $4"
        )))
        .bind(org)
        .bind(&after.key)
        .bind(PersonId::from_uuid(after.id))
        .bind(limit)
        .fetch_all(c)
        .await?),
    };
    Ok(Page::from_rows(rows, page.limit, |p| Cursor {
        key: p.display_name.clone(),
        id: p.id.as_uuid(),
    }))
}

/// Every active person of the community with their organization (for audience pickers).
///
/// # Errors
/// On database errors.
pub async fn all_active(tx: &mut Tx) -> StoreResult<Vec<Person>> {
    Ok(on_engine!(tx, |c| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_PERSON} WHERE p.status = 'active' AND o.status = 'active' ORDER BY o.name, p.display_name, p.id"
    )))
    .fetch_all(c)
    .await?
    }))
}

/// How many active people belong to active organizations.
///
/// # Errors
/// On database errors.
pub async fn count_active(tx: &mut Tx, org: Option<OrgId>) -> StoreResult<i64> {
    Ok(match org {
        None => on_engine!(tx, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM people p JOIN organizations o ON o.id = p.org_id \
             WHERE p.status = 'active' AND o.status = 'active'"
        )
        .fetch_one(c)
        .await?),
        Some(org) => on_engine!(tx, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM people WHERE org_id = $1 AND status = 'active'"
        )
        .bind(org)
        .fetch_one(c)
        .await?),
    })
}

/// The columns of a person with their organization and its sharing groups (comma-separated), as authentication
/// needs them, in one statement (people `p`, organizations `o`).
pub(crate) const PRINCIPAL_COLUMNS: &str = "p.id, p.org_id, o.kind AS org_kind, o.name AS org_name, \
     o.status AS org_status, p.status, p.role, p.coordinator, p.email, p.display_name, p.language, \
     (p.totp_enabled_at IS NOT NULL) AS mfa_enabled, \
     (SELECT string_agg(CAST(m.group_id AS TEXT), ',') FROM sharing_group_members m WHERE m.org_id = p.org_id) \
       AS group_ids";

#[derive(sqlx::FromRow)]
pub(crate) struct PrincipalRow {
    id: PersonId,
    org_id: OrgId,
    org_kind: OrgKind,
    org_name: String,
    org_status: OrgStatus,
    status: PersonStatus,
    role: OrgRole,
    coordinator: bool,
    email: Email,
    display_name: String,
    language: Language,
    mfa_enabled: bool,
    group_ids: Option<String>,
}

impl From<PrincipalRow> for PrincipalRecord {
    fn from(r: PrincipalRow) -> Self {
        let groups: BTreeSet<GroupId> = r
            .group_ids
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter_map(|g| g.parse().ok())
            .collect();
        Self {
            person: r.id,
            org: r.org_id,
            org_kind: r.org_kind,
            org_name: r.org_name,
            org_status: r.org_status,
            status: r.status,
            role: r.role,
            coordinator: r.coordinator,
            groups,
            email: r.email,
            display_name: r.display_name,
            language: r.language,
            mfa_enabled: r.mfa_enabled,
        }
    }
}

/// Everything authentication needs about a person.
///
/// # Errors
/// On database errors.
pub async fn principal(tx: &mut Tx, id: PersonId) -> StoreResult<Option<PrincipalRecord>> {
    let row: Option<PrincipalRow> = on_engine!(tx, |c| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PRINCIPAL_COLUMNS} FROM people p JOIN organizations o ON o.id = p.org_id WHERE p.id = $1"
    )))
    .bind(id)
    .fetch_optional(c)
    .await?
    });
    Ok(row.map(PrincipalRecord::from))
}

/// What sign-in checks against.
#[derive(Clone, sqlx::FromRow)]
pub struct Credentials {
    /// The person.
    pub id: PersonId,
    /// Argon2id PHC string, if a password is set.
    pub password_hash: Option<String>,
    /// Base32 TOTP secret, if enrolled.
    pub totp_secret: Option<String>,
    /// Base32 TOTP secret being enrolled, not yet confirmed.
    pub totp_pending: Option<String>,
    /// The last TOTP step accepted (codes are single-use).
    pub totp_last_step: Option<i64>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// The credentials of a person.
///
/// # Errors
/// On database errors.
pub async fn credentials(tx: &mut Tx, id: PersonId) -> StoreResult<Option<Credentials>> {
    Ok(on_engine!(tx, |c| {
        sqlx::query_as(
        "SELECT id, password_hash, totp_secret, totp_pending, totp_last_step FROM people WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(c)
    .await?
    }))
}

async fn set_column_audited(
    tx: &mut WriteTx,
    id: PersonId,
    sql: &'static str,
    value: &str,
) -> StoreResult<OrgId> {
    let now = tx.now();
    let org: Option<OrgId> = on_engine!(tx, |c| sqlx::query_scalar(sql)
        .bind(id)
        .bind(value)
        .bind(now)
        .fetch_optional(c)
        .await?);
    org.ok_or(StoreError::NotFound)
}

/// Changes a person's role. Their sessions end (the new rights apply from their next sign-in).
///
/// # Errors
/// [`StoreError::NotFound`] when there is no such person.
pub async fn set_role(tx: &mut WriteTx, id: PersonId, role: OrgRole) -> StoreResult<()> {
    let org = set_column_audited(
        tx,
        id,
        "UPDATE people SET role = $2, updated_at = $3 WHERE id = $1 RETURNING org_id",
        role.code(),
    )
    .await?;
    crate::sessions::delete_for_person(tx, id, None).await?;
    tx.record(
        actions::PERSON_ROLE_CHANGED,
        Some(org),
        Some(("person", id.to_string())),
        serde_json::json!({"role": role}),
    );
    Ok(())
}

/// Disables or re-enables a person. Disabling ends their sessions; their API tokens stop working.
///
/// # Errors
/// [`StoreError::NotFound`] when there is no such person.
pub async fn set_status(tx: &mut WriteTx, id: PersonId, status: PersonStatus) -> StoreResult<()> {
    let org = set_column_audited(
        tx,
        id,
        "UPDATE people SET status = $2, updated_at = $3 WHERE id = $1 RETURNING org_id",
        status.code(),
    )
    .await?;
    if status == PersonStatus::Disabled {
        crate::sessions::delete_for_person(tx, id, None).await?;
    }
    let action = match status {
        PersonStatus::Active => actions::PERSON_ENABLED,
        PersonStatus::Disabled => actions::PERSON_DISABLED,
    };
    tx.record(
        action,
        Some(org),
        Some(("person", id.to_string())),
        serde_json::Value::Null,
    );
    Ok(())
}

/// Sets a new password hash. Every other session of the person ends.
///
/// # Errors
/// [`StoreError::NotFound`] when there is no such person.
pub async fn set_password(
    tx: &mut WriteTx,
    id: PersonId,
    password_hash: &str,
    keep_session: Option<&SecretHash>,
    action: &'static str,
) -> StoreResult<()> {
    let org = set_column_audited(
        tx,
        id,
        "UPDATE people SET password_hash = $2, updated_at = $3 WHERE id = $1 RETURNING org_id",
        password_hash,
    )
    .await?;
    crate::sessions::delete_for_person(tx, id, keep_session).await?;
    tx.record(
        action,
        Some(org),
        Some(("person", id.to_string())),
        serde_json::Value::Null,
    );
    Ok(())
}

/// Changes a person's own profile: shown name and interface language.
///
/// # Errors
/// [`StoreError::NotFound`] when there is no such person.
pub async fn set_profile(
    tx: &mut WriteTx,
    id: PersonId,
    name: Option<&Name>,
    language: Option<Language>,
) -> StoreResult<()> {
    let now = tx.now();
    let org: Option<OrgId> = on_engine!(tx, |c| {
        sqlx::query_scalar(
        "UPDATE people SET display_name = COALESCE($2, display_name), language = COALESCE($3, language), \
         updated_at = $4 WHERE id = $1 RETURNING org_id"
    )
    .bind(id)
    .bind(name.map(Name::as_str))
    .bind(language)
    .bind(now)
    .fetch_optional(c)
    .await?
    });
    let org = org.ok_or(StoreError::NotFound)?;
    tx.record(
        actions::PROFILE_UPDATED,
        Some(org),
        Some(("person", id.to_string())),
        serde_json::json!({"language": language, "name_changed": name.is_some()}),
    );
    Ok(())
}

/// Notes a successful sign-in.
///
/// # Errors
/// On database errors.
pub async fn touch_login(tx: &mut WriteTx, id: PersonId) -> StoreResult<()> {
    let now = tx.now();
    on_engine!(tx, |c| sqlx::query(
        "UPDATE people SET last_login_at = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// Stores a TOTP secret that is being enrolled (not yet active until confirmed with a code).
///
/// # Errors
/// On database errors.
pub async fn set_pending_totp(
    tx: &mut WriteTx,
    id: PersonId,
    secret_base32: &str,
) -> StoreResult<()> {
    on_engine!(tx, |c| sqlx::query(
        "UPDATE people SET totp_pending = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(secret_base32)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// Activates the pending TOTP secret after a correct code, replacing any recovery codes.
///
/// # Errors
/// [`StoreError::NotFound`] when nothing is pending.
pub async fn enable_totp(
    tx: &mut WriteTx,
    id: PersonId,
    step: i64,
    recovery: &[SecretHash],
) -> StoreResult<()> {
    let now = tx.now();
    let org: Option<OrgId> = on_engine!(tx, |c| {
        sqlx::query_scalar(
        "UPDATE people SET totp_secret = totp_pending, totp_pending = NULL, totp_enabled_at = $2, \
         totp_last_step = $3, updated_at = $2 WHERE id = $1 AND totp_pending IS NOT NULL RETURNING org_id"
    )
    .bind(id)
    .bind(now)
    .bind(step)
    .fetch_optional(c)
    .await?
    });
    let org = org.ok_or(StoreError::NotFound)?;
    replace_recovery_codes(tx, id, recovery).await?;
    tx.record(
        actions::MFA_ENROLLED,
        Some(org),
        Some(("person", id.to_string())),
        serde_json::Value::Null,
    );
    Ok(())
}

/// Removes the second factor and its recovery codes.
///
/// # Errors
/// [`StoreError::NotFound`] when there is no such person.
pub async fn disable_totp(tx: &mut WriteTx, id: PersonId) -> StoreResult<()> {
    let now = tx.now();
    let org: Option<OrgId> = on_engine!(tx, |c| {
        sqlx::query_scalar(
        "UPDATE people SET totp_secret = NULL, totp_pending = NULL, totp_enabled_at = NULL, totp_last_step = NULL, \
         updated_at = $2 WHERE id = $1 RETURNING org_id"
    )
    .bind(id)
    .bind(now)
    .fetch_optional(c)
    .await?
    });
    let org = org.ok_or(StoreError::NotFound)?;
    replace_recovery_codes(tx, id, &[]).await?;
    tx.record(
        actions::MFA_DISABLED,
        Some(org),
        Some(("person", id.to_string())),
        serde_json::Value::Null,
    );
    Ok(())
}

/// Records that a TOTP step was used. Returns `false` if that step (or a later one) was already used: a replay.
///
/// # Errors
/// On database errors.
pub async fn consume_totp_step(tx: &mut WriteTx, id: PersonId, step: i64) -> StoreResult<bool> {
    let result = on_engine!(tx, |c| {
        sqlx::query(
        "UPDATE people SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)"
    )
    .bind(id)
    .bind(step)
    .execute(c)
    .await?
    .rows_affected()
    });
    Ok(result == 1)
}

/// Replaces a person's recovery codes with new ones (hashes only).
///
/// # Errors
/// On database errors.
pub async fn replace_recovery_codes(
    tx: &mut WriteTx,
    id: PersonId,
    hashes: &[SecretHash],
) -> StoreResult<()> {
    on_engine!(tx, |c| sqlx::query(
        "DELETE FROM recovery_codes WHERE person_id = $1"
    )
    .bind(id)
    .execute(c)
    .await?
    .rows_affected());
    for hash in hashes {
        on_engine!(tx, |c| sqlx::query(
            "INSERT INTO recovery_codes (person_id, code_hash) VALUES ($1, $2)"
        )
        .bind(id)
        .bind(hash)
        .execute(c)
        .await?
        .rows_affected());
    }
    Ok(())
}

/// Uses up a recovery code. Returns whether it was valid and unused.
///
/// # Errors
/// On database errors.
pub async fn consume_recovery_code(
    tx: &mut WriteTx,
    id: PersonId,
    hash: &SecretHash,
) -> StoreResult<bool> {
    let now = tx.now();
    let n = on_engine!(tx, |c| {
        sqlx::query(
        "UPDATE recovery_codes SET used_at = $3 WHERE person_id = $1 AND code_hash = $2 AND used_at IS NULL"
    )
    .bind(id)
    .bind(hash)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected()
    });
    Ok(n == 1)
}

/// How many unused recovery codes a person has left.
///
/// # Errors
/// On database errors.
pub async fn recovery_codes_left(tx: &mut Tx, id: PersonId) -> StoreResult<i64> {
    Ok(on_engine!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM recovery_codes WHERE person_id = $1 AND used_at IS NULL"
    )
    .bind(id)
    .fetch_one(c)
    .await?))
}

/// Whether any person exists (bootstrap refuses to run twice).
///
/// # Errors
/// On database errors.
pub async fn any_exist(tx: &mut Tx) -> StoreResult<bool> {
    let n: i64 = on_engine!(tx, |c| sqlx::query_scalar("SELECT COUNT(*) FROM people")
        .fetch_one(c)
        .await?);
    Ok(n > 0)
}

//! API tokens: random, shown once, stored as SHA-256, scoped, expiring, revocable.

use serde::Serialize;
use ward_core::audit::actions;
use ward_core::auth::{PrincipalRecord, TokenRecord, TokenScope};
use ward_core::ids::{OrgId, PersonId, TokenId};
use ward_core::page::{Cursor, Page, PageRequest};
use ward_core::secret::{SecretHash, new_secret};
use ward_core::time::Timestamp;

use crate::db::{Tx, WriteTx};
use crate::error::{StoreError, StoreResult};
use crate::on_engine;
use crate::people::{PRINCIPAL_COLUMNS, PrincipalRow};

/// The prefix of every API token, so secret scanners and people recognise one.
pub const TOKEN_PREFIX: &str = "ward_pat_";

/// An API token as listed (never the secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct ApiToken {
    /// Public id.
    pub id: TokenId,
    /// Owner.
    pub person_id: PersonId,
    /// A name to recognise it by ("MISP sync", "SIEM").
    pub name: String,
    /// What it may do.
    pub scope: TokenScope,
    /// Created.
    pub created_at: Timestamp,
    /// Stops working at.
    pub expires_at: Option<Timestamp>,
    /// Last used.
    pub last_used_at: Option<Timestamp>,
    /// Revoked at.
    pub revoked_at: Option<Timestamp>,
}

const COLUMNS: &str =
    "id, person_id, name, scope, created_at, expires_at, last_used_at, revoked_at";

/// Creates a token and returns it with its secret, which is shown once and never stored.
///
/// # Errors
/// On database errors or when no randomness is available.
pub async fn create(
    tx: &mut WriteTx,
    person: PersonId,
    org: OrgId,
    name: &str,
    scope: TokenScope,
    expires_at: Option<Timestamp>,
) -> StoreResult<(ApiToken, String)> {
    let secret = new_secret(TOKEN_PREFIX).map_err(|e| StoreError::Config(e.to_string()))?;
    let token = ApiToken {
        id: TokenId::new(),
        person_id: person,
        name: name.to_owned(),
        scope,
        created_at: tx.now(),
        expires_at,
        last_used_at: None,
        revoked_at: None,
    };
    on_engine!(tx, |c| sqlx::query(
        "INSERT INTO api_tokens (id, person_id, name, token_hash, scope, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(token.id)
    .bind(person)
    .bind(&token.name)
    .bind(SecretHash::of(&secret))
    .bind(scope)
    .bind(token.created_at)
    .bind(expires_at)
    .execute(c)
    .await?
    .rows_affected());
    tx.record(
        actions::TOKEN_CREATED,
        Some(org),
        Some(("token", token.id.to_string())),
        serde_json::json!({"person": person, "scope": scope, "expires_at": expires_at, "name": token.name}),
    );
    Ok((token, secret))
}

/// The token for a presented secret with its person, and when it was last used, in one query.
///
/// # Errors
/// On database errors.
pub async fn find_with_principal(
    tx: &mut Tx,
    secret: &str,
) -> StoreResult<Option<(TokenRecord, PrincipalRecord, Option<Timestamp>)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        token_id: TokenId,
        token_person: PersonId,
        scope: TokenScope,
        expires_at: Option<Timestamp>,
        revoked_at: Option<Timestamp>,
        last_used_at: Option<Timestamp>,
        #[sqlx(flatten)]
        person: PrincipalRow,
    }
    let row: Option<Row> = on_engine!(tx, |c| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT t.id AS token_id, t.person_id AS token_person, t.scope, t.expires_at, t.revoked_at, t.last_used_at, \
         {PRINCIPAL_COLUMNS} FROM api_tokens t JOIN people p ON p.id = t.person_id \
         JOIN organizations o ON o.id = p.org_id WHERE t.token_hash = $1"
    )))
    .bind(SecretHash::of(secret))
    .fetch_optional(c)
    .await?
    });
    let Some(r) = row else { return Ok(None) };
    let token = TokenRecord {
        id: r.token_id,
        person: r.token_person,
        scope: r.scope,
        expires_at: r.expires_at,
        revoked_at: r.revoked_at,
    };
    let principal = PrincipalRecord::from(r.person);
    Ok(Some((token, principal, r.last_used_at)))
}

/// One token.
///
/// # Errors
/// On database errors.
pub async fn get(tx: &mut Tx, id: TokenId) -> StoreResult<Option<ApiToken>> {
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("SELECT {COLUMNS} FROM api_tokens WHERE id = $1")
    ))
    .bind(id)
    .fetch_optional(c)
    .await?))
}

/// A person's tokens, newest first.
///
/// # Errors
/// On database errors.
pub async fn list(
    tx: &mut Tx,
    person: PersonId,
    page: &PageRequest<Timestamp>,
) -> StoreResult<Page<ApiToken>> {
    let limit = page.fetch_limit();
    let rows: Vec<ApiToken> = match &page.after {
        None => on_engine!(tx, |c| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM api_tokens WHERE person_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2"
        )))
        .bind(person)
        .bind(limit)
        .fetch_all(c)
        .await?
        }),
        Some(after) => {
            on_engine!(tx, |c| {
                sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM api_tokens WHERE person_id = $1 AND (created_at, id) < ($2, $3) \
             ORDER BY created_at DESC, id DESC LIMIT $4"
        )))
        .bind(person)
        .bind(after.key)
        .bind(TokenId::from_uuid(after.id))
        .bind(limit)
        .fetch_all(c)
        .await?
            })
        }
    };
    Ok(Page::from_rows(rows, page.limit, |t| Cursor {
        key: t.created_at,
        id: t.id.as_uuid(),
    }))
}

/// Revokes a token. Revoking twice is harmless.
///
/// # Errors
/// [`StoreError::NotFound`] when there is no such token.
pub async fn revoke(tx: &mut WriteTx, id: TokenId, org: OrgId) -> StoreResult<()> {
    let now = tx.now();
    let n = on_engine!(tx, |c| sqlx::query(
        "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1"
    )
    .bind(id)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    tx.record(
        actions::TOKEN_REVOKED,
        Some(org),
        Some(("token", id.to_string())),
        serde_json::Value::Null,
    );
    Ok(())
}

/// Notes that a token was used.
///
/// # Errors
/// On database errors.
pub async fn touch(tx: &mut WriteTx, id: TokenId) -> StoreResult<()> {
    let now = tx.now();
    on_engine!(tx, |c| sqlx::query(
        "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

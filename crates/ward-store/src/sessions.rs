//! Server-side sessions. The cookie carries a random secret; only its SHA-256 is stored.

use ward_core::auth::{PrincipalRecord, SessionRecord};
use ward_core::ids::{OrgId, PersonId};
use ward_core::secret::{SecretHash, new_secret};
use ward_core::time::Timestamp;

use crate::db::{Tx, WriteTx};
use crate::error::{StoreError, StoreResult};
use crate::on_engine;
use crate::people::{PRINCIPAL_COLUMNS, PrincipalRow};

/// A new session: the secret for the cookie and the token forms must echo.
#[derive(Clone)]
pub struct IssuedSession {
    /// The cookie value. Never stored.
    pub secret: String,
    /// The anti-forgery token for forms of this session.
    pub csrf_token: String,
}

impl std::fmt::Debug for IssuedSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IssuedSession(…)")
    }
}

/// A stored session found by its secret.
#[derive(Clone, Debug)]
pub struct StoredSession {
    /// The hash it is stored under.
    pub id_hash: SecretHash,
    /// What authentication needs.
    pub record: SessionRecord,
    /// The anti-forgery token for forms of this session.
    pub csrf_token: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id_hash: SecretHash,
    person_id: PersonId,
    csrf_token: String,
    mfa_verified: bool,
    created_at: Timestamp,
    last_seen_at: Timestamp,
}

/// Starts a session. `mfa_verified` is false while a second factor is still to be entered.
///
/// # Errors
/// On database errors or when no randomness is available.
pub async fn create(
    tx: &mut WriteTx,
    person: PersonId,
    mfa_verified: bool,
    ip: Option<&str>,
    user_agent: Option<&str>,
) -> StoreResult<IssuedSession> {
    let random = |prefix| new_secret(prefix).map_err(|e| StoreError::Config(e.to_string()));
    let secret = random("")?;
    let csrf_token = random("")?;
    let now = tx.now();
    let user_agent: Option<String> = user_agent.map(|ua| ua.chars().take(300).collect());
    on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO sessions (id_hash, person_id, csrf_token, mfa_verified, created_at, last_seen_at, ip, user_agent) \
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7)"
    )
    .bind(SecretHash::of(&secret))
    .bind(person)
    .bind(&csrf_token)
    .bind(mfa_verified)
    .bind(now)
    .bind(ip)
    .bind(&user_agent)
    .execute(c)
    .await?.rows_affected()
    });
    Ok(IssuedSession { secret, csrf_token })
}

/// The session for a cookie secret.
///
/// # Errors
/// On database errors.
pub async fn find(tx: &mut Tx, secret: &str) -> StoreResult<Option<StoredSession>> {
    let row: Option<Row> = on_engine!(tx, |c| {
        sqlx::query_as(
        "SELECT id_hash, person_id, csrf_token, mfa_verified, created_at, last_seen_at FROM sessions WHERE id_hash = $1"
    )
    .bind(SecretHash::of(secret))
    .fetch_optional(c)
    .await?
    });
    Ok(row.map(|r| StoredSession {
        id_hash: r.id_hash,
        csrf_token: r.csrf_token,
        record: SessionRecord {
            person: r.person_id,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
            mfa_verified: r.mfa_verified,
        },
    }))
}

/// The session for a cookie secret together with its person, in one query (every UI request does this).
///
/// # Errors
/// On database errors.
pub async fn find_with_principal(
    tx: &mut Tx,
    secret: &str,
) -> StoreResult<Option<(StoredSession, PrincipalRecord)>> {
    #[derive(sqlx::FromRow)]
    struct Joined {
        #[sqlx(flatten)]
        session: Row,
        #[sqlx(flatten)]
        person: PrincipalRow,
    }
    let row: Option<Joined> = on_engine!(tx, |c| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT s.id_hash, s.person_id, s.csrf_token, s.mfa_verified, s.created_at, s.last_seen_at, \
         {PRINCIPAL_COLUMNS} FROM sessions s JOIN people p ON p.id = s.person_id \
         JOIN organizations o ON o.id = p.org_id WHERE s.id_hash = $1"
    )))
    .bind(SecretHash::of(secret))
    .fetch_optional(c)
    .await?
    });
    let Some(Joined { session: r, person }) = row else {
        return Ok(None);
    };
    let principal = PrincipalRecord::from(person);
    Ok(Some((
        StoredSession {
            id_hash: r.id_hash,
            csrf_token: r.csrf_token,
            record: SessionRecord {
                person: r.person_id,
                created_at: r.created_at,
                last_seen_at: r.last_seen_at,
                mfa_verified: r.mfa_verified,
            },
        },
        principal,
    )))
}

/// Notes activity on a session (keeps it from going idle).
///
/// # Errors
/// On database errors.
pub async fn touch(tx: &mut WriteTx, id_hash: &SecretHash) -> StoreResult<()> {
    let now = tx.now();
    on_engine!(tx, |c| sqlx::query(
        "UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1"
    )
    .bind(id_hash)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// Ends one session.
///
/// # Errors
/// On database errors.
pub async fn delete(tx: &mut WriteTx, id_hash: &SecretHash) -> StoreResult<()> {
    on_engine!(tx, |c| sqlx::query(
        "DELETE FROM sessions WHERE id_hash = $1"
    )
    .bind(id_hash)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// Ends every session of a person, except optionally the one in use.
///
/// # Errors
/// On database errors.
pub async fn delete_for_person(
    tx: &mut WriteTx,
    person: PersonId,
    except: Option<&SecretHash>,
) -> StoreResult<u64> {
    let keep = except.map_or("", SecretHash::as_str);
    Ok(on_engine!(tx, |c| sqlx::query(
        "DELETE FROM sessions WHERE person_id = $1 AND id_hash <> $2"
    )
    .bind(person)
    .bind(keep)
    .execute(c)
    .await?
    .rows_affected()))
}

/// Ends every session of every person of an organization.
///
/// # Errors
/// On database errors.
pub async fn delete_for_org(tx: &mut WriteTx, org: OrgId) -> StoreResult<u64> {
    Ok(on_engine!(tx, |c| sqlx::query(
        "DELETE FROM sessions WHERE person_id IN (SELECT id FROM people WHERE org_id = $1)"
    )
    .bind(org)
    .execute(c)
    .await?
    .rows_affected()))
}

/// Removes sessions idle since before `idle_before` or started before `started_before`.
///
/// # Errors
/// On database errors.
pub async fn purge(
    tx: &mut WriteTx,
    idle_before: Timestamp,
    started_before: Timestamp,
) -> StoreResult<u64> {
    Ok(on_engine!(tx, |c| sqlx::query(
        "DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2"
    )
    .bind(idle_before)
    .bind(started_before)
    .execute(c)
    .await?
    .rows_affected()))
}

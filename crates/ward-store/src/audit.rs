//! The audit trail in the database: appending to the hash chain, reading it back under the access policy, and
//! verifying it.

use serde::Serialize;
use ward_core::audit::{AuditEvent, AuditRecord, ChainBreak, ChainVerifier};
use ward_core::ids::{OrgId, PersonId};
use ward_core::page::{Cursor, Page, PageRequest};
use ward_core::time::Timestamp;

use crate::db::{Store, Tx};
use crate::error::StoreResult;
use crate::on_engine;

#[derive(sqlx::FromRow)]
struct Head {
    seq: i64,
    hash: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    seq: i64,
    at: Timestamp,
    action: String,
    actor_kind: String,
    actor_person_id: Option<PersonId>,
    actor_org_id: Option<OrgId>,
    actor_system: Option<String>,
    org_id: Option<OrgId>,
    target_kind: Option<String>,
    target_id: Option<String>,
    detail: String,
    ip: Option<String>,
    prev_hash: String,
    hash: String,
}

impl From<Row> for AuditRecord {
    fn from(r: Row) -> Self {
        Self {
            seq: r.seq,
            at: r.at,
            action: r.action,
            actor_kind: r.actor_kind,
            actor_person: r.actor_person_id,
            actor_org: r.actor_org_id,
            actor_system: r.actor_system,
            org: r.org_id,
            target_kind: r.target_kind,
            target_id: r.target_id,
            detail: r.detail,
            ip: r.ip,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

const COLUMNS: &str = "seq, at, action, actor_kind, actor_person_id, actor_org_id, actor_system, org_id, \
                       target_kind, target_id, detail, ip, prev_hash, hash";

/// Appends events to the chain inside the transaction. The chain head row is locked first, so concurrent writers
/// (several server processes on PostgreSQL) extend the chain one after the other.
pub(crate) async fn append(tx: &mut Tx, events: &[AuditEvent]) -> StoreResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    let now = tx.now();
    let head: Head = on_engine!(tx,
        sqlite: |c| sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1").fetch_one(c).await?,
        postgres: |c| sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE").fetch_one(c).await?,
    );
    let mut seq = head.seq;
    let mut prev = head.hash;
    for event in events {
        seq += 1;
        let r = AuditRecord::chain(event, seq, now, &prev);
        on_engine!(tx, |c| {
            sqlx::query(
                "INSERT INTO audit_log (seq, at, action, actor_kind, actor_person_id, actor_org_id, actor_system, \
                 org_id, target_kind, target_id, detail, ip, prev_hash, hash) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            )
            .bind(r.seq)
            .bind(r.at)
            .bind(&r.action)
            .bind(&r.actor_kind)
            .bind(r.actor_person)
            .bind(r.actor_org)
            .bind(&r.actor_system)
            .bind(r.org)
            .bind(&r.target_kind)
            .bind(&r.target_id)
            .bind(&r.detail)
            .bind(&r.ip)
            .bind(&r.prev_hash)
            .bind(&r.hash)
            .execute(c)
            .await?.rows_affected()
        });
        prev = r.hash;
    }
    on_engine!(tx, |c| sqlx::query(
        "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1"
    )
    .bind(seq)
    .bind(&prev)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// Which entries to list.
#[derive(Clone, Copy, Debug)]
pub enum AuditScope {
    /// Every entry (the coordinator).
    All,
    /// Entries about one organization (its administrators).
    Org(OrgId),
}

/// A page of entries, newest first.
///
/// # Errors
/// On database errors.
pub async fn list(
    tx: &mut Tx,
    scope: AuditScope,
    page: &PageRequest<i64>,
) -> StoreResult<Page<AuditRecord>> {
    let before = page.after.as_ref().map_or(i64::MAX, |c| c.key);
    let limit = page.fetch_limit();
    let rows: Vec<Row> = match scope {
        AuditScope::All => on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT $2"
        )))
        .bind(before)
        .bind(limit)
        .fetch_all(c)
        .await?),
        AuditScope::Org(org) => on_engine!(tx, |c| {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM audit_log WHERE org_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3"
        )))
        .bind(org)
        .bind(before)
        .bind(limit)
        .fetch_all(c)
        .await?
        }),
    };
    let records: Vec<AuditRecord> = rows.into_iter().map(AuditRecord::from).collect();
    Ok(Page::from_rows(records, page.limit, |r| Cursor {
        key: r.seq,
        id: uuid::Uuid::nil(),
    }))
}

/// The outcome of verifying the whole chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// How many entries verified.
    pub entries: i64,
    /// The hash of the last entry.
    pub head_hash: String,
}

/// Walks the whole chain in order and checks every link, and that the head row agrees with the last entry.
///
/// # Errors
/// `Ok(Err(break))` names the first broken entry; `Err` is a database error.
pub async fn verify(store: &Store) -> StoreResult<Result<Verification, ChainBreak>> {
    const BATCH: i64 = 2000;
    let mut verifier = ChainVerifier::default();
    let mut after = 0i64;
    loop {
        let mut tx = store.read().await?;
        let rows: Vec<Row> = on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"
        )))
        .bind(after)
        .bind(BATCH)
        .fetch_all(c)
        .await?);
        tx.finish().await?;
        let done = i64::try_from(rows.len()).unwrap_or(0) < BATCH;
        for row in rows {
            let record = AuditRecord::from(row);
            after = record.seq;
            if let Err(e) = verifier.check(&record) {
                return Ok(Err(e));
            }
        }
        if done {
            break;
        }
    }
    let mut tx = store.read().await?;
    let head: Head = on_engine!(tx, |c| sqlx::query_as(
        "SELECT seq, hash FROM audit_head WHERE id = 1"
    )
    .fetch_one(c)
    .await?);
    tx.finish().await?;
    // Entries appended after the walk started are fine; a head behind the log, or a log that ends before the head,
    // means entries were removed at the end.
    if head.seq < verifier.verified()
        || (head.seq == verifier.verified() && head.hash != verifier.head_hash())
    {
        return Ok(Err(ChainBreak {
            seq: head.seq,
            reason: "the chain head does not match the last entry",
        }));
    }
    if head.seq > verifier.verified() {
        let mut tx = store.read().await?;
        let present: Option<i64> = on_engine!(tx, |c| sqlx::query_scalar(
            "SELECT seq FROM audit_log WHERE seq = $1"
        )
        .bind(verifier.verified() + 1)
        .fetch_optional(c)
        .await?);
        tx.finish().await?;
        if present.is_none() {
            return Ok(Err(ChainBreak {
                seq: verifier.verified() + 1,
                reason: "missing: the log ends before the recorded chain head",
            }));
        }
    }
    Ok(Ok(Verification {
        entries: verifier.verified(),
        head_hash: verifier.head_hash().to_owned(),
    }))
}

/// How many entries were recorded since `since` (for the dashboard).
///
/// # Errors
/// On database errors.
pub async fn count_since(tx: &mut Tx, scope: AuditScope, since: Timestamp) -> StoreResult<i64> {
    Ok(match scope {
        AuditScope::All => on_engine!(tx, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE at >= $1"
        )
        .bind(since)
        .fetch_one(c)
        .await?),
        AuditScope::Org(org) => on_engine!(tx, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE org_id = $1 AND at >= $2"
        )
        .bind(org)
        .bind(since)
        .fetch_one(c)
        .await?),
    })
}

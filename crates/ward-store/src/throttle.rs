//! Sign-in throttling: failures counted per key (an account or a client address) in a window; too many lock the
//! key for a while. Kept in the database so several server processes share the counts.

use time::Duration;
use ward_core::time::Timestamp;

use crate::db::{Tx, WriteTx};
use crate::error::StoreResult;
use crate::on_engine;

/// When failures lead to a lockout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottleRule {
    /// Failures within the window that trigger the lockout.
    pub max_failures: i64,
    /// How long failures are counted together.
    pub window: Duration,
    /// How long the key stays locked.
    pub lockout: Duration,
}

impl ThrottleRule {
    /// Per account: five wrong passwords in fifteen minutes lock the account for fifteen minutes.
    pub const ACCOUNT: Self = Self {
        max_failures: 5,
        window: Duration::minutes(15),
        lockout: Duration::minutes(15),
    };
    /// Per client address: twenty failures in fifteen minutes block the address for fifteen minutes.
    pub const CLIENT: Self = Self {
        max_failures: 20,
        window: Duration::minutes(15),
        lockout: Duration::minutes(15),
    };
}

#[derive(sqlx::FromRow)]
struct Row {
    failures: i64,
    window_started_at: Timestamp,
    locked_until: Option<Timestamp>,
}

/// Until when a key is locked, if it is locked now.
///
/// # Errors
/// On database errors.
pub async fn locked_until(tx: &mut Tx, key: &str) -> StoreResult<Option<Timestamp>> {
    let now = tx.now();
    let row: Option<Row> = on_engine!(tx, |c| sqlx::query_as(
        "SELECT failures, window_started_at, locked_until FROM login_throttle WHERE key = $1"
    )
    .bind(key)
    .fetch_optional(c)
    .await?);
    Ok(row
        .and_then(|r| r.locked_until)
        .filter(|until| *until > now))
}

/// Counts a failure; returns the lock's end when this failure locked the key.
///
/// # Errors
/// On database errors.
pub async fn record_failure(
    tx: &mut WriteTx,
    key: &str,
    rule: ThrottleRule,
) -> StoreResult<Option<Timestamp>> {
    let now = tx.now();
    let row: Option<Row> = on_engine!(tx, |c| sqlx::query_as(
        "SELECT failures, window_started_at, locked_until FROM login_throttle WHERE key = $1"
    )
    .bind(key)
    .fetch_optional(c)
    .await?);
    let (failures, window_started_at) = match row {
        Some(r) if r.window_started_at.plus(rule.window) > now => {
            (r.failures + 1, r.window_started_at)
        }
        _ => (1, now),
    };
    let locked_until = (failures >= rule.max_failures).then(|| now.plus(rule.lockout));
    let (failures, window_started_at) = if locked_until.is_some() {
        // The lockout starts a fresh count for afterwards.
        (0, now)
    } else {
        (failures, window_started_at)
    };
    on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO login_throttle (key, failures, window_started_at, locked_until) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, \
         window_started_at = excluded.window_started_at, locked_until = excluded.locked_until"
    )
    .bind(key)
    .bind(failures)
    .bind(window_started_at)
    .bind(locked_until)
    .execute(c)
    .await?.rows_affected()
    });
    Ok(locked_until)
}

/// Forgets the failures of a key (after a successful sign-in).
///
/// # Errors
/// On database errors.
pub async fn clear(tx: &mut WriteTx, key: &str) -> StoreResult<()> {
    on_engine!(tx, |c| sqlx::query(
        "DELETE FROM login_throttle WHERE key = $1"
    )
    .bind(key)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// Removes entries whose window and lock are both over.
///
/// # Errors
/// On database errors.
pub async fn purge(tx: &mut WriteTx, window_started_before: Timestamp) -> StoreResult<u64> {
    let now = tx.now();
    Ok(on_engine!(tx, |c| {
        sqlx::query(
        "DELETE FROM login_throttle WHERE window_started_at < $1 AND (locked_until IS NULL OR locked_until < $2)"
    )
    .bind(window_started_before)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected()
    }))
}

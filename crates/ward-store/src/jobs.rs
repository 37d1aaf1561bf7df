//! The jobs outbox and the worker that runs it.
//!
//! Writes enqueue jobs in their own transaction, so a job exists exactly when the change that caused it was
//! committed. Workers in any number of server processes claim due jobs with a lease (PostgreSQL: `FOR UPDATE SKIP
//! LOCKED`; SQLite: the single writer lock), run them, and retry failures with exponential backoff. A job whose
//! worker died is claimed again when its lease runs out, so work survives restarts.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serde::Serialize;
use time::Duration;
use tokio::sync::watch;
use ward_core::ids::JobId;
use ward_core::time::Timestamp;

use crate::db::{Store, Tx, WriteTx};
use crate::error::StoreResult;
use crate::on_engine;

/// A job to enqueue.
#[derive(Clone, Debug)]
pub struct NewJob {
    /// Which handler runs it.
    pub kind: &'static str,
    /// Its input.
    pub payload: serde_json::Value,
    /// Not before.
    pub run_at: Timestamp,
    /// At most one unfinished job may carry this key (periodic and deduplicated jobs).
    pub unique_key: Option<String>,
    /// Attempts before it is given up.
    pub max_attempts: i32,
}

impl NewJob {
    /// A job to run as soon as possible, with up to eight attempts.
    #[must_use]
    pub fn now(kind: &'static str, payload: serde_json::Value, at: Timestamp) -> Self {
        Self {
            kind,
            payload,
            run_at: at,
            unique_key: None,
            max_attempts: 8,
        }
    }
}

/// Adds a job to the outbox in the caller's transaction. Returns `None` when a job with the same unique key is
/// still unfinished.
///
/// # Errors
/// On database errors.
pub async fn enqueue(tx: &mut WriteTx, job: &NewJob) -> StoreResult<Option<JobId>> {
    let id = JobId::new();
    let now = tx.now();
    let n = on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO jobs (id, kind, payload, unique_key, status, attempts, max_attempts, run_at, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, 'pending', 0, $5, $6, $7, $7) ON CONFLICT (unique_key) DO NOTHING"
    )
    .bind(id)
    .bind(job.kind)
    .bind(job.payload.to_string())
    .bind(&job.unique_key)
    .bind(job.max_attempts)
    .bind(job.run_at)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected()
    });
    Ok((n == 1).then_some(id))
}

/// A job claimed by a worker.
#[derive(Clone, Debug)]
pub struct ClaimedJob {
    /// Id.
    pub id: JobId,
    /// Handler name.
    pub kind: String,
    /// Input.
    pub payload: serde_json::Value,
    /// This is attempt number…
    pub attempts: i32,
    /// …of at most.
    pub max_attempts: i32,
}

#[derive(sqlx::FromRow)]
struct ClaimRow {
    id: JobId,
    kind: String,
    payload: String,
    attempts: i32,
    max_attempts: i32,
}

/// Claims up to `limit` due jobs for `worker` with a lease of `lease`.
///
/// # Errors
/// On database errors.
pub async fn claim(
    store: &Store,
    worker: &str,
    lease: Duration,
    limit: i64,
) -> StoreResult<Vec<ClaimedJob>> {
    let mut tx = store.housekeeping().await?;
    let now = tx.now();
    let until = now.plus(lease);
    // Jobs whose last attempt's worker vanished are given up rather than retried forever.
    on_engine!(tx, |c| {
        sqlx::query(
        "UPDATE jobs SET status = 'failed', last_error = 'the worker stopped during the last attempt', \
         finished_at = $1, unique_key = NULL, updated_at = $1 \
         WHERE status = 'running' AND locked_until < $1 AND attempts >= max_attempts"
    )
    .bind(now)
    .execute(c)
    .await?.rows_affected()
    });
    let rows: Vec<ClaimRow> = on_engine!(tx,
        sqlite: |c| sqlx::query_as(
            "UPDATE jobs SET status = 'running', locked_by = $1, locked_until = $2, attempts = attempts + 1, \
             updated_at = $3 WHERE id IN (SELECT id FROM jobs WHERE (status = 'pending' AND run_at <= $3) \
             OR (status = 'running' AND locked_until < $3) ORDER BY run_at LIMIT $4) \
             RETURNING id, kind, payload, attempts, max_attempts"
        )
        .bind(worker).bind(until).bind(now).bind(limit)
        .fetch_all(c).await?,
        postgres: |c| sqlx::query_as(
            "UPDATE jobs SET status = 'running', locked_by = $1, locked_until = $2, attempts = attempts + 1, \
             updated_at = $3 WHERE id IN (SELECT id FROM jobs WHERE (status = 'pending' AND run_at <= $3) \
             OR (status = 'running' AND locked_until < $3) ORDER BY run_at LIMIT $4 FOR UPDATE SKIP LOCKED) \
             RETURNING id, kind, payload, attempts, max_attempts"
        )
        .bind(worker).bind(until).bind(now).bind(limit)
        .fetch_all(c).await?,
    );
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|r| ClaimedJob {
            id: r.id,
            kind: r.kind,
            payload: serde_json::from_str(&r.payload).unwrap_or(serde_json::Value::Null),
            attempts: r.attempts,
            max_attempts: r.max_attempts,
        })
        .collect())
}

/// Marks a job done (only if `worker` still holds its lease).
///
/// # Errors
/// On database errors.
pub async fn complete(store: &Store, id: JobId, worker: &str) -> StoreResult<bool> {
    let mut tx = store.housekeeping().await?;
    let now = tx.now();
    let n = on_engine!(tx, |c| {
        sqlx::query(
        "UPDATE jobs SET status = 'done', finished_at = $3, locked_by = NULL, locked_until = NULL, \
         unique_key = NULL, last_error = NULL, updated_at = $3 WHERE id = $1 AND locked_by = $2"
    )
    .bind(id)
    .bind(worker)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected()
    });
    tx.commit().await?;
    Ok(n == 1)
}

/// The delay before attempt `attempts + 1`: 10 s doubling per attempt, at most an hour.
#[must_use]
pub fn backoff(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    let seconds = 10i64.saturating_mul(1i64 << exponent.min(16));
    Duration::seconds(seconds.min(3600))
}

/// Records a failed attempt: retried after [`backoff`], or given up after the last attempt.
///
/// # Errors
/// On database errors.
pub async fn fail(store: &Store, job: &ClaimedJob, worker: &str, error: &str) -> StoreResult<()> {
    let mut tx = store.housekeeping().await?;
    let now = tx.now();
    let error: String = error.chars().take(2000).collect();
    if job.attempts >= job.max_attempts {
        on_engine!(tx, |c| {
            sqlx::query(
            "UPDATE jobs SET status = 'failed', last_error = $3, finished_at = $4, locked_by = NULL, \
             locked_until = NULL, unique_key = NULL, updated_at = $4 WHERE id = $1 AND locked_by = $2"
        )
        .bind(job.id)
        .bind(worker)
        .bind(&error)
        .bind(now)
        .execute(c)
        .await?.rows_affected()
        });
    } else {
        let retry_at = now.plus(backoff(job.attempts));
        on_engine!(tx, |c| sqlx::query(
            "UPDATE jobs SET status = 'pending', last_error = $3, run_at = $4, locked_by = NULL, \
             locked_until = NULL, updated_at = $5 WHERE id = $1 AND locked_by = $2"
        )
        .bind(job.id)
        .bind(worker)
        .bind(&error)
        .bind(retry_at)
        .bind(now)
        .execute(c)
        .await?
        .rows_affected());
    }
    tx.commit().await
}

/// How many jobs are in each state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct JobCounts {
    /// Waiting to run (including retries).
    pub pending: i64,
    /// Being run.
    pub running: i64,
    /// Finished.
    pub done: i64,
    /// Given up.
    pub failed: i64,
}

/// Counts jobs by state.
///
/// # Errors
/// On database errors.
pub async fn counts(tx: &mut Tx) -> StoreResult<JobCounts> {
    let rows: Vec<(String, i64)> = on_engine!(tx, |c| sqlx::query_as(
        "SELECT status, COUNT(*) FROM jobs GROUP BY status"
    )
    .fetch_all(c)
    .await?);
    let mut counts = JobCounts::default();
    for (status, n) in rows {
        match status.as_str() {
            "pending" => counts.pending = n,
            "running" => counts.running = n,
            "done" => counts.done = n,
            "failed" => counts.failed = n,
            _ => {}
        }
    }
    Ok(counts)
}

/// A job's state, for tests and the operations page.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct JobState {
    /// `pending`, `running`, `done` or `failed`.
    pub status: String,
    /// Attempts made.
    pub attempts: i32,
    /// Next run.
    pub run_at: Timestamp,
    /// The last error.
    pub last_error: Option<String>,
}

/// The state of one job.
///
/// # Errors
/// On database errors.
pub async fn state(tx: &mut Tx, id: JobId) -> StoreResult<Option<JobState>> {
    Ok(on_engine!(tx, |c| sqlx::query_as(
        "SELECT status, attempts, run_at, last_error FROM jobs WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(c)
    .await?))
}

/// Removes finished jobs older than `before`.
///
/// # Errors
/// On database errors.
pub async fn purge_finished(tx: &mut WriteTx, before: Timestamp) -> StoreResult<u64> {
    Ok(on_engine!(tx, |c| sqlx::query(
        "DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < $1"
    )
    .bind(before)
    .execute(c)
    .await?
    .rows_affected()))
}

/// What a job handler returns: `Err` with a message to retry later.
pub type JobResult = Result<(), String>;

/// A job handler: takes the store and the payload.
pub type Handler = Arc<
    dyn Fn(Store, serde_json::Value) -> Pin<Box<dyn Future<Output = JobResult> + Send>>
        + Send
        + Sync,
>;

/// Runs due jobs with registered handlers.
#[derive(Clone)]
pub struct Worker {
    store: Store,
    id: String,
    handlers: HashMap<&'static str, Handler>,
    periodic: Vec<(&'static str, Duration)>,
    lease: Duration,
    poll: std::time::Duration,
}

impl fmt::Debug for Worker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Worker")
            .field("id", &self.id)
            .field("kinds", &self.handlers.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl Worker {
    /// A worker with a unique id for its leases.
    #[must_use]
    pub fn new(store: Store) -> Self {
        Self {
            store,
            id: format!("worker-{}", uuid::Uuid::now_v7()),
            handlers: HashMap::new(),
            periodic: Vec::new(),
            lease: Duration::minutes(5),
            poll: std::time::Duration::from_secs(1),
        }
    }

    /// Sets how often to look for due jobs.
    #[must_use]
    pub const fn poll_every(mut self, poll: std::time::Duration) -> Self {
        self.poll = poll;
        self
    }

    /// Registers the handler for a kind of job.
    #[must_use]
    pub fn handle<F, Fut>(mut self, kind: &'static str, handler: F) -> Self
    where
        F: Fn(Store, serde_json::Value) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = JobResult> + Send + 'static,
    {
        self.handlers.insert(
            kind,
            Arc::new(move |store, payload| Box::pin(handler(store, payload))),
        );
        self
    }

    /// Runs a registered kind every `interval` (one instance across all processes).
    #[must_use]
    pub fn every(mut self, kind: &'static str, interval: Duration) -> Self {
        self.periodic.push((kind, interval));
        self
    }

    async fn schedule_periodic(&self, kind: &'static str, after: Duration) -> StoreResult<()> {
        let mut tx = self.store.housekeeping().await?;
        let run_at = tx.now().plus(after);
        enqueue(
            &mut tx,
            &NewJob {
                kind,
                payload: serde_json::Value::Null,
                run_at,
                unique_key: Some(format!("periodic:{kind}")),
                max_attempts: 3,
            },
        )
        .await?;
        tx.commit().await
    }

    /// Claims and runs the due jobs once; returns how many ran.
    ///
    /// # Errors
    /// On database errors while claiming or recording results.
    pub async fn run_once(&self) -> StoreResult<usize> {
        let jobs = claim(&self.store, &self.id, self.lease, 8).await?;
        let lease = std::time::Duration::from_secs(
            u64::try_from(self.lease.whole_seconds()).unwrap_or(300),
        );
        for job in &jobs {
            let outcome = match self.handlers.get(job.kind.as_str()) {
                None => Err(format!(
                    "no handler for job kind {:?} in this version",
                    job.kind
                )),
                Some(handler) => {
                    let run = handler(self.store.clone(), job.payload.clone());
                    match tokio::time::timeout(lease, tokio::spawn(run)).await {
                        Ok(Ok(result)) => result,
                        Ok(Err(join)) => Err(format!("the job panicked: {join}")),
                        Err(_) => Err("the job ran past its lease".to_owned()),
                    }
                }
            };
            match outcome {
                Ok(()) => {
                    complete(&self.store, job.id, &self.id).await?;
                    metrics_outcome(&job.kind, "done");
                    if let Some((kind, interval)) =
                        self.periodic.iter().find(|(k, _)| *k == job.kind)
                    {
                        self.schedule_periodic(kind, *interval).await?;
                    }
                }
                Err(error) => {
                    tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, %error, "job failed");
                    fail(&self.store, job, &self.id, &error).await?;
                    metrics_outcome(&job.kind, "failed");
                    if job.attempts >= job.max_attempts
                        && let Some((kind, interval)) =
                            self.periodic.iter().find(|(k, _)| *k == job.kind)
                    {
                        self.schedule_periodic(kind, *interval).await?;
                    }
                }
            }
        }
        Ok(jobs.len())
    }

    /// Runs until `shutdown` turns true.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        for (kind, _) in &self.periodic {
            if let Err(e) = self.schedule_periodic(kind, Duration::ZERO).await {
                tracing::error!(error = %e, kind, "could not schedule a periodic job");
            }
        }
        loop {
            match self.run_once().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) if e.is_transient() => tracing::debug!(error = %e, "job queue busy"),
                Err(e) => tracing::error!(error = %e, "job queue error"),
            }
            tokio::select! {
                () = tokio::time::sleep(self.poll) => {}
                changed = shutdown.changed() => {
                    if changed.is_err() || *shutdown.borrow() {
                        break;
                    }
                }
            }
        }
        tracing::info!(worker = %self.id, "job worker stopped");
    }
}

fn metrics_outcome(kind: &str, outcome: &'static str) {
    metrics::counter!("ward_jobs_finished_total", "kind" => kind.to_owned(), "outcome" => outcome)
        .increment(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        assert_eq!(backoff(1), Duration::seconds(10));
        assert_eq!(backoff(2), Duration::seconds(20));
        assert_eq!(backoff(4), Duration::seconds(80));
        assert_eq!(backoff(30), Duration::hours(1));
        assert_eq!(backoff(0), Duration::seconds(10));
    }
}

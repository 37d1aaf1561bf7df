//! Connections, migrations and transactions for SQLite and PostgreSQL.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Postgres, Sqlite};
use ward_core::audit::{Actor, AuditEvent};
use ward_core::ids::OrgId;
use ward_core::time::{Clock, Timestamp};

use crate::error::{StoreError, StoreResult};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// The file name of the embedded database inside the data directory.
pub const SQLITE_FILE: &str = "ward.db";

/// Which database engine a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Embedded SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

impl Engine {
    /// The engine's name for logs and metrics.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// Where the database is.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL.
    Postgres(String),
}

impl DatabaseTarget {
    /// Chooses the database: a `postgres://` or `sqlite://` URL when given, otherwise `ward.db` in the data
    /// directory.
    ///
    /// # Errors
    /// When the URL has another scheme.
    pub fn resolve(url: Option<&str>, data_dir: &Path) -> StoreResult<Self> {
        let Some(url) = url.map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(Self::Sqlite(data_dir.join(SQLITE_FILE)));
        };
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(url.to_owned()));
        }
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let path = path.split('?').next().unwrap_or(path);
            if path.is_empty() || path == ":memory:" {
                return Err(StoreError::Config(
                    "a SQLite database URL must name a file, e.g. sqlite:///var/lib/ward/ward.db"
                        .into(),
                ));
            }
            return Ok(Self::Sqlite(PathBuf::from(path)));
        }
        Err(StoreError::Config(
            "the database URL must start with postgres:// or sqlite:// (or leave it out to use the data directory)"
                .into(),
        ))
    }

    /// The engine this target uses.
    #[must_use]
    pub const fn engine(&self) -> Engine {
        match self {
            Self::Sqlite(_) => Engine::Sqlite,
            Self::Postgres(_) => Engine::Postgres,
        }
    }
}

impl fmt::Display for DatabaseTarget {
    /// Shows where the database is without its password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "sqlite:{}", path.display()),
            Self::Postgres(url) => match url::redact(url) {
                Some(redacted) => f.write_str(&redacted),
                None => f.write_str("postgres://…"),
            },
        }
    }
}

impl fmt::Debug for DatabaseTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

mod url {
    /// The URL with any password replaced by `***`.
    pub(super) fn redact(url: &str) -> Option<String> {
        let (scheme, rest) = url.split_once("://")?;
        let (authority, tail) = rest.split_once('/').map_or((rest, ""), |(a, t)| (a, t));
        let redacted = match authority.rsplit_once('@') {
            Some((userinfo, host)) => {
                let user = userinfo.split(':').next().unwrap_or("");
                format!("{user}:***@{host}")
            }
            None => authority.to_owned(),
        };
        let tail = tail.split('?').next().unwrap_or(tail);
        Some(format!("{scheme}://{redacted}/{tail}"))
    }
}

/// Tuning for a store.
#[derive(Clone)]
pub struct StoreOptions {
    /// The most connections in the pool.
    pub max_connections: u32,
    /// Where the time comes from.
    pub clock: Arc<dyn Clock>,
}

impl fmt::Debug for StoreOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoreOptions")
            .field("max_connections", &self.max_connections)
            .finish_non_exhaustive()
    }
}

#[derive(Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A handle on the database, cheap to clone and shared by every request.
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    clock: Arc<dyn Clock>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("engine", &self.engine())
            .finish_non_exhaustive()
    }
}

/// The pool's current size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolState {
    /// Open connections.
    pub size: u32,
    /// Of which idle.
    pub idle: u32,
    /// The configured maximum.
    pub max: u32,
}

/// Who is writing and from where; every audit entry of the transaction carries it.
#[derive(Clone, Debug)]
pub struct AuditCtx {
    /// Who.
    pub actor: Actor,
    /// The client address, for requests.
    pub ip: Option<String>,
}

impl AuditCtx {
    /// A context for a part of the system (the command line, the worker, the demo seeder).
    #[must_use]
    pub fn system(name: &str) -> Self {
        Self {
            actor: Actor::System {
                name: name.to_owned(),
            },
            ip: None,
        }
    }
}

impl Store {
    /// Opens (and for SQLite creates) the database. Does not migrate.
    ///
    /// # Errors
    /// When the directory cannot be created or the database cannot be reached.
    pub async fn open(target: &DatabaseTarget, options: StoreOptions) -> StoreResult<Self> {
        let pool = match target {
            DatabaseTarget::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        StoreError::Config(format!(
                            "cannot create the data directory {}: {e}",
                            dir.display()
                        ))
                    })?;
                }
                let connect = SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(15))
                    .pragma("temp_store", "memory");
                let pool = SqlitePoolOptions::new()
                    // A local file does not drop connections: skip the round trip that checks each one on acquire.
                    .test_before_acquire(false)
                    .max_connections(options.max_connections.max(2))
                    .min_connections(1)
                    .acquire_timeout(Duration::from_secs(20))
                    .connect_with(connect)
                    .await?;
                Pool::Sqlite(pool)
            }
            DatabaseTarget::Postgres(url) => {
                let connect = PgConnectOptions::from_str(url)
                    .map_err(|_| StoreError::Config("the PostgreSQL URL is not valid".into()))?
                    .application_name("ward")
                    // Ward's statements are prepared once per connection and keyed by ids; without this PostgreSQL
                    // keeps re-planning the visibility predicate (about 0.5–2.5 ms) on every execution. JIT
                    // compilation costs more (15–50 ms) than it saves on statements that read a page of rows.
                    .options([("plan_cache_mode", "force_generic_plan"), ("jit", "off")]);
                let pool = PgPoolOptions::new()
                    // No liveness round trip before every use: a connection the server dropped fails its next
                    // statement, is discarded by the pool, and that one request answers 503 (try again).
                    .test_before_acquire(false)
                    .max_connections(options.max_connections.max(2))
                    .acquire_timeout(Duration::from_secs(20))
                    .connect_with(connect)
                    .await?;
                Pool::Postgres(pool)
            }
        };
        Ok(Self {
            pool,
            clock: options.clock,
        })
    }

    /// The engine in use.
    #[must_use]
    pub const fn engine(&self) -> Engine {
        match self.pool {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    /// The clock this store stamps writes with.
    #[must_use]
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The current time by the store's clock.
    #[must_use]
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    fn migrator(&self) -> &'static Migrator {
        match self.pool {
            Pool::Sqlite(_) => &SQLITE_MIGRATIONS,
            Pool::Postgres(_) => &POSTGRES_MIGRATIONS,
        }
    }

    /// Applies pending migrations; returns how many were applied. Safe to run from several processes at once
    /// (the migrator takes a database lock).
    ///
    /// # Errors
    /// When a migration fails; nothing of that migration is kept.
    pub async fn migrate(&self) -> StoreResult<usize> {
        let before = self.pending_migrations().await?;
        match &self.pool {
            Pool::Sqlite(p) => SQLITE_MIGRATIONS.run(p).await?,
            Pool::Postgres(p) => POSTGRES_MIGRATIONS.run(p).await?,
        }
        Ok(before)
    }

    /// How many known migrations are not applied yet.
    ///
    /// # Errors
    /// When the database cannot be queried.
    pub async fn pending_migrations(&self) -> StoreResult<usize> {
        const APPLIED: &str = "SELECT version FROM _sqlx_migrations WHERE success";
        let applied: Result<Vec<i64>, sqlx::Error> = match &self.pool {
            Pool::Sqlite(p) => sqlx::query_scalar(APPLIED).fetch_all(p).await,
            Pool::Postgres(p) => sqlx::query_scalar(APPLIED).fetch_all(p).await,
        };
        let applied = match applied {
            Ok(v) => v,
            // No bookkeeping table yet: nothing is applied.
            Err(sqlx::Error::Database(_)) => Vec::new(),
            Err(e) => return Err(e.into()),
        };
        Ok(self
            .migrator()
            .iter()
            .filter(|m| m.migration_type.is_up_migration() && !applied.contains(&m.version))
            .count())
    }

    /// Checks that the database answers.
    ///
    /// # Errors
    /// When it does not.
    pub async fn ping(&self) -> StoreResult<()> {
        match &self.pool {
            Pool::Sqlite(p) => sqlx::query("SELECT 1").execute(p).await?.rows_affected(),
            Pool::Postgres(p) => sqlx::query("SELECT 1").execute(p).await?.rows_affected(),
        };
        Ok(())
    }

    /// The pool's size right now.
    #[must_use]
    pub fn pool_state(&self) -> PoolState {
        match &self.pool {
            Pool::Sqlite(p) => PoolState {
                size: p.size(),
                idle: u32::try_from(p.num_idle()).unwrap_or(u32::MAX),
                max: p.options().get_max_connections(),
            },
            Pool::Postgres(p) => PoolState {
                size: p.size(),
                idle: u32::try_from(p.num_idle()).unwrap_or(u32::MAX),
                max: p.options().get_max_connections(),
            },
        }
    }

    /// Closes every connection.
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }

    /// Takes a connection for reading. Statements run in autocommit mode: each sees the latest committed data, and
    /// a page's reads cost no `BEGIN`/`COMMIT` round trips. Writes belong in [`Store::write`].
    ///
    /// # Errors
    /// When no connection is available.
    pub async fn read(&self) -> StoreResult<Tx> {
        let inner = match &self.pool {
            Pool::Sqlite(p) => EngineTx::SqliteReader(p.acquire().await?),
            Pool::Postgres(p) => EngineTx::PostgresReader(p.acquire().await?),
        };
        Ok(Tx {
            inner,
            now: self.clock.now(),
        })
    }

    async fn begin_write(&self) -> StoreResult<Tx> {
        let inner = match &self.pool {
            // IMMEDIATE takes SQLite's write lock up front, so a transaction that reads and then writes cannot
            // fail half-way because another writer got in between.
            Pool::Sqlite(p) => EngineTx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => EngineTx::Postgres(p.begin().await?),
        };
        Ok(Tx {
            inner,
            now: self.clock.now(),
        })
    }

    /// Starts a write transaction on behalf of `ctx`. It commits only with at least one audit entry.
    ///
    /// # Errors
    /// When no connection is available or the write lock cannot be taken.
    pub async fn write(&self, ctx: AuditCtx) -> StoreResult<WriteTx> {
        Ok(WriteTx {
            tx: self.begin_write().await?,
            ctx,
            events: Vec::new(),
            housekeeping: false,
        })
    }

    /// Starts a write transaction for bookkeeping that is not an auditable change (session activity, job
    /// claims, throttle counters, purging expired rows).
    ///
    /// # Errors
    /// When no connection is available or the write lock cannot be taken.
    pub async fn housekeeping(&self) -> StoreResult<WriteTx> {
        Ok(WriteTx {
            tx: self.begin_write().await?,
            ctx: AuditCtx::system("housekeeping"),
            events: Vec::new(),
            housekeeping: true,
        })
    }

    /// Writes a consistent copy of a SQLite database to `to` while the server keeps running.
    ///
    /// # Errors
    /// On PostgreSQL (use `pg_dump`), when the target exists, or when the copy fails.
    pub async fn backup_sqlite(&self, to: &Path) -> StoreResult<()> {
        let Pool::Sqlite(pool) = &self.pool else {
            return Err(StoreError::Config(
                "ward backup copies the embedded SQLite database; for PostgreSQL use pg_dump (see docs/operations.md)"
                    .into(),
            ));
        };
        if to.exists() {
            return Err(StoreError::Config(format!(
                "{} already exists; choose a new file name",
                to.display()
            )));
        }
        let target = to
            .to_str()
            .ok_or_else(|| StoreError::Config("the backup path must be valid UTF-8".into()))?;
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(pool)
            .await?;
        Ok(())
    }
}

/// A transaction, or a plain connection for reading, on either engine.
pub enum EngineTx {
    /// A SQLite transaction.
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    /// A PostgreSQL transaction.
    Postgres(sqlx::Transaction<'static, Postgres>),
    /// A SQLite connection in autocommit mode, for reads.
    SqliteReader(sqlx::pool::PoolConnection<Sqlite>),
    /// A PostgreSQL connection in autocommit mode, for reads.
    PostgresReader(sqlx::pool::PoolConnection<Postgres>),
}

/// A unit of database work: a write transaction (dropped without commit, it rolls back), or a read connection.
pub struct Tx {
    inner: EngineTx,
    now: Timestamp,
}

impl Tx {
    /// The engine-specific transaction, for [`on_engine!`](crate::on_engine).
    pub fn engine_tx(&mut self) -> &mut EngineTx {
        &mut self.inner
    }

    /// The time this transaction started; all writes in it carry this time.
    #[must_use]
    pub const fn now(&self) -> Timestamp {
        self.now
    }

    /// The engine.
    #[must_use]
    pub const fn engine(&self) -> Engine {
        match self.inner {
            EngineTx::Sqlite(_) | EngineTx::SqliteReader(_) => Engine::Sqlite,
            EngineTx::Postgres(_) | EngineTx::PostgresReader(_) => Engine::Postgres,
        }
    }

    /// Ends the unit of work: commits a transaction, returns a read connection to the pool.
    ///
    /// # Errors
    /// When the database reports an error.
    pub async fn finish(self) -> StoreResult<()> {
        match self.inner {
            EngineTx::Sqlite(t) => t.commit().await?,
            EngineTx::Postgres(t) => t.commit().await?,
            EngineTx::SqliteReader(_) | EngineTx::PostgresReader(_) => {}
        }
        Ok(())
    }
}

/// A write transaction. Every change in it is recorded in the audit trail with the transaction's actor; it commits
/// only together with its audit entries.
pub struct WriteTx {
    tx: Tx,
    ctx: AuditCtx,
    events: Vec<AuditEvent>,
    housekeeping: bool,
}

impl Deref for WriteTx {
    type Target = Tx;
    fn deref(&self) -> &Tx {
        &self.tx
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Tx {
        &mut self.tx
    }
}

impl WriteTx {
    /// The actor of this transaction.
    #[must_use]
    pub const fn actor(&self) -> &Actor {
        &self.ctx.actor
    }

    /// Records an audit event with this transaction's actor and address.
    pub fn record(
        &mut self,
        action: &'static str,
        org: Option<OrgId>,
        target: Option<(&'static str, String)>,
        detail: serde_json::Value,
    ) {
        let mut event = AuditEvent::new(action, self.ctx.actor.clone(), org)
            .detail(detail)
            .ip(self.ctx.ip.clone());
        if let Some((kind, id)) = target {
            event = event.target(kind, id);
        }
        self.events.push(event);
    }

    /// Records a fully built event (for events whose actor differs, such as a failed sign-in).
    pub fn record_event(&mut self, event: AuditEvent) {
        self.events.push(event);
    }

    /// Appends the audit entries and commits.
    ///
    /// # Errors
    /// [`StoreError::Unaudited`] when nothing was recorded outside housekeeping; database errors otherwise (and
    /// then nothing is kept).
    pub async fn commit(mut self) -> StoreResult<()> {
        if self.events.is_empty() && !self.housekeeping {
            return Err(StoreError::Unaudited);
        }
        let events = std::mem::take(&mut self.events);
        crate::audit::append(&mut self.tx, &events).await?;
        self.tx.finish().await
    }
}

/// Runs the same body against the engine-specific connection of a transaction. The body is compiled once per
/// engine, so a query written once works on both.
#[macro_export]
macro_rules! on_engine {
    ($tx:expr, |$c:ident| $body:expr) => {
        match $tx.engine_tx().connection() {
            $crate::db::Connection::Sqlite($c) => $body,
            $crate::db::Connection::Postgres($c) => $body,
        }
    };
    ($tx:expr, sqlite: |$c1:ident| $b1:expr, postgres: |$c2:ident| $b2:expr $(,)?) => {
        match $tx.engine_tx().connection() {
            $crate::db::Connection::Sqlite($c1) => $b1,
            $crate::db::Connection::Postgres($c2) => $b2,
        }
    };
}

/// The connection under a transaction or a reader, as [`on_engine!`] hands it to a query.
pub enum Connection<'a> {
    /// SQLite.
    Sqlite(&'a mut sqlx::SqliteConnection),
    /// PostgreSQL.
    Postgres(&'a mut sqlx::PgConnection),
}

impl EngineTx {
    /// The connection to run statements on.
    pub fn connection(&mut self) -> Connection<'_> {
        match self {
            Self::Sqlite(t) => Connection::Sqlite(t),
            Self::SqliteReader(c) => Connection::Sqlite(c),
            Self::Postgres(t) => Connection::Postgres(t),
            Self::PostgresReader(c) => Connection::Postgres(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_from_url_or_data_dir() {
        let dir = Path::new("/srv/ward");
        assert_eq!(
            DatabaseTarget::resolve(None, dir).unwrap(),
            DatabaseTarget::Sqlite(dir.join("ward.db"))
        );
        assert_eq!(
            DatabaseTarget::resolve(Some("sqlite:///tmp/x.db"), dir).unwrap(),
            DatabaseTarget::Sqlite(PathBuf::from("/tmp/x.db"))
        );
        assert_eq!(
            DatabaseTarget::resolve(Some("postgres://u:p@h/db"), dir)
                .unwrap()
                .engine(),
            Engine::Postgres
        );
        assert!(DatabaseTarget::resolve(Some("mysql://x"), dir).is_err());
        assert!(DatabaseTarget::resolve(Some("sqlite::memory:"), dir).is_err());
    }

    #[test]
    fn postgres_urls_are_shown_without_password() {
        let t = DatabaseTarget::resolve(
            Some("postgres://ward:s3cret@db.local:5432/ward?sslmode=require"),
            Path::new("."),
        )
        .unwrap();
        let shown = t.to_string();
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("db.local:5432/ward"), "{shown}");
    }
}

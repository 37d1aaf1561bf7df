//! Throw-away databases for tests: a SQLite file in a temporary directory, or a fresh PostgreSQL database on the
//! server named by `WARD_TEST_POSTGRES_URL`, dropped again when the test ends.

use std::sync::Arc;

use sqlx::Connection;
use ward_core::time::Clock;

use crate::db::{DatabaseTarget, Engine, Store, StoreOptions};
use crate::error::{StoreError, StoreResult};

/// The environment variable that names the PostgreSQL server for tests.
pub const POSTGRES_ENV: &str = "WARD_TEST_POSTGRES_URL";

/// The engines tests should run on: SQLite always, PostgreSQL when [`POSTGRES_ENV`] is set.
#[must_use]
pub fn engines() -> Vec<Engine> {
    let mut engines = vec![Engine::Sqlite];
    if std::env::var(POSTGRES_ENV).is_ok_and(|v| !v.trim().is_empty()) {
        engines.push(Engine::Postgres);
    }
    engines
}

/// A database that exists for one test.
pub struct TestDatabase {
    /// Where it is.
    pub target: DatabaseTarget,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

impl std::fmt::Debug for TestDatabase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestDatabase")
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

impl TestDatabase {
    /// Creates an empty database on `engine`.
    ///
    /// # Errors
    /// When the temporary directory or the PostgreSQL database cannot be created.
    pub async fn create(engine: Engine) -> StoreResult<Self> {
        match engine {
            Engine::Sqlite => {
                let dir = tempfile::tempdir().map_err(|e| StoreError::Config(e.to_string()))?;
                Ok(Self {
                    target: DatabaseTarget::Sqlite(dir.path().join("ward.db")),
                    _dir: Some(dir),
                    postgres: None,
                })
            }
            Engine::Postgres => {
                let server = std::env::var(POSTGRES_ENV)
                    .map_err(|_| StoreError::Config(format!("{POSTGRES_ENV} is not set")))?;
                let name = format!("ward_test_{}", uuid::Uuid::new_v4().simple());
                let mut admin = sqlx::PgConnection::connect(&server).await?;
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
                    .execute(&mut admin)
                    .await?;
                admin.close().await?;
                let url = with_database(&server, &name);
                Ok(Self {
                    target: DatabaseTarget::Postgres(url),
                    _dir: None,
                    postgres: Some((server, name)),
                })
            }
        }
    }

    /// Opens a store on this database and applies the migrations.
    ///
    /// # Errors
    /// When opening or migrating fails.
    pub async fn store(&self, clock: Arc<dyn Clock>) -> StoreResult<Store> {
        let store = Store::open(
            &self.target,
            StoreOptions {
                max_connections: 5,
                clock,
            },
        )
        .await?;
        store.migrate().await?;
        Ok(store)
    }
}

/// The server URL with its database path replaced.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = server
        .split_once('?')
        .map_or((server, None), |(b, q)| (b, Some(q)));
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let base = match base[after_scheme..].find('/') {
        Some(slash) => &base[..after_scheme + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some((server, name)) = self.postgres.take() else {
            return;
        };
        // Dropping needs async I/O; do it on a short-lived runtime of its own so it also works while the test's
        // runtime is shutting down or after a panic.
        let handle = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                if let Ok(mut admin) = sqlx::PgConnection::connect(&server).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                    )))
                    .execute(&mut admin)
                    .await;
                    let _ = admin.close().await;
                }
            });
        });
        let _ = handle.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_name_replaces_the_path() {
        assert_eq!(
            with_database("postgres://u@h:5432/test", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(
            with_database("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    }
}

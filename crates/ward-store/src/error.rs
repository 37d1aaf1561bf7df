//! Store errors.

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The row does not exist (or is not visible to the caller).
    #[error("not found")]
    NotFound,
    /// A uniqueness rule was violated; the text names which.
    #[error("{0}")]
    Conflict(&'static str),
    /// The row changed since the caller read it.
    #[error("the record was changed by someone else; reload and try again")]
    Stale,
    /// A write transaction was committed without an audit entry.
    #[error("refusing to commit a write without an audit entry")]
    Unaudited,
    /// The database URL or file location is not usable.
    #[error("{0}")]
    Config(String),
    /// Stored data that cannot be read back (a bug or tampering).
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// The database reported an error.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Applying migrations failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Result of a store operation.
pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// Whether the database refused a duplicate value.
    #[must_use]
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, Self::Database(sqlx::Error::Database(e)) if e.is_unique_violation())
    }

    /// Whether the database was busy or a serialization failure occurred: worth retrying.
    #[must_use]
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Database(sqlx::Error::Database(e)) => {
                let code = e.code().unwrap_or_default();
                // SQLite BUSY/LOCKED (5, 6 and extended codes); PostgreSQL serialization failure and deadlock.
                matches!(code.as_ref(), "5" | "6" | "517" | "261" | "40001" | "40P01")
            }
            Self::Database(sqlx::Error::PoolTimedOut) => true,
            _ => false,
        }
    }
}

/// Maps a unique violation to a [`StoreError::Conflict`] with a message; other errors pass through.
pub(crate) fn conflict_on_unique(err: sqlx::Error, message: &'static str) -> StoreError {
    let err = StoreError::Database(err);
    if err.is_unique_violation() {
        StoreError::Conflict(message)
    } else {
        err
    }
}

/// The outcome of a domain operation that checks permissions and input before it writes.
#[derive(Debug, thiserror::Error)]
pub enum OpError {
    /// The viewer may not do this; the text says why.
    #[error("{0}")]
    Forbidden(&'static str),
    /// Nothing there, or nothing the viewer may see.
    #[error("not found")]
    NotFound,
    /// The input was refused.
    #[error(transparent)]
    Invalid(#[from] ward_core::ValidationError),
    /// It clashes with something that exists; the text says what.
    #[error("{0}")]
    Conflict(&'static str),
    /// Someone else changed it first.
    #[error("the record was changed by someone else; reload and try again")]
    Stale,
    /// The store failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for OpError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::NotFound,
            StoreError::Conflict(m) => Self::Conflict(m),
            StoreError::Stale => Self::Stale,
            other => Self::Store(other),
        }
    }
}

impl From<sqlx::Error> for OpError {
    fn from(e: sqlx::Error) -> Self {
        Self::Store(StoreError::Database(e))
    }
}

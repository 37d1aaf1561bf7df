//! Ward's database.
//!
//! One code path for two engines: SQLite (embedded, the default) and PostgreSQL. Queries are written once in portable
//! SQL and run through [`on_engine!`], which compiles the same body against each engine's connection; what truly
//! differs (row locking for jobs and the audit chain) is spelled out per engine next to each other.
//!
//! Every write happens in a [`WriteTx`], which commits only together with at least one audit entry (or as declared
//! housekeeping), so a change and its audit record land together or not at all.

pub mod audit;
pub mod db;
pub mod directory;
pub mod error;
pub mod groups;
pub mod invitations;
pub mod items;
pub mod jobs;
pub mod orgs;
pub mod people;
pub mod search;
pub mod sessions;
pub mod settings;
pub mod stats;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;
pub mod tokens;
pub mod topics;

pub use db::{
    AuditCtx, DatabaseTarget, Engine, EngineTx, PoolState, Store, StoreOptions, Tx, WriteTx,
};
pub use error::{OpError, StoreError, StoreResult};

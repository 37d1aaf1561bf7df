//! Ward's HTTP-level integration tests: the real server on a free port, on SQLite always and on PostgreSQL when
//! `WARD_TEST_POSTGRES_URL` is set, driven over HTTP like a browser, an API client and the command line would.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs,
    reason = "test code: a failed expectation is a failed test"
)]

mod harness;

mod api;
mod applications;
mod auth;
mod cli;
mod guard;
mod knowledge;
mod policy;
mod robustness;
mod search;
mod ui;

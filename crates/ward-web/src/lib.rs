//! Ward's web face: the server-rendered UI, the REST API and its OpenAPI document, health and metrics, and the
//! middleware that makes them safe (sessions, tokens, cross-site request protection, security headers, body limits,
//! error rendering). Only this crate knows HTTP.

mod api;
mod app;
mod assets;
mod auth;
mod config;
mod error;
mod forms;
mod health;
mod i18n;
mod join;
mod metrics;
mod net;
mod ops;
mod search;
mod state;
mod ui;

pub use app::{build_router, serve};
pub use config::WebConfig;
pub use state::AppState;

/// The OpenAPI document of the REST API (also served at `/api/openapi.json`).
#[must_use]
pub fn openapi_json() -> String {
    api::openapi().to_pretty_json().unwrap_or_default()
}

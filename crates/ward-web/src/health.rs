//! Liveness and readiness.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::state::AppState;

/// `GET /healthz`: the process is up.
pub async fn healthz() -> Response {
    Json(json!({"status": "ok"})).into_response()
}

/// `GET /readyz`: the database answers and every migration is applied.
pub async fn readyz(State(state): State<AppState>) -> Response {
    let store = state.store();
    let database = store.ping().await;
    let pending = store.pending_migrations().await;
    match (database, pending) {
        (Ok(()), Ok(0)) => Json(json!({"status": "ready", "database": store.engine().name()})).into_response(),
        (Ok(()), Ok(n)) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"status": "not ready", "reason": format!("{n} migration(s) not applied; run `ward migrate`")})),
        )
            .into_response(),
        (Err(e), _) | (_, Err(e)) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"status": "not ready", "reason": "the database does not answer"})),
            )
                .into_response()
        }
    }
}

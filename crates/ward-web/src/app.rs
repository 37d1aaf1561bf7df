//! Assembling the application: routes, middleware in the right order, and serving.

use std::net::SocketAddr;

use askama::Template;
use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::error::AppError;
use crate::i18n::{LANG_COOKIE, Tr, from_accept_language};
use crate::net::{RequestCtx, request_context};
use crate::state::AppState;
use crate::{api, assets, auth, health, metrics, ui};

/// Builds the whole application.
pub fn build_router(state: &AppState) -> Router {
    let mut csrf = CsrfLayer::new();
    if let Some(url) = &state.config().public_url
        && let Ok(layer) = csrf
            .clone()
            .add_trusted_origin(url.origin().ascii_serialization())
    {
        csrf = layer;
    }
    let csrf = csrf.with_rejection_response(|_| {
        AppError::Forbidden("this request came from another site and was refused".into())
            .into_response()
    });

    let ui = ui::routes()
        .layer(from_fn_with_state(state.clone(), auth::session::ui_auth))
        .layer(csrf);
    let (api_routes, _) = api::router().split_for_parts();
    let (public_api_routes, _) = api::public_router().split_for_parts();
    let api = Router::new()
        .nest(
            "/api/v1",
            api_routes
                .layer(from_fn_with_state(state.clone(), auth::api::api_auth))
                .merge(public_api_routes),
        )
        .route("/api/openapi.json", get(api::openapi_document));

    Router::new()
        .merge(ui)
        .merge(api)
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::render))
        .route("/static/{name}", get(assets::serve))
        .fallback(not_found)
        // Innermost first: the body limit, the time limit and panic recovery sit inside the error renderer and the
        // security headers, so their answers are rendered for their surface and carry the headers too.
        .layer(RequestBodyLimitLayer::new(state.config().max_body_bytes))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, state.config().request_timeout))
        .layer(CatchPanicLayer::custom(|_| AppError::Internal.into_response()))
        .layer(from_fn(render_errors))
        .layer(from_fn(security_headers))
        .layer(from_fn(metrics::track))
        .layer(from_fn_with_state(state.clone(), request_context))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            let id = req
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            tracing::info_span!("request", method = %req.method(), path = %loggable_path(req.uri().path()), request_id = %id)
        }))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state.clone())
}

/// The path as it may appear in logs: secrets carried in paths (invitation and application status links) are cut
/// off.
fn loggable_path(path: &str) -> &str {
    if path.starts_with("/invite/") {
        "/invite/…"
    } else if path.starts_with("/join/status/") {
        "/join/status/…"
    } else {
        path
    }
}

async fn not_found() -> AppError {
    AppError::NotFound
}

/// Serves the application on `listener` until `shutdown` completes.
///
/// # Errors
/// When the server fails.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = build_router(&state);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Middleware: security headers on every response.
async fn security_headers(req: Request, next: Next) -> Response {
    let secure = req
        .extensions()
        .get::<RequestCtx>()
        .is_some_and(|c| c.secure);
    let is_static = req.uri().path().starts_with("/static/");
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    h.insert("content-security-policy", HeaderValue::from_static(CSP));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if secure {
        h.insert(
            "strict-transport-security",
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    if !is_static && !h.contains_key(header::CACHE_CONTROL) {
        // Pages and API answers carry shared intelligence: keep them out of shared and browser caches.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    t: Tr,
    status: u16,
    heading: String,
    detail: String,
    request_id: String,
}

/// Middleware: renders errors for their surface — problem details under `/api`, an HTML page elsewhere. Responses
/// that already have a body are left alone (forms re-rendered with their errors, for example).
async fn render_errors(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let request_id = req
        .extensions()
        .get::<RequestCtx>()
        .map(|c| c.request_id.clone())
        .unwrap_or_default();
    let fallback_lang = req
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| {
            c.split(';').find_map(|kv| {
                let (k, v) = kv.trim().split_once('=')?;
                (k == LANG_COOKIE).then(|| v.parse().ok()).flatten()
            })
        })
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(from_accept_language)
        });
    let response = next.run(req).await;
    let status = response.status();
    let error = response.extensions().get::<AppError>().cloned();
    // Pages re-rendered with their errors (HTML) and problem documents are final; anything else that failed — a
    // bare status, or a plain-text rejection from a layer such as the body limit — is rendered for its surface.
    let rendered_already = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.starts_with("text/html") || ct.starts_with("application/problem+json")
        });
    if error.is_none() && (status.as_u16() < 400 || rendered_already) {
        return response;
    }
    let error = error.unwrap_or(match status {
        StatusCode::NOT_FOUND => AppError::NotFound,
        StatusCode::PAYLOAD_TOO_LARGE => {
            AppError::BadRequest("the request body is too large".into())
        }
        StatusCode::METHOD_NOT_ALLOWED => {
            AppError::BadRequest("this method is not allowed here".into())
        }
        StatusCode::REQUEST_TIMEOUT => AppError::BadRequest("the request took too long".into()),
        StatusCode::FORBIDDEN => AppError::Forbidden("this request was refused".into()),
        s if s.is_client_error() => AppError::BadRequest("the request could not be handled".into()),
        _ => AppError::Internal,
    });
    let mut rendered = if path.starts_with("/api/") {
        api::problem_response(&error, status, &path, &request_id)
    } else {
        let t = response
            .extensions()
            .get::<Tr>()
            .copied()
            .unwrap_or_else(|| Tr::new(fallback_lang.unwrap_or(ward_core::org::Language::En)));
        let page = ErrorPage {
            t,
            status: status.as_u16(),
            heading: t.get(&format!("error-{}", error.slug())),
            detail: match &error {
                AppError::Forbidden(m)
                | AppError::BadRequest(m)
                | AppError::Conflict(m)
                | AppError::TooManyRequests(m) => m.clone(),
                _ => String::new(),
            },
            request_id,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(error = %e, "error page failed to render");
                status.into_response()
            }
        }
    };
    for name in ["retry-after", "www-authenticate", "allow"] {
        if let Some(v) = response.headers().get(name) {
            rendered.headers_mut().insert(name, v.clone());
        }
    }
    rendered
}

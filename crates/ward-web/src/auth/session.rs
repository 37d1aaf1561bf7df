//! UI sessions: the cookie, the middleware that turns it into a viewer, and the extractors handlers use.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use time::Duration;
use ward_core::auth::{self, AuthError};
use ward_core::secret::SecretHash;
use ward_core::viewer::Viewer;
use ward_store::sessions::{self, StoredSession};

use crate::error::AppError;
use crate::i18n::{LANG_COOKIE, Tr, from_accept_language};
use crate::net::RequestCtx;
use crate::state::AppState;

/// The session cookie's name over HTTPS; the `__Host-` prefix makes browsers refuse it from subdomains or without
/// `Secure`.
pub const SECURE_COOKIE: &str = "__Host-ward_session";
/// The session cookie's name over plain HTTP (local use).
pub const PLAIN_COOKIE: &str = "ward_session";

/// How often at most a session's last activity is written.
const TOUCH_AFTER: Duration = Duration::seconds(60);

/// A signed-in UI session.
#[derive(Clone, Debug)]
pub struct UiSession {
    /// Who.
    pub viewer: Viewer,
    /// The token this session's forms must carry.
    pub csrf: String,
    /// The stored session's key.
    pub hash: SecretHash,
}

/// What the session cookie amounts to.
#[derive(Clone, Debug)]
pub enum UiAuth {
    /// No (valid) session.
    Anonymous,
    /// Password accepted; the second factor is still to be entered.
    PendingMfa(StoredSession),
    /// Signed in.
    SignedIn(UiSession),
}

fn cookie_secret(jar: &CookieJar) -> Option<String> {
    jar.get(SECURE_COOKIE)
        .or_else(|| jar.get(PLAIN_COOKIE))
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty() && v.len() <= 128)
}

/// The session cookie to set for a new session.
#[must_use]
pub fn session_cookie(secret: String, secure: bool) -> Cookie<'static> {
    let name = if secure { SECURE_COOKIE } else { PLAIN_COOKIE };
    // A browser-session cookie: closing the browser on a shared ward workstation ends the session.
    Cookie::build((name, secret))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .build()
}

/// Removes both session cookie variants.
pub fn clear_session_cookies(jar: CookieJar) -> CookieJar {
    jar.remove(Cookie::build(SECURE_COOKIE).path("/"))
        .remove(Cookie::build(PLAIN_COOKIE).path("/"))
}

async fn load(state: &AppState, secret: &str) -> Result<UiAuth, AppError> {
    let store = state.store();
    let mut tx = store.read().await?;
    let found = sessions::find_with_principal(&mut tx, secret).await?;
    let now = tx.now();
    tx.finish().await?;
    let Some((stored, principal)) = found else {
        return Ok(UiAuth::Anonymous);
    };
    let community = state.settings().await?;
    match auth::viewer_for_session(&stored.record, principal, &community, now) {
        Ok(viewer) => {
            if now > stored.record.last_seen_at.plus(TOUCH_AFTER) {
                let mut tx = store.housekeeping().await?;
                sessions::touch(&mut tx, &stored.id_hash).await?;
                tx.commit().await?;
            }
            Ok(UiAuth::SignedIn(UiSession {
                viewer,
                csrf: stored.csrf_token,
                hash: stored.id_hash,
            }))
        }
        Err(AuthError::MfaPending) if !auth::session_expired(&stored.record, &community, now) => {
            Ok(UiAuth::PendingMfa(stored))
        }
        Err(_) => {
            let mut tx = store.housekeeping().await?;
            sessions::delete(&mut tx, &stored.id_hash).await?;
            tx.commit().await?;
            Ok(UiAuth::Anonymous)
        }
    }
}

/// Pages a person who must enrol a second factor may still open.
fn allowed_before_enrolment(path: &str) -> bool {
    path.starts_with("/profile/mfa")
        || path == "/logout"
        || path == "/language"
        || path.starts_with("/static/")
}

/// Middleware for UI routes: resolves the session cookie into [`UiAuth`] and the interface language into [`Tr`].
pub async fn ui_auth(
    State(state): State<AppState>,
    jar: CookieJar,
    mut req: Request,
    next: Next,
) -> Response {
    let auth = match cookie_secret(&jar) {
        None => UiAuth::Anonymous,
        Some(secret) => match load(&state, &secret).await {
            Ok(auth) => auth,
            Err(e) => return e.into_response(),
        },
    };
    let lang = match &auth {
        UiAuth::SignedIn(s) => s.viewer.principal().map(|p| p.language),
        _ => None,
    }
    .or_else(|| {
        jar.get(LANG_COOKIE)
            .and_then(|c| c.value().parse().ok())
            .filter(|l: &ward_core::org::Language| l.is_interface_language())
    })
    .or_else(|| {
        req.headers()
            .get("accept-language")
            .and_then(|v| v.to_str().ok())
            .and_then(from_accept_language)
    })
    .unwrap_or(ward_core::org::Language::En);
    let must_enrol = matches!(&auth, UiAuth::SignedIn(s) if s.viewer.principal().is_some_and(|p| p.must_enrol_mfa));
    if must_enrol && !allowed_before_enrolment(req.uri().path()) {
        return Redirect::to("/profile/mfa").into_response();
    }
    let had_cookie = cookie_secret(&jar).is_some();
    let stale_cookie = had_cookie && matches!(auth, UiAuth::Anonymous);
    req.extensions_mut().insert(auth);
    req.extensions_mut().insert(Tr::new(lang));
    let mut response = next.run(req).await;
    // The error renderer further out reads the language from the response.
    response.extensions_mut().insert(Tr::new(lang));
    if stale_cookie {
        (clear_session_cookies(CookieJar::new()), response).into_response()
    } else {
        response
    }
}

/// Extractor: the signed-in session, or a redirect to the sign-in page.
#[derive(Clone, Debug)]
pub struct SignedIn(pub UiSession);

/// Rejection of [`SignedIn`]: go and sign in first, then come back.
#[derive(Debug)]
pub struct SignInFirst(String);

impl SignInFirst {
    /// Sign in, then return to `path`.
    #[must_use]
    pub const fn to(path: String) -> Self {
        Self(path)
    }
}

impl IntoResponse for SignInFirst {
    fn into_response(self) -> Response {
        Redirect::to(&format!("/login?next={}", url_escape(&self.0))).into_response()
    }
}

fn url_escape(path: &str) -> String {
    url::form_urlencoded::byte_serialize(path.as_bytes()).collect()
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = SignInFirst;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<UiAuth>() {
            Some(UiAuth::SignedIn(s)) => Ok(Self(s.clone())),
            _ => {
                let path = parts
                    .uri
                    .path_and_query()
                    .map_or("/", |p| p.as_str())
                    .to_owned();
                Err(SignInFirst(path))
            }
        }
    }
}

/// Extractor: whatever the session cookie amounts to.
#[derive(Clone, Debug)]
pub struct MaybeSignedIn(pub UiAuth);

impl<S: Send + Sync> FromRequestParts<S> for MaybeSignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(
            parts
                .extensions
                .get::<UiAuth>()
                .cloned()
                .unwrap_or(UiAuth::Anonymous),
        ))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Tr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Self>()
            .copied()
            .unwrap_or_else(|| Self::new(ward_core::org::Language::En)))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestCtx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Self>()
            .cloned()
            .ok_or(AppError::Internal)
    }
}

/// Only a safe path on this site may be a redirect target after sign-in.
#[must_use]
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.contains("://") =>
        {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_redirect_targets() {
        assert_eq!(safe_next(Some("/org")), "/org");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}

//! API authentication: `Authorization: Bearer <token>`, or HTTP Basic with the token as password (for TAXII and
//! other clients that only speak Basic).

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use time::Duration;
use ward_core::auth::{self, AuthError, TokenScope};
use ward_core::viewer::Viewer;
use ward_store::tokens;

use crate::error::AppError;
use crate::state::AppState;

/// A caller authenticated by an API token.
#[derive(Clone, Debug)]
pub struct ApiCaller {
    /// Who.
    pub viewer: Viewer,
    /// What the token allows.
    pub scope: TokenScope,
}

/// The token presented in the request, if any.
fn presented_token(headers: &HeaderMap) -> Option<String> {
    let value = headers.get("authorization")?.to_str().ok()?.trim();
    let (scheme, rest) = value.split_once(' ')?;
    let rest = rest.trim();
    if scheme.eq_ignore_ascii_case("bearer") {
        return Some(rest.to_owned());
    }
    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = STANDARD.decode(rest).ok()?;
        let text = String::from_utf8(decoded).ok()?;
        let (_, password) = text.split_once(':')?;
        return Some(password.to_owned());
    }
    None
}

const NO_TOKEN: &str =
    "send an API token as `Authorization: Bearer <token>` (create one under Profile)";
const BAD_TOKEN: &str = "the API token is not valid, expired or revoked";

async fn authenticate(state: &AppState, secret: &str) -> Result<ApiCaller, AppError> {
    if !secret.starts_with(tokens::TOKEN_PREFIX) || secret.len() > 128 {
        return Err(AppError::Unauthorized(BAD_TOKEN));
    }
    let store = state.store();
    let mut tx = store.read().await?;
    let found = tokens::find_with_principal(&mut tx, secret).await?;
    let now = tx.now();
    tx.finish().await?;
    let Some((token, principal, last_used)) = found else {
        return Err(AppError::Unauthorized(BAD_TOKEN));
    };
    let community = state.settings().await?;
    let (viewer, scope) =
        auth::viewer_for_token(&token, principal, &community, now).map_err(|e| match e {
            AuthError::Inactive => AppError::Unauthorized("this account is disabled"),
            _ => AppError::Unauthorized(BAD_TOKEN),
        })?;
    if last_used.is_none_or(|t| now > t.plus(Duration::seconds(60))) {
        let mut tx = store.housekeeping().await?;
        tokens::touch(&mut tx, token.id).await?;
        tx.commit().await?;
    }
    Ok(ApiCaller { viewer, scope })
}

/// Middleware for `/api/v1`: authenticates the token, enforces its scope, and requires an enrolled second factor
/// where the community demands one.
pub async fn api_auth(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let Some(secret) = presented_token(req.headers()) else {
        return with_challenge(AppError::Unauthorized(NO_TOKEN).into_response());
    };
    let caller = match authenticate(&state, &secret).await {
        Ok(c) => c,
        Err(e) => return with_challenge(e.into_response()),
    };
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if writes && caller.scope != TokenScope::Write {
        return AppError::Forbidden(
            "this token is read-only; create a token with the write scope".into(),
        )
        .into_response();
    }
    if caller.viewer.principal().is_some_and(|p| p.must_enrol_mfa) {
        return AppError::MfaEnrolmentRequired.into_response();
    }
    req.extensions_mut().insert(caller);
    next.run(req).await
}

fn with_challenge(mut response: Response) -> Response {
    if response.status() == axum::http::StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            "www-authenticate",
            axum::http::HeaderValue::from_static("Bearer realm=\"ward\""),
        );
    }
    response
}

impl<S: Send + Sync> FromRequestParts<S> for ApiCaller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Self>()
            .cloned()
            .ok_or(AppError::Unauthorized(NO_TOKEN))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_come_from_bearer_or_basic() {
        let mut h = HeaderMap::new();
        h.insert("authorization", "Bearer ward_pat_abc".parse().unwrap());
        assert_eq!(presented_token(&h).as_deref(), Some("ward_pat_abc"));
        let basic = STANDARD.encode("anyone:ward_pat_xyz");
        h.insert("authorization", format!("Basic {basic}").parse().unwrap());
        assert_eq!(presented_token(&h).as_deref(), Some("ward_pat_xyz"));
        h.insert("authorization", "Digest foo".parse().unwrap());
        assert_eq!(presented_token(&h), None);
        h.insert("authorization", "Basic !!!".parse().unwrap());
        assert_eq!(presented_token(&h), None);
    }
}

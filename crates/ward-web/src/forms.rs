//! Reading HTML form posts: the anti-forgery token of the session is checked before anything else.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use ward_core::secret::constant_time_eq;

use crate::auth::session::{SignInFirst, UiAuth, UiSession};
use crate::error::AppError;

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

/// A form with nothing but its anti-forgery token (a delete or revoke button).
#[derive(Debug, serde::Deserialize)]
pub struct NoFields {}

/// Why a form could not be taken.
#[derive(Debug)]
pub enum FormRejection {
    /// Not signed in.
    SignIn(SignInFirst),
    /// Forged, unreadable or too large.
    Error(AppError),
}

impl IntoResponse for FormRejection {
    fn into_response(self) -> Response {
        match self {
            Self::SignIn(r) => r.into_response(),
            Self::Error(e) => e.into_response(),
        }
    }
}

async fn body<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, AppError> {
    Bytes::from_request(req, state).await.map_err(|e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            AppError::BadRequest("the form is too large".into())
        } else {
            AppError::BadRequest("the form could not be read".into())
        }
    })
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    serde_html_form::from_bytes(bytes)
        .map_err(|e| AppError::BadRequest(format!("the form is not valid: {e}")))
}

/// A form posted by a signed-in person, with its session. The `csrf` field must match the session's token.
#[derive(Debug)]
pub struct UiForm<T>(pub UiSession, pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for UiForm<T> {
    type Rejection = FormRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let session = match req.extensions().get::<UiAuth>() {
            Some(UiAuth::SignedIn(s)) => s.clone(),
            _ => {
                let path = req.uri().path().to_owned();
                return Err(FormRejection::SignIn(
                    crate::auth::session::SignInFirst::to(path),
                ));
            }
        };
        let bytes = body(req, state).await.map_err(FormRejection::Error)?;
        let token: CsrfField = decode(&bytes).map_err(FormRejection::Error)?;
        if !constant_time_eq(token.csrf.as_bytes(), session.csrf.as_bytes()) {
            return Err(FormRejection::Error(AppError::Forbidden(
                "this form expired or did not come from Ward; reload the page and try again".into(),
            )));
        }
        let value = decode(&bytes).map_err(FormRejection::Error)?;
        Ok(Self(session, value))
    }
}

/// A form posted without a session (sign-in, accepting an invitation). Cross-site posts are stopped by the
/// `Sec-Fetch-Site`/`Origin` check and `SameSite` cookies.
#[derive(Debug)]
pub struct PublicForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for PublicForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = body(req, state).await?;
        decode(&bytes).map(Self)
    }
}

//! Errors of request handlers, rendered per surface: RFC 9457 problem details on the API, a friendly page in the UI.
//!
//! Handlers return [`AppError`]. It becomes a response that carries the error as an extension; the API and UI
//! middleware render it with the request id and the viewer's language. Internal details are logged, never sent.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ward_core::FieldError;
use ward_core::ValidationError;
use ward_core::guard::PersonalDataFinding;
use ward_store::{OpError, StoreError};

/// What went wrong, in terms a client can act on.
#[derive(Debug, Clone)]
pub enum AppError {
    /// Not signed in, or the credential is not valid.
    Unauthorized(&'static str),
    /// Signed in but not allowed; the text says why.
    Forbidden(String),
    /// A second factor must be enrolled first.
    MfaEnrolmentRequired,
    /// Nothing there (or nothing the viewer may see).
    NotFound,
    /// Input that cannot be accepted, field by field.
    Invalid(ValidationError),
    /// A request that cannot be read at all (malformed body, wrong content type).
    BadRequest(String),
    /// Clashes with existing data.
    Conflict(String),
    /// Changed by someone else meanwhile.
    Stale,
    /// Too many requests from this client; the text says until when.
    TooManyRequests(String),
    /// The database is busy; try again.
    Unavailable,
    /// A bug or an outage; details are in the log under the request id.
    Internal,
}

/// Result of a handler.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// The HTTP status.
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        match self {
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) | Self::MfaEnrolmentRequired => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Conflict(_) | Self::Stale => StatusCode::CONFLICT,
            Self::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A short machine-readable name, used in the problem `type`.
    #[must_use]
    pub const fn slug(&self) -> &'static str {
        match self {
            Self::Unauthorized(_) => "unauthorized",
            Self::Forbidden(_) => "forbidden",
            Self::MfaEnrolmentRequired => "mfa-enrolment-required",
            Self::NotFound => "not-found",
            Self::Invalid(_) => "validation",
            Self::BadRequest(_) => "bad-request",
            Self::Conflict(_) => "conflict",
            Self::Stale => "stale",
            Self::TooManyRequests(_) => "too-many-requests",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
        }
    }

    /// The explanation for the client (English; the UI translates by slug).
    #[must_use]
    pub fn detail(&self) -> String {
        match self {
            Self::Unauthorized(why) => (*why).to_owned(),
            Self::Forbidden(why)
            | Self::BadRequest(why)
            | Self::Conflict(why)
            | Self::TooManyRequests(why) => why.clone(),
            Self::MfaEnrolmentRequired => {
                "your role requires a second factor: enrol an authenticator app under Profile first".to_owned()
            }
            Self::NotFound => "there is nothing here, or you may not see it".to_owned(),
            Self::Invalid(e) if !e.personal_data.is_empty() => format!(
                "{} field(s) need attention; personal data was found: remove it, or confirm what may be shared",
                e.errors.len()
            ),
            Self::Invalid(e) => format!("{} field(s) need attention", e.errors.len()),
            Self::Stale => "it was changed by someone else meanwhile; reload and try again".to_owned(),
            Self::Unavailable => "the server is busy; try again in a moment".to_owned(),
            Self::Internal => "something went wrong on our side; the request id helps the administrator find out what".to_owned(),
        }
    }

    /// The field errors, for validation problems.
    #[must_use]
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Self::Invalid(e) => &e.errors,
            _ => &[],
        }
    }

    /// Personal data the guard found, for validation problems.
    #[must_use]
    pub fn personal_data(&self) -> &[PersonalDataFinding] {
        match self {
            Self::Invalid(e) => &e.personal_data,
            _ => &[],
        }
    }

    /// Logs an unexpected error and returns the opaque error for the client.
    pub fn internal(error: &dyn std::fmt::Display) -> Self {
        tracing::error!(%error, "internal error");
        Self::Internal
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        response.extensions_mut().insert(self);
        response
    }
}

impl From<ValidationError> for AppError {
    fn from(e: ValidationError) -> Self {
        Self::Invalid(e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::NotFound,
            StoreError::Conflict(m) => Self::Conflict(m.to_owned()),
            StoreError::Stale => Self::Stale,
            other if other.is_transient() => {
                tracing::warn!(error = %other, "database busy");
                Self::Unavailable
            }
            other => Self::internal(&other),
        }
    }
}

impl From<OpError> for AppError {
    fn from(e: OpError) -> Self {
        match e {
            OpError::Forbidden(m) => Self::Forbidden(m.to_owned()),
            OpError::NotFound => Self::NotFound,
            OpError::Invalid(v) => Self::Invalid(v),
            OpError::Conflict(m) => Self::Conflict(m.to_owned()),
            OpError::Stale => Self::Stale,
            OpError::Store(s) => s.into(),
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        StoreError::Database(e).into()
    }
}

//! Extractors that turn malformed input into problem details naming what was wrong.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use ward_core::ValidationError;
use ward_core::page::PageRequest;

use crate::error::AppError;

/// A JSON body. Wrong content type, broken JSON and wrong field types become 4xx problems with the reason.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(Self(v)),
            Err(rejection) => Err(match rejection {
                JsonRejection::MissingJsonContentType(_) => AppError::BadRequest(
                    "send the body as JSON with `Content-Type: application/json`".into(),
                ),
                JsonRejection::JsonDataError(e) => {
                    let text = e.body_text();
                    let detail = text
                        .strip_prefix("Failed to deserialize the JSON body into the target type: ")
                        .unwrap_or(&text)
                        .to_owned();
                    let field = detail.split(':').next().unwrap_or("body").trim().to_owned();
                    let field = if field.contains(' ') {
                        "body".to_owned()
                    } else {
                        field
                    };
                    AppError::Invalid(ValidationError::field(field, detail))
                }
                JsonRejection::JsonSyntaxError(e) => {
                    AppError::BadRequest(format!("the body is not valid JSON: {}", e.body_text()))
                }
                JsonRejection::BytesRejection(e) => {
                    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                        AppError::BadRequest("the body is too large".into())
                    } else {
                        AppError::BadRequest("the body could not be read".into())
                    }
                }
                other => AppError::BadRequest(other.body_text()),
            }),
        }
    }
}

/// Query parameters; bad values become a 400 problem.
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Self(q.0))
            .map_err(|e: QueryRejection| {
                AppError::BadRequest(format!("a query parameter is not valid: {}", e.body_text()))
            })
    }
}

/// Path parameters; a malformed id is simply not found.
#[derive(Debug)]
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Self(p.0))
            .map_err(|_: PathRejection| AppError::NotFound)
    }
}

/// `limit` and `cursor`, accepted by every list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Entries per page, 1–200 (default 50).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageQuery {
    /// The page request.
    ///
    /// # Errors
    /// A validation problem for a bad limit or cursor.
    pub fn request<K: serde::Serialize + DeserializeOwned>(
        &self,
    ) -> Result<PageRequest<K>, AppError> {
        PageRequest::parse(self.limit, self.cursor.as_deref()).map_err(AppError::Invalid)
    }
}

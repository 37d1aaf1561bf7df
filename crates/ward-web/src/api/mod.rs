//! The REST API under `/api/v1`: JSON in and out, bearer tokens, keyset pagination on every list, RFC 9457 problem
//! details for every error, and an OpenAPI 3.1 document generated from the handlers.

mod announcements;
mod applications;
mod community;
mod directory;
mod extract;
mod items;
mod knowledge;
mod me;
mod search;

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{OpenApi as OpenApiDoc, Server};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use ward_core::FieldError;
use ward_core::guard::PersonalDataFinding;

use crate::error::AppError;
use crate::state::AppState;

pub use extract::{ApiJson, ApiPath, ApiQuery, PageQuery};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Ward API",
        description = "The shared security commons for healthcare. Every list and read applies the community's TLP 2.0 \
                       access policy. Authenticate with `Authorization: Bearer <token>` (create a token under Profile).",
        license(name = "EUPL-1.2")
    ),
    modifiers(&Security),
    tags(
        (name = "me", description = "The caller's own account"),
        (name = "community", description = "Organizations, people, invitations, sharing groups, settings"),
        (name = "items", description = "Shared items of every kind, their comments, search, and announcements"),
        (name = "knowledge", description = "The knowledge base: articles, their versions and differences"),
        (name = "audit", description = "The audit trail"),
        (name = "applications", description = "Membership applications: the public submission and the coordinator's review")
    )
)]
struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
        openapi.servers = Some(vec![Server::new("/api/v1")]);
        openapi.security = Some(vec![utoipa::openapi::security::SecurityRequirement::new(
            "bearer",
            Vec::<String>::new(),
        )]);
    }
}

/// The API's routes with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(me::get_me, me::update_me))
        .routes(routes!(me::change_password))
        .routes(routes!(me::start_mfa))
        .routes(routes!(me::confirm_mfa))
        .routes(routes!(me::disable_mfa))
        .routes(routes!(me::recovery_codes))
        .routes(routes!(me::dashboard))
        .routes(routes!(me::list_tokens, me::create_token))
        .routes(routes!(me::revoke_token))
        .routes(routes!(directory::list_orgs, directory::create_org))
        .routes(routes!(directory::get_org, directory::update_org))
        .routes(routes!(directory::list_people))
        .routes(routes!(directory::update_person))
        .routes(routes!(
            directory::list_invitations,
            directory::create_invitation
        ))
        .routes(routes!(directory::revoke_invitation))
        .routes(routes!(community::list_groups, community::create_group))
        .routes(routes!(community::get_group, community::update_group))
        .routes(routes!(
            community::add_group_member,
            community::remove_group_member
        ))
        .routes(routes!(community::get_settings, community::update_settings))
        .routes(routes!(community::list_audit))
        .routes(routes!(items::list_items))
        .routes(routes!(items::get_item))
        .routes(routes!(search::search_items))
        .routes(routes!(knowledge::list_comments, knowledge::add_comment))
        .routes(routes!(knowledge::delete_comment))
        .routes(routes!(knowledge::list_articles, knowledge::create_article))
        .routes(routes!(
            knowledge::get_article,
            knowledge::update_article,
            knowledge::delete_article
        ))
        .routes(routes!(knowledge::list_versions))
        .routes(routes!(knowledge::get_version))
        .routes(routes!(knowledge::diff_versions))
        .routes(routes!(
            announcements::list_announcements,
            announcements::create_announcement
        ))
        .routes(routes!(
            announcements::get_announcement,
            announcements::update_announcement,
            announcements::delete_announcement
        ))
        .routes(routes!(applications::list_applications))
        .routes(routes!(applications::get_application))
        .routes(routes!(applications::approve_application))
        .routes(routes!(applications::reject_application))
}

/// The API's routes that need no token (served without the authentication layer), with their description.
pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(applications::submit_application))
}

/// The OpenAPI document.
pub fn openapi() -> OpenApiDoc {
    let (_, mut api) = router().split_for_parts();
    let (_, public) = public_router().split_for_parts();
    api.merge(public);
    api
}

/// `GET /api/openapi.json`.
pub async fn openapi_document() -> Response {
    Json(openapi()).into_response()
}

/// An RFC 9457 problem details document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI reference naming the problem type.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the problem type.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong in this case and how to fix it.
    pub detail: String,
    /// The request path.
    pub instance: String,
    /// The request id (also in logs and the `x-request-id` header).
    pub request_id: String,
    /// Field by field problems, for validation errors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Personal data found in the submitted text, each with its field and position. Confirmable findings carry
    /// a `text`; send `kind:text` back in `confirmed_personal_data` to share it anyway.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub personal_data: Vec<PersonalDataFinding>,
}

/// Renders an error as `application/problem+json`.
pub fn problem_response(
    error: &AppError,
    status: StatusCode,
    path: &str,
    request_id: &str,
) -> Response {
    let problem = Problem {
        kind: format!("/problems/{}", error.slug()),
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        status: status.as_u16(),
        detail: error.detail(),
        instance: path.to_owned(),
        request_id: request_id.to_owned(),
        errors: error.field_errors().to_vec(),
        personal_data: error.personal_data().to_vec(),
    };
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        body,
    )
        .into_response()
}

/// An audience naming something unknown (a store conflict) is a problem of the `audience_ids` field.
pub fn audience_conflict(e: ward_store::OpError) -> AppError {
    match e {
        ward_store::OpError::Conflict(m) => {
            AppError::Invalid(ward_core::ValidationError::field("audience_ids", m))
        }
        other => other.into(),
    }
}

/// A `201 Created` response with a `Location`.
pub fn created<T: Serialize>(location: String, body: &T) -> Response {
    (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(body),
    )
        .into_response()
}

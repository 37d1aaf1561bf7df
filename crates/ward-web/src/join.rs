//! Membership applications, shared by the UI and the API: the throttled public submission, the coordinator's
//! decisions, and the links handed out.

use serde::Serialize;
use time::Duration;
use ward_community::applications::{
    self, Application, ApplicationDraft, NOT_COORDINATOR, SUBMISSION_RULE,
};
use ward_core::audit::Actor;
use ward_core::ids::{ApplicationId, OrgId};
use ward_core::policy;
use ward_core::viewer::Viewer;
use ward_store::invitations::Invitation;
use ward_store::{AuditCtx, OpError, settings, throttle};

use crate::auth::audit_ctx;
use crate::error::{AppError, AppResult};
use crate::net::RequestCtx;
use crate::state::AppState;

/// A received application and where its applicant follows it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SubmittedApplication {
    /// Id.
    pub id: ApplicationId,
    /// Always `received`.
    pub status: ward_core::membership::ApplicationStatus,
    /// The applicant's status page. Keep it: it is the only way to follow the application, and Ward cannot show it
    /// again.
    pub status_url: String,
}

/// An approved application: the new organization and the link for its first administrator.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ApprovedApplication {
    /// The application as decided.
    pub application: Application,
    /// The organization created.
    pub org_id: OrgId,
    /// The first administrator's invitation.
    pub invitation: Invitation,
    /// The invitation link to pass on (also shown on the applicant's status page while it is open).
    pub invitation_link: String,
}

/// The throttle key of a client address.
fn client_key(req: &RequestCtx) -> String {
    format!("join:{}", req.ip.as_deref().unwrap_or("unknown"))
}

/// The message for a throttled client.
const THROTTLED: &str = "too many applications came from your network; try again in an hour";

/// The link of a status page.
#[must_use]
pub fn status_url(req: &RequestCtx, secret: &str) -> String {
    format!("{}/join/status/{secret}", req.origin)
}

/// Records an application from the public join page or API. Each accepted or refused-as-duplicate submission counts
/// against the client address; input with mistakes does not (nothing is written for it).
///
/// # Errors
/// Validation; [`AppError::Conflict`] when the institution is a member or has an application under review;
/// [`AppError::TooManyRequests`] when the address sent too many.
pub async fn submit(
    state: &AppState,
    req: &RequestCtx,
    draft: &ApplicationDraft,
) -> AppResult<SubmittedApplication> {
    let input = draft.parse()?;
    let key = client_key(req);
    let mut tx = state.store().read().await?;
    let locked = throttle::locked_until(&mut tx, &key).await?;
    tx.finish().await?;
    if locked.is_some() {
        return Err(AppError::TooManyRequests(THROTTLED.into()));
    }
    let mut tx = state
        .store()
        .write(AuditCtx {
            actor: Actor::Anonymous,
            ip: req.ip.clone(),
        })
        .await?;
    match applications::submit(&mut tx, &input).await {
        Ok(submitted) => {
            // The throttle counts attempts; "failure" is the throttle's word for every counted attempt.
            throttle::record_failure(&mut tx, &key, SUBMISSION_RULE).await?;
            tx.commit().await?;
            Ok(SubmittedApplication {
                id: submitted.id,
                status: ward_core::membership::ApplicationStatus::Received,
                status_url: status_url(req, &submitted.status_secret),
            })
        }
        Err(OpError::Conflict(message)) => {
            drop(tx);
            // Refusals count too, so the form cannot be used to probe many names.
            let mut tx = state.store().housekeeping().await?;
            throttle::record_failure(&mut tx, &key, SUBMISSION_RULE).await?;
            tx.commit().await?;
            Err(AppError::Conflict(message.to_owned()))
        }
        Err(e) => Err(e.into()),
    }
}

fn coordinator_only(viewer: &Viewer) -> AppResult<()> {
    if policy::can_coordinate(viewer) {
        Ok(())
    } else {
        Err(AppError::Forbidden(NOT_COORDINATOR.into()))
    }
}

/// Approves an application: the organization is created and its first administrator invited, in one transaction
/// with its audit entries.
///
/// # Errors
/// Forbidden for anyone but the coordinator; not found; [`AppError::Conflict`] when already decided or the name is
/// taken meanwhile.
pub async fn approve(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    id: ApplicationId,
) -> AppResult<ApprovedApplication> {
    coordinator_only(viewer)?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    let community = settings::get(&mut tx).await?;
    let expires = tx
        .now()
        .plus(Duration::days(i64::from(community.invitation_valid_days)));
    let approval = applications::approve(&mut tx, viewer, id, expires).await?;
    tx.commit().await?;
    Ok(ApprovedApplication {
        org_id: approval.organization.id,
        invitation_link: format!("{}/invite/{}", req.origin, approval.invitation_secret),
        invitation: approval.invitation,
        application: approval.application,
    })
}

/// Rejects an application with a reason.
///
/// # Errors
/// Forbidden for anyone but the coordinator; validation of the reason; not found; [`AppError::Conflict`] when
/// already decided.
pub async fn reject(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    id: ApplicationId,
    reason: &str,
) -> AppResult<Application> {
    coordinator_only(viewer)?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    let application = applications::reject(&mut tx, viewer, id, reason).await?;
    tx.commit().await?;
    Ok(application)
}

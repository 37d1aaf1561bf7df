//! Authentication at the edge: sessions for the UI, tokens for the API, sign-in with a second factor.

pub mod api;
pub mod login;
pub mod mfa;
pub mod session;

use ward_core::audit::Actor;
use ward_core::viewer::Viewer;
use ward_store::AuditCtx;

use crate::net::RequestCtx;

/// The audit context of a request made by `viewer`.
#[must_use]
pub fn audit_ctx(viewer: &Viewer, req: &RequestCtx) -> AuditCtx {
    let actor = match viewer.principal() {
        Some(p) => Actor::Person {
            person: p.person,
            org: p.org,
        },
        None => Actor::Anonymous,
    };
    AuditCtx {
        actor,
        ip: req.ip.clone(),
    }
}

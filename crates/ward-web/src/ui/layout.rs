//! What every page shares: the header, the navigation, the notice after an action, and rendering.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use ward_core::policy;

use crate::assets::HTMX;
use crate::auth::session::UiSession;
use crate::i18n::Tr;

/// The signed-in person as the header shows them.
#[derive(Clone, Debug)]
pub struct NavUser {
    /// Shown name.
    pub name: String,
    /// Organization name.
    pub org_name: String,
    /// Community coordinator?
    pub coordinator: bool,
    /// May read the audit trail?
    pub reads_audit: bool,
    /// Must enrol a second factor before anything else?
    pub must_enrol: bool,
    /// May browse the member directory?
    pub reads_directory: bool,
}

/// A message at the top of the page.
#[derive(Clone, Debug)]
pub struct Notice {
    /// `ok`, `error`, `info` or `warn` (a CSS class).
    pub kind: &'static str,
    /// The text.
    pub text: String,
}

/// The shared part of every page.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Translations.
    pub t: Tr,
    /// The page title.
    pub title: String,
    /// The community's name.
    pub community: String,
    /// Which navigation entry is current.
    pub section: &'static str,
    /// The signed-in person.
    pub user: Option<NavUser>,
    /// The anti-forgery token forms carry.
    pub csrf: String,
    /// The current path (the language switch returns here).
    pub path: String,
    /// A message at the top.
    pub notice: Option<Notice>,
    /// The htmx file name.
    pub htmx: &'static str,
}

impl Layout {
    /// The layout of a page for a signed-in person.
    #[must_use]
    pub fn signed_in(
        t: Tr,
        session: &UiSession,
        community: &str,
        title: String,
        section: &'static str,
        path: &str,
    ) -> Self {
        let viewer = &session.viewer;
        Self {
            t,
            title,
            community: community.to_owned(),
            section,
            user: viewer.principal().map(|p| NavUser {
                name: p.display_name.clone(),
                org_name: p.org_name.clone(),
                coordinator: policy::can_coordinate(viewer),
                reads_audit: policy::can_read_audit(viewer, Some(p.org)),
                must_enrol: p.must_enrol_mfa,
                reads_directory: policy::can_read_member_directory(viewer),
            }),
            csrf: session.csrf.clone(),
            path: path.to_owned(),
            notice: None,
            htmx: HTMX,
        }
    }

    /// The layout of a page for someone not signed in.
    #[must_use]
    pub fn public(t: Tr, community: &str, title: String, path: &str) -> Self {
        Self {
            t,
            title,
            community: community.to_owned(),
            section: "",
            user: None,
            csrf: String::new(),
            path: path.to_owned(),
            notice: None,
            htmx: HTMX,
        }
    }

    /// Adds a message.
    #[must_use]
    pub fn notice(mut self, kind: &'static str, text: String) -> Self {
        self.notice = Some(Notice { kind, text });
        self
    }

    /// Adds the confirmation for a finished action named in the `done` query parameter (only known names).
    #[must_use]
    pub fn done(self, done: Option<&str>) -> Self {
        const KNOWN: &[&str] = &[
            "saved",
            "invited",
            "revoked",
            "role",
            "status",
            "password",
            "mfa-disabled",
            "created",
            "deleted",
            "member-added",
            "member-removed",
            "language",
        ];
        match done.filter(|d| KNOWN.contains(d)) {
            Some(d) => {
                let text = self.t.get(&format!("done-{d}"));
                self.notice("ok", text)
            }
            None => self,
        }
    }
}

/// Renders a template as a page with a status.
pub fn page(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => crate::error::AppError::internal(&e).into_response(),
    }
}

/// Renders a template as a 200 page.
pub fn ok(template: &impl Template) -> Response {
    page(StatusCode::OK, template)
}

/// The field-error message for `field`, if any (templates show it under the input).
#[derive(Clone, Debug, Default)]
pub struct Errors(pub ward_core::ValidationError);

impl Errors {
    /// The message for a field.
    #[must_use]
    pub fn of(&self, field: &str) -> String {
        self.0.message_for(field).unwrap_or_default().to_owned()
    }

    /// Whether a field has a problem.
    #[must_use]
    pub fn has(&self, field: &str) -> bool {
        self.0.message_for(field).is_some()
    }

    /// Whether there is any problem.
    #[must_use]
    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }
}

//! The server-rendered UI. Every page works without JavaScript; htmx (boosted links and forms) only makes it
//! smoother.

mod announcements;
mod applications;
mod audit;
mod community;
mod directory;
mod guard;
mod home;
mod invite;
mod join;
mod knowledge;
pub mod layout;
mod login;
mod marking;
mod org;
mod portal;
mod profile;
mod search;
mod view;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// The UI's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::page))
        .route("/login", get(login::form).post(login::submit))
        .route("/login/mfa", get(login::mfa_form).post(login::mfa_submit))
        .route("/logout", post(login::logout))
        .route("/language", post(login::set_language))
        .route("/invite/{secret}", get(invite::form).post(invite::accept))
        .route("/org", get(org::mine))
        .route("/organizations/{id}/invitations", post(org::invite))
        .route("/invitations/{id}/revoke", post(org::revoke_invitation))
        .route("/people/{id}/role", post(org::set_role))
        .route("/people/{id}/status", post(org::set_status))
        .route("/profile", get(profile::show).post(profile::update))
        .route("/profile/password", post(profile::password))
        .route(
            "/profile/mfa",
            get(profile::mfa_start).post(profile::mfa_confirm),
        )
        .route("/profile/mfa/disable", post(profile::disable_mfa))
        .route("/profile/mfa/recovery", post(profile::regenerate_recovery))
        .route("/profile/tokens", post(profile::create_token))
        .route("/profile/tokens/{id}/revoke", post(profile::revoke_token))
        .route(
            "/community/organizations",
            get(community::list_orgs).post(community::create_org),
        )
        .route(
            "/community/organizations/{id}",
            get(org::any).post(org::update),
        )
        .route(
            "/community/groups",
            get(community::list_groups).post(community::create_group),
        )
        .route(
            "/community/groups/{id}",
            get(community::show_group).post(community::update_group),
        )
        .route(
            "/community/groups/{id}/members",
            post(community::add_member),
        )
        .route(
            "/community/groups/{id}/members/{org}/remove",
            post(community::remove_member),
        )
        .route(
            "/community/settings",
            get(community::settings_page).post(community::save_settings),
        )
        .route(
            "/announcements",
            get(announcements::list).post(announcements::create),
        )
        .route("/announcements/new", get(announcements::new_form))
        .route(
            "/announcements/{id}",
            get(announcements::show).post(announcements::update),
        )
        .route("/announcements/{id}/edit", get(announcements::edit_form))
        .route("/announcements/{id}/delete", post(announcements::delete))
        .route("/knowledge", get(knowledge::list).post(knowledge::create))
        .route("/knowledge/new", get(knowledge::new_form))
        .route(
            "/knowledge/{id}",
            get(knowledge::show).post(knowledge::update),
        )
        .route("/knowledge/{id}/edit", get(knowledge::edit_form))
        .route("/knowledge/{id}/delete", post(knowledge::delete))
        .route("/knowledge/{id}/history", get(knowledge::history))
        .route("/knowledge/{id}/comments", post(knowledge::comment))
        .route(
            "/knowledge/{id}/comments/{comment}/delete",
            post(knowledge::delete_comment),
        )
        .route("/search", get(search::page_of))
        .route("/public", get(portal::page_of))
        .route("/public/items/{id}", get(portal::item))
        .route("/audit", get(audit::page))
        .route("/join", get(join::form).post(join::submit))
        .route("/join/status/{secret}", get(join::status))
        .route("/community/applications", get(applications::list))
        .route("/community/applications/{id}", get(applications::show))
        .route(
            "/community/applications/{id}/approve",
            post(applications::approve),
        )
        .route(
            "/community/applications/{id}/reject",
            post(applications::reject),
        )
        .route("/directory", get(directory::page_for_members))
        .route("/profile/directory", post(directory::set_listing))
}

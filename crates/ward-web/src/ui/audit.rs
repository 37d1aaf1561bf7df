//! The audit trail page: organization administrators see their organization's entries, the coordinator all.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;
use std::collections::BTreeMap;

use ward_core::audit::AuditView;
use ward_core::ids::{OrgId, PersonId};
use ward_core::page::PageRequest;
use ward_core::policy;
use ward_store::audit::{self, AuditScope};
use ward_store::{orgs, people};

use crate::auth::session::SignedIn;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::ui::layout::{Layout, ok};

struct Row {
    seq: i64,
    at: String,
    action: String,
    actor: String,
    org: String,
    target: String,
    ip: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    rows: Vec<Row>,
    next: Option<String>,
    all: bool,
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    cursor: Option<String>,
}

/// `GET /audit`.
pub async fn page(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Query(q): Query<AuditQuery>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let org = viewer.org_id().ok_or(AppError::NotFound)?;
    let scope = if policy::can_coordinate(viewer) {
        AuditScope::All
    } else if policy::can_read_audit(viewer, Some(org)) {
        AuditScope::Org(org)
    } else {
        return Err(AppError::Forbidden(
            "only administrators and the coordinator read the audit trail".into(),
        ));
    };
    let request = PageRequest::<i64>::parse(Some(50), q.cursor.as_deref())?;
    let mut tx = state.store().read().await?;
    let entries = audit::list(&mut tx, scope, &request).await?;
    let views: Vec<AuditView> = entries
        .items
        .iter()
        .map(|r| policy::audit_view(viewer, r))
        .collect();
    // Names instead of ids, for the people and organizations on this page.
    let mut people_names: BTreeMap<PersonId, String> = BTreeMap::new();
    let mut org_names: BTreeMap<OrgId, String> = BTreeMap::new();
    for v in &views {
        if let Some(p) = v.actor_person.filter(|p| !people_names.contains_key(p))
            && let Some(person) = people::get(&mut tx, p).await?
        {
            people_names.insert(p, format!("{} ({})", person.display_name, person.org_name));
        }
        if let Some(o) = v.org.filter(|o| !org_names.contains_key(o))
            && let Some(org) = orgs::get(&mut tx, o).await?
        {
            org_names.insert(o, org.name);
        }
    }
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    Ok(ok(&AuditPage {
        layout: Layout::signed_in(
            t,
            &session,
            &community,
            t.get("audit-title"),
            "audit",
            "/audit",
        ),
        all: matches!(scope, AuditScope::All),
        rows: views
            .iter()
            .map(|r| Row {
                seq: r.seq,
                at: t.datetime(&r.at),
                action: r.action.clone(),
                actor: match (&r.actor_person, &r.actor_system) {
                    (Some(p), _) => people_names
                        .get(p)
                        .cloned()
                        .unwrap_or_else(|| p.to_string()),
                    (None, Some(s)) => s.clone(),
                    (None, None) if r.redacted => t.get("audit-hidden"),
                    (None, None) => t.get("audit-anonymous"),
                },
                org: r
                    .org
                    .map(|o| org_names.get(&o).cloned().unwrap_or_else(|| o.to_string()))
                    .unwrap_or_default(),
                target: match (&r.target_kind, &r.target_id) {
                    (Some(k), Some(id)) => {
                        format!("{k} {}", id.chars().take(8).collect::<String>())
                    }
                    _ => String::new(),
                },
                ip: r.ip.clone().unwrap_or_default(),
                detail: if r.detail == "null" {
                    String::new()
                } else {
                    r.detail.chars().take(160).collect()
                },
            })
            .collect(),
        next: entries.next_cursor,
    }))
}

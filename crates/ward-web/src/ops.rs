//! Operations shared by the UI and the API: each checks the access policy, parses its input into typed values,
//! and writes in one audited transaction. The two surfaces only differ in how they read input and show results.

use serde::{Deserialize, Serialize};
use time::Duration;
use ward_core::ValidationError;
use ward_core::audit::actions;
use ward_core::auth::TokenScope;
use ward_core::email::Email;
use ward_core::error::collect;
use ward_core::ids::{GroupId, InvitationId, OrgId, PersonId, TokenId};
use ward_core::org::{Language, OrgKind, OrgRole, OrgStatus, PersonStatus, Region, SizeBand};
use ward_core::password::Password;
use ward_core::policy;
use ward_core::settings::CommunitySettings;
use ward_core::text::{Name, line};
use ward_core::tlp::Tlp;
use ward_core::viewer::{Principal, Viewer};
use ward_store::audit::AuditScope;
use ward_store::groups::SharingGroup;
use ward_store::invitations::Invitation;
use ward_store::jobs::JobCounts;
use ward_store::orgs::{NewOrganization, OrgChanges, Organization};
use ward_store::people::{NewPerson, Person};
use ward_store::sessions::IssuedSession;
use ward_store::tokens::ApiToken;
use ward_store::{AuditCtx, groups, invitations, orgs, people, sessions, settings, tokens};

use crate::auth::audit_ctx;
use crate::error::{AppError, AppResult};
use crate::net::RequestCtx;
use crate::state::AppState;

fn signed_in(viewer: &Viewer) -> AppResult<&Principal> {
    viewer
        .principal()
        .ok_or(AppError::Unauthorized("sign in first"))
}

const NOT_ADMIN: &str = "only the organization's administrators or the coordinator can do this";
const NOT_COORDINATOR: &str = "only the community coordinator can do this";

// ---------------------------------------------------------------------------------------------------------------
// Dashboard

/// The figures on the home page, each computed under the access policy.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Dashboard {
    /// Active member organizations.
    pub member_organizations: i64,
    /// Active supplier (guest) organizations.
    pub supplier_organizations: i64,
    /// Active people in the community.
    pub people: i64,
    /// Active people in the viewer's organization.
    pub my_org_people: i64,
    /// Items the viewer may read, by TLP label.
    pub readable_items: Vec<TlpCount>,
    /// Announcements the viewer may read.
    pub readable_announcements: i64,
    /// Open invitations of the viewer's organization (administrators only).
    pub open_invitations: Option<i64>,
    /// Audit entries in the last seven days the viewer may read (administrators and the coordinator).
    pub audit_entries_7d: Option<i64>,
    /// Background jobs (the coordinator).
    pub jobs: Option<JobCounts>,
    /// Sharing groups.
    pub sharing_groups: i64,
}

/// How many readable items carry a TLP label.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TlpCount {
    /// The label.
    pub tlp: Tlp,
    /// How many.
    pub count: i64,
}

/// Computes the dashboard for a viewer.
///
/// # Errors
/// On store errors.
pub async fn dashboard(state: &AppState, viewer: &Viewer) -> AppResult<Dashboard> {
    let mut tx = state.store().read().await?;
    let dashboard = dashboard_in(&mut tx, viewer).await?;
    tx.finish().await?;
    Ok(dashboard)
}

/// Computes the dashboard on a connection the caller holds (the overview page reads more on the same one).
///
/// # Errors
/// On store errors.
pub async fn dashboard_in(tx: &mut ward_store::Tx, viewer: &Viewer) -> AppResult<Dashboard> {
    let p = signed_in(viewer)?;
    let figures = ward_store::stats::overview(tx, viewer, p.org).await?;
    let week_ago = tx.now().minus(Duration::days(7));
    let audit_scope = if policy::can_coordinate(viewer) {
        Some(AuditScope::All)
    } else if policy::can_read_audit(viewer, Some(p.org)) {
        Some(AuditScope::Org(p.org))
    } else {
        None
    };
    let audit_entries_7d = match audit_scope {
        Some(scope) => Some(ward_store::audit::count_since(tx, scope, week_ago).await?),
        None => None,
    };
    let open_invitations = if policy::can_manage_org(viewer, p.org) {
        Some(invitations::count_open(tx, p.org).await?)
    } else {
        None
    };
    let jobs = if policy::can_coordinate(viewer) {
        Some(ward_store::jobs::counts(tx).await?)
    } else {
        None
    };
    let dashboard = Dashboard {
        member_organizations: figures.member_orgs,
        supplier_organizations: figures.supplier_orgs,
        people: figures.people,
        my_org_people: figures.org_people,
        readable_items: figures
            .by_tlp()
            .into_iter()
            .map(|(tlp, count)| TlpCount { tlp, count })
            .collect(),
        readable_announcements: figures.announcements,
        open_invitations,
        audit_entries_7d,
        jobs,
        sharing_groups: figures.groups,
    };
    Ok(dashboard)
}

// ---------------------------------------------------------------------------------------------------------------
// Organizations

/// An organization as submitted.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct OrgDraft {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Kind code (`general_hospital`, `supplier`, …).
    #[serde(default)]
    pub kind: String,
    /// Size code (`small`, `medium`, `large`, `very_large`).
    #[serde(default)]
    pub size_band: String,
    /// Region code (`brussels`, `flanders`, `wallonia`, `national`, `abroad`).
    #[serde(default)]
    pub region: String,
    /// Language codes (`en`, `nl`, `fr`, `de`).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Status code (`active`, `suspended`), for updates.
    #[serde(default)]
    pub status: Option<String>,
}

impl OrgDraft {
    /// Checks the fields of a new organization.
    ///
    /// # Errors
    /// Lists each bad field.
    pub fn parse(&self) -> Result<NewOrganization, ValidationError> {
        let mut errors = ValidationError::default();
        let name = collect(&mut errors, "name", Name::parse(&self.name));
        let kind = collect(&mut errors, "kind", self.kind.parse::<OrgKind>());
        let size_band = collect(&mut errors, "size_band", self.size_band.parse::<SizeBand>());
        let region = collect(&mut errors, "region", self.region.parse::<Region>());
        let languages = parse_languages(&mut errors, &self.languages);
        match (name, kind, size_band, region, languages) {
            (Some(name), Some(kind), Some(size_band), Some(region), Some(languages))
                if errors.is_empty() =>
            {
                Ok(NewOrganization {
                    name,
                    kind,
                    size_band,
                    region,
                    languages,
                })
            }
            _ => Err(errors),
        }
    }
}

fn parse_languages(errors: &mut ValidationError, codes: &[String]) -> Option<Vec<Language>> {
    let mut out = Vec::new();
    for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let lang = collect(errors, "languages", code.parse::<Language>())?;
        if !out.contains(&lang) {
            out.push(lang);
        }
    }
    if out.is_empty() {
        errors.push("languages", "choose at least one language");
        return None;
    }
    Some(out)
}

/// Creates a member or supplier organization (the coordinator).
///
/// # Errors
/// Forbidden for others; validation and name conflicts.
pub async fn create_org(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    draft: &OrgDraft,
) -> AppResult<Organization> {
    if !policy::can_coordinate(viewer) {
        return Err(AppError::Forbidden(NOT_COORDINATOR.into()));
    }
    let new = draft.parse()?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    let org = orgs::create(&mut tx, &new).await?;
    tx.commit().await?;
    Ok(org)
}

/// Changes an organization (the coordinator), including suspending it.
///
/// # Errors
/// Forbidden for others; validation, not found, name conflicts.
pub async fn update_org(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    id: OrgId,
    draft: &OrgDraft,
) -> AppResult<Organization> {
    if !policy::can_coordinate(viewer) {
        return Err(AppError::Forbidden(NOT_COORDINATOR.into()));
    }
    let new = draft.parse()?;
    let status = match &draft.status {
        Some(s) if !s.trim().is_empty() => Some(
            s.parse::<OrgStatus>()
                .map_err(|e| ValidationError::field("status", e.to_string()))?,
        ),
        _ => None,
    };
    if status == Some(OrgStatus::Suspended) && viewer.org_id() == Some(id) {
        return Err(AppError::Forbidden(
            "you cannot suspend your own organization".into(),
        ));
    }
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    let org = orgs::update(
        &mut tx,
        id,
        &OrgChanges {
            name: Some(new.name),
            kind: Some(new.kind),
            size_band: Some(new.size_band),
            region: Some(new.region),
            languages: Some(new.languages),
            status,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(org)
}

/// Whether the viewer may see an organization's details: any member sees every organization (the member
/// directory); a guest sees only their own.
#[must_use]
pub fn can_see_org(viewer: &Viewer, org: OrgId) -> bool {
    viewer.is_member() || viewer.org_id() == Some(org)
}

/// Whether the viewer may list an organization's people: its own people and the coordinator.
#[must_use]
pub fn can_see_people_of(viewer: &Viewer, org: OrgId) -> bool {
    viewer.org_id() == Some(org) || policy::can_coordinate(viewer)
}

// ---------------------------------------------------------------------------------------------------------------
// People and invitations

async fn managed_person(state: &AppState, viewer: &Viewer, id: PersonId) -> AppResult<Person> {
    let p = signed_in(viewer)?;
    let mut tx = state.store().read().await?;
    let person = people::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    tx.finish().await?;
    if !policy::can_manage_org(viewer, person.org_id) {
        return Err(if can_see_people_of(viewer, person.org_id) {
            AppError::Forbidden(NOT_ADMIN.into())
        } else {
            AppError::NotFound
        });
    }
    if person.id == p.person {
        return Err(AppError::Forbidden(
            "you cannot change your own role or status; ask another administrator".into(),
        ));
    }
    Ok(person)
}

/// Changes someone's role (their sessions end so the new rights apply at once).
///
/// # Errors
/// Forbidden unless administrator of their organization or coordinator.
pub async fn set_role(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    id: PersonId,
    role: &str,
) -> AppResult<Person> {
    let role = role
        .parse::<OrgRole>()
        .map_err(|e| ValidationError::field("role", e.to_string()))?;
    let person = managed_person(state, viewer, id).await?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    if person.role != role {
        people::set_role(&mut tx, person.id, role).await?;
    } else {
        tx.record(
            actions::PERSON_ROLE_CHANGED,
            Some(person.org_id),
            Some(("person", person.id.to_string())),
            serde_json::json!({"role": role, "unchanged": true}),
        );
    }
    let updated = people::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(updated)
}

/// Disables or re-enables someone.
///
/// # Errors
/// Forbidden unless administrator of their organization or coordinator.
pub async fn set_status(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    id: PersonId,
    status: &str,
) -> AppResult<Person> {
    let status = status
        .parse::<PersonStatus>()
        .map_err(|e| ValidationError::field("status", e.to_string()))?;
    let person = managed_person(state, viewer, id).await?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    people::set_status(&mut tx, person.id, status).await?;
    let updated = people::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(updated)
}

/// An invitation as requested.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct InvitationDraft {
    /// The address it is meant for (optional; the link works for whoever receives it).
    #[serde(default)]
    pub email: Option<String>,
    /// The role the invitee gets: `org_admin`, `security_officer`, `contributor` or `reader`.
    #[serde(default)]
    pub role: String,
}

/// A new invitation and the link to pass on (shown once).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct IssuedInvitation {
    /// The invitation.
    pub invitation: Invitation,
    /// The link that lets the invitee create their account; it cannot be shown again.
    pub link: String,
}

/// Creates an invitation to an organization.
///
/// # Errors
/// Forbidden unless administrator of that organization or coordinator; validation.
pub async fn invite(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    org: OrgId,
    draft: &InvitationDraft,
) -> AppResult<IssuedInvitation> {
    let p = signed_in(viewer)?;
    if !policy::can_manage_org(viewer, org) {
        return Err(AppError::Forbidden(NOT_ADMIN.into()));
    }
    let mut errors = ValidationError::default();
    let role = collect(&mut errors, "role", draft.role.parse::<OrgRole>());
    let email = match draft
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        Some(e) => collect(&mut errors, "email", e.parse::<Email>()),
        None => None,
    };
    errors.clone().into_result()?;
    let role = role.ok_or(AppError::Invalid(errors))?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    orgs::get(&mut tx, org).await?.ok_or(AppError::NotFound)?;
    if let Some(e) = &email
        && people::find_by_email(&mut tx, e).await?.is_some()
    {
        return Err(ValidationError::field(
            "email",
            "someone with this address already has an account",
        )
        .into());
    }
    let community = settings::get(&mut tx).await?;
    let expires = tx
        .now()
        .plus(Duration::days(i64::from(community.invitation_valid_days)));
    let (invitation, secret) =
        invitations::create(&mut tx, org, email.as_ref(), role, Some(p.person), expires).await?;
    tx.commit().await?;
    Ok(IssuedInvitation {
        link: format!("{}/invite/{secret}", req.origin),
        invitation,
    })
}

/// Revokes an open invitation.
///
/// # Errors
/// Forbidden unless administrator of that organization or coordinator.
pub async fn revoke_invitation(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    id: InvitationId,
) -> AppResult<()> {
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    let invitation = invitations::get(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !policy::can_manage_org(viewer, invitation.org_id) {
        return Err(AppError::NotFound);
    }
    invitations::revoke(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// What someone fills in to accept an invitation.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AcceptDraft {
    /// Their name.
    #[serde(default)]
    pub display_name: String,
    /// Their address (pre-filled when the invitation named one).
    #[serde(default)]
    pub email: String,
    /// A new password.
    #[serde(default)]
    pub password: String,
    /// The password again.
    #[serde(default)]
    pub password_confirm: String,
    /// Interface language.
    #[serde(default)]
    pub language: String,
}

/// The open invitation for a link secret.
///
/// # Errors
/// [`AppError::NotFound`] when the link is unknown, used, revoked or expired.
pub async fn open_invitation(state: &AppState, secret: &str) -> AppResult<Invitation> {
    if !secret.starts_with(invitations::INVITATION_PREFIX) || secret.len() > 128 {
        return Err(AppError::NotFound);
    }
    let mut tx = state.store().read().await?;
    let invitation = invitations::find(&mut tx, secret).await?;
    let now = tx.now();
    tx.finish().await?;
    invitation
        .filter(|i| i.is_open(now))
        .ok_or(AppError::NotFound)
}

/// Accepts an invitation: creates the account, uses up the link, and signs the person in.
///
/// # Errors
/// Not found for a dead link; validation of name, address and password.
pub async fn accept_invitation(
    state: &AppState,
    req: &RequestCtx,
    user_agent: Option<&str>,
    secret: &str,
    draft: &AcceptDraft,
) -> AppResult<IssuedSession> {
    let invitation = open_invitation(state, secret).await?;
    let mut errors = ValidationError::default();
    let name = collect(
        &mut errors,
        "display_name",
        Name::parse(&draft.display_name),
    );
    let email = match &invitation.email {
        Some(e) => Some(e.clone()),
        None => collect(&mut errors, "email", draft.email.parse::<Email>()),
    };
    let language = collect(&mut errors, "language", draft.language.parse::<Language>());
    if draft.password != draft.password_confirm {
        errors.push("password_confirm", "the two passwords differ");
    }
    let personal: Vec<&str> = [
        draft.display_name.as_str(),
        draft.email.as_str(),
        invitation.org_name.as_str(),
    ]
    .to_vec();
    let password = collect(
        &mut errors,
        "password",
        Password::new(&draft.password, &personal),
    );
    errors.clone().into_result()?;
    let (Some(name), Some(email), Some(language), Some(password)) =
        (name, email, language, password)
    else {
        return Err(AppError::Invalid(errors));
    };
    let hash = tokio::task::spawn_blocking(move || ward_core::password::hash(&password))
        .await
        .map_err(|e| AppError::internal(&e))?
        .map_err(|e| AppError::internal(&e))?;
    let mut tx = state
        .store()
        .write(AuditCtx {
            actor: ward_core::audit::Actor::Anonymous,
            ip: req.ip.clone(),
        })
        .await?;
    let person = people::create(
        &mut tx,
        &NewPerson {
            org: invitation.org_id,
            email,
            display_name: name,
            role: invitation.role,
            coordinator: false,
            language,
            password_hash: Some(hash),
        },
    )
    .await
    .map_err(|e| match e {
        ward_store::StoreError::Conflict(m) => {
            AppError::Invalid(ValidationError::field("email", m))
        }
        other => other.into(),
    })?;
    invitations::accept(&mut tx, invitation.id, person.id)
        .await
        .map_err(|e| match e {
            ward_store::StoreError::Stale => AppError::NotFound,
            other => other.into(),
        })?;
    let issued = sessions::create(&mut tx, person.id, true, req.ip.as_deref(), user_agent).await?;
    people::touch_login(&mut tx, person.id).await?;
    tx.commit().await?;
    Ok(issued)
}

// ---------------------------------------------------------------------------------------------------------------
// Profile and tokens

/// Profile changes.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct ProfileDraft {
    /// New shown name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// New interface language (`en`, `nl`, `fr`).
    #[serde(default)]
    pub language: Option<String>,
}

/// Changes the viewer's own name or language.
///
/// # Errors
/// Validation.
pub async fn update_profile(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    draft: &ProfileDraft,
) -> AppResult<Person> {
    let p = signed_in(viewer)?;
    let mut errors = ValidationError::default();
    let name = match draft.display_name.as_deref() {
        Some(n) => collect(&mut errors, "display_name", Name::parse(n)),
        None => None,
    };
    let language = match draft.language.as_deref() {
        Some(l) => collect(&mut errors, "language", l.parse::<Language>()).and_then(|l| {
            if l.is_interface_language() {
                Some(l)
            } else {
                errors.push(
                    "language",
                    "the interface is available in English, Dutch and French",
                );
                None
            }
        }),
        None => None,
    };
    errors.into_result()?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    people::set_profile(&mut tx, p.person, name.as_ref(), language).await?;
    let person = people::get(&mut tx, p.person)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(person)
}

/// A password change.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct PasswordDraft {
    /// The current password.
    #[serde(default)]
    pub current_password: String,
    /// The new password.
    #[serde(default)]
    pub new_password: String,
    /// The new password again.
    #[serde(default)]
    pub new_password_confirm: String,
}

/// Changes the viewer's password; every other session of theirs ends.
///
/// # Errors
/// Validation (wrong current password, weak new one).
pub async fn change_password(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    keep_session: Option<&ward_core::secret::SecretHash>,
    draft: &PasswordDraft,
) -> AppResult<()> {
    let p = signed_in(viewer)?;
    let mut errors = ValidationError::default();
    if draft.new_password != draft.new_password_confirm {
        errors.push("new_password_confirm", "the two passwords differ");
    }
    let personal = [
        p.email.as_str(),
        p.display_name.as_str(),
        p.org_name.as_str(),
    ];
    let new = collect(
        &mut errors,
        "new_password",
        Password::new(&draft.new_password, &personal),
    );
    match crate::auth::login::recheck_password(state, req, viewer, &draft.current_password).await {
        Ok(()) => {}
        Err(AppError::Invalid(e)) => errors.errors.extend(e.errors),
        Err(other) => return Err(other),
    }
    errors.clone().into_result()?;
    let new = new.ok_or(AppError::Invalid(errors))?;
    let hash = tokio::task::spawn_blocking(move || ward_core::password::hash(&new))
        .await
        .map_err(|e| AppError::internal(&e))?
        .map_err(|e| AppError::internal(&e))?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    people::set_password(
        &mut tx,
        p.person,
        &hash,
        keep_session,
        actions::PASSWORD_CHANGED,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A token as requested.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct TokenDraft {
    /// A name to recognise it by.
    #[serde(default)]
    pub name: String,
    /// `read` or `write`.
    #[serde(default)]
    pub scope: String,
    /// Days until it expires; absent or 0 for no expiry.
    #[serde(default)]
    pub expires_days: Option<u32>,
}

/// A new token with its secret (shown once).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct IssuedToken {
    /// The token.
    pub token: ApiToken,
    /// The secret to put in `Authorization: Bearer …`; it cannot be shown again.
    pub secret: String,
}

/// Creates an API token for the viewer.
///
/// # Errors
/// Validation.
pub async fn create_token(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    draft: &TokenDraft,
) -> AppResult<IssuedToken> {
    let p = signed_in(viewer)?;
    if p.must_enrol_mfa {
        return Err(AppError::MfaEnrolmentRequired);
    }
    let mut errors = ValidationError::default();
    let name = collect(&mut errors, "name", line(&draft.name, 1, 80));
    let scope = collect(&mut errors, "scope", draft.scope.parse::<TokenScope>());
    if draft.expires_days.is_some_and(|d| d > 730) {
        errors.push("expires_days", "choose at most 730 days");
    }
    errors.clone().into_result()?;
    let (Some(name), Some(scope)) = (name, scope) else {
        return Err(AppError::Invalid(errors));
    };
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    let expires = draft
        .expires_days
        .filter(|d| *d > 0)
        .map(|d| tx.now().plus(Duration::days(i64::from(d))));
    let (token, secret) = tokens::create(&mut tx, p.person, p.org, &name, scope, expires).await?;
    tx.commit().await?;
    Ok(IssuedToken { token, secret })
}

/// Revokes one of the viewer's tokens (the coordinator may revoke anyone's).
///
/// # Errors
/// Not found when it is not theirs.
pub async fn revoke_token(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    id: TokenId,
) -> AppResult<()> {
    let p = signed_in(viewer)?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    let token = tokens::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if token.person_id != p.person && !policy::can_coordinate(viewer) {
        return Err(AppError::NotFound);
    }
    let owner = people::get(&mut tx, token.person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    tokens::revoke(&mut tx, id, owner.org_id).await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------------
// Sharing groups and settings

/// A sharing group as submitted.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct GroupDraft {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// What it is for.
    #[serde(default)]
    pub description: String,
}

fn parse_group(draft: &GroupDraft) -> Result<(Name, String), ValidationError> {
    let mut errors = ValidationError::default();
    let name = collect(&mut errors, "name", Name::parse(&draft.name));
    let description = collect(&mut errors, "description", line(&draft.description, 0, 500));
    errors.clone().into_result()?;
    match (name, description) {
        (Some(n), Some(d)) => Ok((n, d)),
        _ => Err(errors),
    }
}

/// Creates a sharing group (the coordinator).
///
/// # Errors
/// Forbidden for others; validation and name conflicts.
pub async fn create_group(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    draft: &GroupDraft,
) -> AppResult<SharingGroup> {
    if !policy::can_coordinate(viewer) {
        return Err(AppError::Forbidden(NOT_COORDINATOR.into()));
    }
    let (name, description) = parse_group(draft)?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    let group = groups::create(&mut tx, &name, &description).await?;
    tx.commit().await?;
    Ok(group)
}

/// Renames or re-describes a sharing group (the coordinator).
///
/// # Errors
/// Forbidden for others; validation, not found and name conflicts.
pub async fn update_group(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    id: GroupId,
    draft: &GroupDraft,
) -> AppResult<SharingGroup> {
    if !policy::can_coordinate(viewer) {
        return Err(AppError::Forbidden(NOT_COORDINATOR.into()));
    }
    let (name, description) = parse_group(draft)?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    let group = groups::update(&mut tx, id, &name, &description).await?;
    tx.commit().await?;
    Ok(group)
}

/// Adds an organization to, or removes it from, a sharing group (the coordinator).
///
/// # Errors
/// Forbidden for others; not found; guests cannot join.
pub async fn set_group_member(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    group: GroupId,
    org: OrgId,
    member: bool,
) -> AppResult<()> {
    if !policy::can_coordinate(viewer) {
        return Err(AppError::Forbidden(NOT_COORDINATOR.into()));
    }
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    if member {
        groups::add_member(&mut tx, group, org).await?;
    } else {
        groups::remove_member(&mut tx, group, org).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Replaces the community settings (the coordinator).
///
/// # Errors
/// Forbidden for others; validation.
pub async fn update_settings(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    new: &CommunitySettings,
) -> AppResult<CommunitySettings> {
    if !policy::can_coordinate(viewer) {
        return Err(AppError::Forbidden(NOT_COORDINATOR.into()));
    }
    new.validate()?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    settings::put(&mut tx, new).await?;
    tx.commit().await?;
    state.forget_settings();
    Ok(new.clone())
}

/// Ends the viewer's session.
///
/// # Errors
/// On store errors.
pub async fn logout(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    hash: &ward_core::secret::SecretHash,
) -> AppResult<()> {
    let p = signed_in(viewer)?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    sessions::delete(&mut tx, hash).await?;
    tx.record(
        actions::LOGOUT,
        Some(p.org),
        Some(("person", p.person.to_string())),
        serde_json::Value::Null,
    );
    tx.commit().await?;
    Ok(())
}

/// Puts reads of TLP:AMBER, AMBER+STRICT and RED items on record (one audited write, only when any was read).
///
/// # Errors
/// On store errors.
pub async fn record_reads<'a>(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    read: impl IntoIterator<Item = &'a ward_core::item::Item> + Clone,
) -> AppResult<()> {
    if read
        .clone()
        .into_iter()
        .any(ward_store::items::read_is_recorded)
    {
        let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
        ward_store::items::record_reads(&mut tx, read);
        tx.commit().await?;
    }
    Ok(())
}

/// Checks the viewer's password again before a credential changes through the API: a leaked token alone must not
/// be enough to mint more tokens or take over the second factor.
///
/// # Errors
/// [`AppError::Invalid`] on `current_password` when it is wrong.
pub async fn reauthenticate(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    password: &str,
) -> AppResult<()> {
    crate::auth::login::recheck_password(state, req, viewer, password).await
}

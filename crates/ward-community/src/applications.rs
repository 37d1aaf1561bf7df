//! Membership applications: an institution that is not a member yet applies on the public join page; the
//! coordinator approves it (the organization is created and its first administrator invited) or rejects it with a
//! reason. The applicant follows the outcome through a status link whose secret only they hold.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use time::Duration;
use ward_core::ValidationError;
use ward_core::email::Email;
use ward_core::error::collect;
use ward_core::ids::{ApplicationId, InvitationId, OrgId, PersonId};
use ward_core::membership::{ApplicationStatus, may_apply};
use ward_core::org::{Language, OrgKind, OrgRole, Region, SizeBand};
use ward_core::page::{Cursor, Page, PageRequest};
use ward_core::policy;
use ward_core::sealed::{SealKey, Sealed};
use ward_core::secret::{SecretHash, new_secret};
use ward_core::text::{Name, line, multiline};
use ward_core::time::Timestamp;
use ward_core::viewer::Viewer;
use ward_store::invitations::{self, INVITATION_PREFIX, Invitation};
use ward_store::orgs::{self, LanguageList, NewOrganization, Organization};
use ward_store::throttle::ThrottleRule;
use ward_store::{OpError, StoreError, Tx, WriteTx, on_engine, people};

/// Audit action names of this module.
pub mod actions {
    /// An institution applied to join.
    pub const SUBMITTED: &str = "application.submitted";
    /// The coordinator approved an application.
    pub const APPROVED: &str = "application.approved";
    /// The coordinator rejected an application.
    pub const REJECTED: &str = "application.rejected";
}

/// The prefix of status-link secrets.
pub const STATUS_PREFIX: &str = "ward_app_";
/// The longest motivation.
pub const MAX_MOTIVATION: usize = 4_000;
/// The longest rejection reason.
pub const MAX_REASON: usize = 2_000;

/// Submissions per client address: five in an hour, then the address waits an hour. Enough for an institution that
/// corrects a mistake; too few to flood the coordinator's review list.
pub const SUBMISSION_RULE: ThrottleRule = ThrottleRule {
    max_failures: 5,
    window: Duration::hours(1),
    lockout: Duration::hours(1),
};

/// The message when the institution is a member already.
pub const ALREADY_MEMBER: &str =
    "an organization with this name is already a member; ask its administrator for an invitation";
/// The message when the institution has an application under review.
pub const ALREADY_PENDING: &str = "an application for an organization with this name is already waiting for review; use the status link you received";
/// The message when the coordinator decides an application twice.
pub const ALREADY_DECIDED: &str = "this application was already decided";
/// The message when someone other than the coordinator tries to decide.
pub const NOT_COORDINATOR: &str = "only the community coordinator can decide applications";

/// An application as submitted, before checking: the text every field arrived as.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct ApplicationDraft {
    /// The institution's name, 1–120 characters.
    #[serde(default)]
    pub name: String,
    /// Kind of institution: `university_hospital`, `general_hospital`, `psychiatric_hospital`, `care_group`,
    /// `laboratory`, `residential_care` or `partner`.
    #[serde(default)]
    pub kind: String,
    /// Size by staff: `small`, `medium`, `large` or `very_large`.
    #[serde(default)]
    pub size_band: String,
    /// Region: `brussels`, `flanders`, `wallonia`, `national` or `abroad`.
    #[serde(default)]
    pub region: String,
    /// Working languages: `en`, `nl`, `fr`, `de` (at least one).
    #[serde(default)]
    pub languages: Vec<String>,
    /// The contact person's name.
    #[serde(default)]
    pub contact_name: String,
    /// The contact person's e-mail address; they become the organization's first administrator.
    #[serde(default)]
    pub contact_email: String,
    /// The contact person's role or function, e.g. CISO.
    #[serde(default)]
    pub contact_role: String,
    /// Why the institution wants to join, up to 4,000 characters.
    #[serde(default)]
    pub motivation: String,
}

/// The person an application names as contact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// Name.
    pub name: Name,
    /// E-mail address.
    pub email: Email,
    /// Role or function.
    pub role: String,
}

/// A checked application.
#[derive(Clone, Debug)]
pub struct ApplicationInput {
    /// The organization to create on approval.
    pub org: NewOrganization,
    /// The contact person.
    pub contact: Contact,
    /// Why the institution wants to join.
    pub motivation: String,
}

impl ApplicationDraft {
    /// Checks every field, reporting all problems at once.
    ///
    /// # Errors
    /// Lists each field that is not acceptable.
    pub fn parse(&self) -> Result<ApplicationInput, ValidationError> {
        let mut errors = ValidationError::default();
        let name = collect(&mut errors, "name", Name::parse(&self.name));
        let kind = collect(&mut errors, "kind", self.kind.parse::<OrgKind>()).and_then(|k| {
            if may_apply(k) {
                Some(k)
            } else {
                errors.push(
                    "kind",
                    "choose the kind of care institution; suppliers and the coordinator do not apply here",
                );
                None
            }
        });
        let size_band = collect(&mut errors, "size_band", self.size_band.parse::<SizeBand>());
        let region = collect(&mut errors, "region", self.region.parse::<Region>());
        let languages = parse_languages(&mut errors, &self.languages);
        let contact_name = collect(&mut errors, "contact_name", Name::parse(&self.contact_name));
        let contact_email = collect(
            &mut errors,
            "contact_email",
            self.contact_email.parse::<Email>(),
        );
        let contact_role = collect(
            &mut errors,
            "contact_role",
            line(&self.contact_role, 1, 120),
        );
        let motivation = collect(
            &mut errors,
            "motivation",
            multiline(&self.motivation, 1, MAX_MOTIVATION),
        );
        match (
            name,
            kind,
            size_band,
            region,
            languages,
            contact_name,
            contact_email,
            contact_role,
            motivation,
        ) {
            (
                Some(name),
                Some(kind),
                Some(size_band),
                Some(region),
                Some(languages),
                Some(contact_name),
                Some(contact_email),
                Some(contact_role),
                Some(motivation),
            ) if errors.is_empty() => Ok(ApplicationInput {
                org: NewOrganization {
                    name,
                    kind,
                    size_band,
                    region,
                    languages,
                },
                contact: Contact {
                    name: contact_name,
                    email: contact_email,
                    role: contact_role,
                },
                motivation,
            }),
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

/// An application as the coordinator reviews it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct Application {
    /// Id.
    pub id: ApplicationId,
    /// The institution's name.
    pub org_name: String,
    /// Kind of institution.
    pub kind: OrgKind,
    /// Size by staff.
    pub size_band: SizeBand,
    /// Region.
    pub region: Region,
    /// Working languages.
    #[sqlx(try_from = "String")]
    pub languages: LanguageList,
    /// The contact person's name.
    pub contact_name: String,
    /// The contact person's e-mail address.
    pub contact_email: Email,
    /// The contact person's role or function.
    pub contact_role: String,
    /// Why the institution wants to join.
    pub motivation: String,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// When it was submitted.
    pub submitted_at: Timestamp,
    /// When it was decided.
    pub decided_at: Option<Timestamp>,
    /// Who decided.
    pub decided_by: Option<PersonId>,
    /// Why it was rejected.
    pub rejection_reason: Option<String>,
    /// The organization created on approval.
    pub org_id: Option<OrgId>,
    /// The invitation of the first administrator, created on approval.
    pub invitation_id: Option<InvitationId>,
}

const COLUMNS: &str = "id, org_name, kind, size_band, region, languages, contact_name, contact_email, contact_role, \
                       motivation, status, submitted_at, decided_at, decided_by, rejection_reason, org_id, invitation_id";

/// A submitted application and the secret of its status link (shown once; only its hash is stored).
#[derive(Debug)]
pub struct Submitted {
    /// The application.
    pub id: ApplicationId,
    /// The secret of `/join/status/{secret}`.
    pub status_secret: String,
}

fn random_failure(e: ward_core::secret::RandomUnavailable) -> OpError {
    OpError::Store(StoreError::Config(e.to_string()))
}

async fn name_is_member(tx: &mut Tx, name: &str) -> Result<bool, OpError> {
    let n: i64 = on_engine!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM organizations WHERE lower(name) = lower($1)"
    )
    .bind(name)
    .fetch_one(c)
    .await?);
    Ok(n > 0)
}

/// Records an application from the public join page (the transaction's actor is the anonymous applicant).
///
/// # Errors
/// [`OpError::Conflict`] when the institution is a member already or has an application under review.
pub async fn submit(tx: &mut WriteTx, input: &ApplicationInput) -> Result<Submitted, OpError> {
    let name = input.org.name.as_str();
    if name_is_member(tx, name).await? {
        return Err(OpError::Conflict(ALREADY_MEMBER));
    }
    let pending: i64 = on_engine!(tx, |c| {
        sqlx::query_scalar(
        "SELECT COUNT(*) FROM applications WHERE lower(org_name) = lower($1) AND status = 'received'"
    )
    .bind(name)
    .fetch_one(c)
    .await?
    });
    if pending > 0 {
        return Err(OpError::Conflict(ALREADY_PENDING));
    }
    let secret = new_secret(STATUS_PREFIX).map_err(random_failure)?;
    let id = ApplicationId::new();
    let now = tx.now();
    let languages = input
        .org
        .languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(",");
    on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO applications (id, org_name, kind, size_band, region, languages, contact_name, contact_email, \
         contact_role, motivation, status, status_hash, seal_key, submitted_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'received', $11, $12, $13)"
    )
    .bind(id)
    .bind(name)
    .bind(input.org.kind)
    .bind(input.org.size_band)
    .bind(input.org.region)
    .bind(&languages)
    .bind(input.contact.name.as_str())
    .bind(&input.contact.email)
    .bind(&input.contact.role)
    .bind(&input.motivation)
    .bind(SecretHash::of(&secret))
    .bind(SealKey::of(&secret).to_hex())
    .bind(now)
    .execute(c)
    .await
    .map_err(|e| match StoreError::Database(e) {
        // Another submission for the same name won the race.
        e if e.is_unique_violation() => OpError::Conflict(ALREADY_PENDING),
        e => OpError::Store(e),
    })?
    .rows_affected()
    });
    tx.record(
        actions::SUBMITTED,
        None,
        Some(("application", id.to_string())),
        serde_json::json!({"org_name": name, "kind": input.org.kind}),
    );
    Ok(Submitted {
        id,
        status_secret: secret,
    })
}

/// One application, for the coordinator.
///
/// # Errors
/// [`OpError::Forbidden`] for anyone but the coordinator; store errors.
pub async fn get(
    tx: &mut Tx,
    viewer: &Viewer,
    id: ApplicationId,
) -> Result<Option<Application>, OpError> {
    coordinator(viewer)?;
    fetch(tx, id).await
}

/// One application, for callers that checked the coordinator already.
async fn fetch(tx: &mut Tx, id: ApplicationId) -> Result<Option<Application>, OpError> {
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("SELECT {COLUMNS} FROM applications WHERE id = $1")
    ))
    .bind(id)
    .fetch_optional(c)
    .await?))
}

/// Which applications a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Every application.
    All,
    /// Those with one status.
    Status(ApplicationStatus),
    /// Those already approved or rejected.
    Decided,
}

impl Filter {
    fn code(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Status(s) => s.code(),
            Self::Decided => "decided",
        }
    }
}

/// Applications newest first, a page at a time, for the coordinator.
///
/// # Errors
/// [`OpError::Forbidden`] for anyone but the coordinator; store errors.
pub async fn list(
    tx: &mut Tx,
    viewer: &Viewer,
    filter: Filter,
    page: &PageRequest<Timestamp>,
) -> Result<Page<Application>, OpError> {
    coordinator(viewer)?;
    let (after_at, after_id) = page.after.as_ref().map_or((None, None), |c| {
        (Some(c.key), Some(ApplicationId::from_uuid(c.id)))
    });
    let rows: Vec<Application> = on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM applications \
             WHERE ($1 = 'all' OR ($1 = 'decided' AND status <> 'received') OR status = $1) \
             AND ($2 IS NULL OR (submitted_at, id) < ($2, $3)) \
             ORDER BY submitted_at DESC, id DESC LIMIT $4"
    )))
    .bind(filter.code())
    .bind(after_at)
    .bind(after_id)
    .bind(page.fetch_limit())
    .fetch_all(c)
    .await?);
    Ok(Page::from_rows(rows, page.limit, |a| Cursor {
        key: a.submitted_at,
        id: a.id.as_uuid(),
    }))
}

/// How many applications there are in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ApplicationCounts {
    /// Waiting for a decision.
    pub received: i64,
    /// Approved.
    pub approved: i64,
    /// Rejected.
    pub rejected: i64,
}

/// Counts the applications by status, for the coordinator.
///
/// # Errors
/// [`OpError::Forbidden`] for anyone but the coordinator; store errors.
pub async fn counts(tx: &mut Tx, viewer: &Viewer) -> Result<ApplicationCounts, OpError> {
    coordinator(viewer)?;
    let rows: Vec<(ApplicationStatus, i64)> = on_engine!(tx, |c| sqlx::query_as(
        "SELECT status, COUNT(*) FROM applications GROUP BY status"
    )
    .fetch_all(c)
    .await?);
    let mut counts = ApplicationCounts::default();
    for (status, n) in rows {
        match status {
            ApplicationStatus::Received => counts.received = n,
            ApplicationStatus::Approved => counts.approved = n,
            ApplicationStatus::Rejected => counts.rejected = n,
        }
    }
    Ok(counts)
}

/// What approving created: the organization and the first administrator's invitation with its link secret.
#[derive(Debug)]
pub struct Approval {
    /// The application as decided.
    pub application: Application,
    /// The new organization.
    pub organization: Organization,
    /// The invitation of its first administrator.
    pub invitation: Invitation,
    /// The invitation link's secret (shown to the coordinator once, and to the applicant on the status page).
    pub invitation_secret: String,
}

/// Claims an undecided application for a decision; tells a decided one apart from a missing one.
async fn claim(
    tx: &mut WriteTx,
    id: ApplicationId,
    decided_by: PersonId,
    status: ApplicationStatus,
    reason: Option<&str>,
) -> Result<(), OpError> {
    let now = tx.now();
    let claimed = on_engine!(tx, |c| {
        sqlx::query(
        "UPDATE applications SET status = $2, decided_at = $3, decided_by = $4, rejection_reason = $5 \
         WHERE id = $1 AND status = 'received'"
    )
    .bind(id)
    .bind(status)
    .bind(now)
    .bind(decided_by)
    .bind(reason)
    .execute(c)
    .await?
    .rows_affected()
    });
    if claimed == 1 {
        return Ok(());
    }
    match fetch(tx, id).await? {
        Some(_) => Err(OpError::Conflict(ALREADY_DECIDED)),
        None => Err(OpError::NotFound),
    }
}

fn coordinator(viewer: &Viewer) -> Result<PersonId, OpError> {
    viewer
        .principal()
        .filter(|_| policy::can_coordinate(viewer))
        .map(|p| p.person)
        .ok_or(OpError::Forbidden(NOT_COORDINATOR))
}

/// Approves an application: creates the organization with the applied details and an invitation for its first
/// administrator (valid until `invitation_expires_at`), sealed so the applicant's status page can show it.
///
/// # Errors
/// [`OpError::Forbidden`] for anyone but the coordinator; [`OpError::NotFound`]; [`OpError::Conflict`] when it was
/// decided already or the name was taken meanwhile.
pub async fn approve(
    tx: &mut WriteTx,
    viewer: &Viewer,
    id: ApplicationId,
    invitation_expires_at: Timestamp,
) -> Result<Approval, OpError> {
    let by = coordinator(viewer)?;
    claim(tx, id, by, ApplicationStatus::Approved, None).await?;
    let applied = fetch(tx, id).await?.ok_or(OpError::NotFound)?;
    let organization = orgs::create(
        tx,
        &NewOrganization {
            name: Name::parse(&applied.org_name).map_err(|e| StoreError::Corrupt(e.to_string()))?,
            kind: applied.kind,
            size_band: applied.size_band,
            region: applied.region,
            languages: applied.languages.0.clone(),
        },
    )
    .await?;
    // The invitation names the reviewed contact, unless that address has an account already (then whoever holds
    // the link chooses the address).
    let email = match people::find_by_email(tx, &applied.contact_email).await? {
        Some(_) => None,
        None => Some(applied.contact_email.clone()),
    };
    let (invitation, invitation_secret) = invitations::create(
        tx,
        organization.id,
        email.as_ref(),
        OrgRole::Admin,
        Some(by),
        invitation_expires_at,
    )
    .await?;
    let sealed = seal_invitation(tx, id, &invitation_secret).await?;
    on_engine!(tx, |c| {
        sqlx::query(
        "UPDATE applications SET org_id = $2, invitation_id = $3, sealed_invitation = $4 WHERE id = $1"
    )
    .bind(id)
    .bind(organization.id)
    .bind(invitation.id)
    .bind(sealed.to_hex())
    .execute(c)
    .await?
    .rows_affected()
    });
    tx.record(
        actions::APPROVED,
        Some(organization.id),
        Some(("application", id.to_string())),
        serde_json::json!({"org_name": organization.name, "invitation": invitation.id}),
    );
    let application = fetch(tx, id).await?.ok_or(OpError::NotFound)?;
    Ok(Approval {
        application,
        organization,
        invitation,
        invitation_secret,
    })
}

/// Seals the random part of an invitation secret to the application's status-link key.
async fn seal_invitation(
    tx: &mut WriteTx,
    id: ApplicationId,
    invitation_secret: &str,
) -> Result<Sealed, OpError> {
    let key: Option<String> = on_engine!(tx, |c| sqlx::query_scalar(
        "SELECT seal_key FROM applications WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(c)
    .await?);
    let corrupt = |what: &str| OpError::Store(StoreError::Corrupt(what.to_owned()));
    let key = key
        .as_deref()
        .and_then(SealKey::from_hex)
        .ok_or_else(|| corrupt("application seal key"))?;
    let random: [u8; 32] = invitation_secret
        .strip_prefix(INVITATION_PREFIX)
        .and_then(|b| URL_SAFE_NO_PAD.decode(b).ok())
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| corrupt("invitation secret"))?;
    Sealed::seal(&random, &key).map_err(random_failure)
}

/// Rejects an application with a reason the applicant reads on their status page.
///
/// # Errors
/// [`OpError::Forbidden`] for anyone but the coordinator; [`OpError::Invalid`] without a reason;
/// [`OpError::NotFound`]; [`OpError::Conflict`] when it was decided already.
pub async fn reject(
    tx: &mut WriteTx,
    viewer: &Viewer,
    id: ApplicationId,
    reason: &str,
) -> Result<Application, OpError> {
    let by = coordinator(viewer)?;
    let reason = multiline(reason, 1, MAX_REASON)
        .map_err(|e| ValidationError::field("reason", e.to_string()))?;
    claim(tx, id, by, ApplicationStatus::Rejected, Some(&reason)).await?;
    let application = fetch(tx, id).await?.ok_or(OpError::NotFound)?;
    tx.record(
        actions::REJECTED,
        None,
        Some(("application", id.to_string())),
        serde_json::json!({"org_name": application.org_name}),
    );
    Ok(application)
}

/// Where the first administrator's invitation stands, as the applicant sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvitationState {
    /// Open: the link to create the administrator account.
    Open {
        /// The invitation secret (the link is `/invite/{secret}`).
        secret: String,
        /// Valid until.
        expires_at: Timestamp,
    },
    /// The administrator account was created.
    Accepted,
    /// Expired or revoked: the coordinator can invite again.
    Closed,
}

/// An application as its applicant sees it through the status link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicantView {
    /// The institution's name.
    pub org_name: String,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// When it was submitted.
    pub submitted_at: Timestamp,
    /// When it was decided.
    pub decided_at: Option<Timestamp>,
    /// Why it was rejected.
    pub rejection_reason: Option<String>,
    /// The first administrator's invitation, once approved.
    pub invitation: Option<InvitationState>,
}

#[derive(sqlx::FromRow)]
struct StatusRow {
    org_name: String,
    status: ApplicationStatus,
    submitted_at: Timestamp,
    decided_at: Option<Timestamp>,
    rejection_reason: Option<String>,
    sealed_invitation: Option<String>,
    token_hash: Option<SecretHash>,
    expires_at: Option<Timestamp>,
    accepted_at: Option<Timestamp>,
    revoked_at: Option<Timestamp>,
}

/// The application behind a status-link secret, if any. Only the secret itself opens the sealed invitation.
///
/// # Errors
/// On store errors.
pub async fn status_of(tx: &mut Tx, secret: &str) -> Result<Option<ApplicantView>, OpError> {
    if !secret.starts_with(STATUS_PREFIX) || secret.len() > 128 {
        return Ok(None);
    }
    let row: Option<StatusRow> = on_engine!(tx, |c| {
        sqlx::query_as(
        "SELECT a.org_name, a.status, a.submitted_at, a.decided_at, a.rejection_reason, a.sealed_invitation, \
         i.token_hash, i.expires_at, i.accepted_at, i.revoked_at \
         FROM applications a LEFT JOIN invitations i ON i.id = a.invitation_id WHERE a.status_hash = $1"
    )
    .bind(SecretHash::of(secret))
    .fetch_optional(c)
    .await?
    });
    let now = tx.now();
    Ok(row.map(|r| {
        let invitation = match (r.status, r.expires_at) {
            (ApplicationStatus::Approved, Some(expires_at)) => Some(if r.accepted_at.is_some() {
                InvitationState::Accepted
            } else if r.revoked_at.is_some() || expires_at <= now {
                InvitationState::Closed
            } else {
                r.sealed_invitation
                    .as_deref()
                    .and_then(Sealed::from_hex)
                    .map(|sealed| {
                        format!(
                            "{INVITATION_PREFIX}{}",
                            URL_SAFE_NO_PAD.encode(sealed.open(secret))
                        )
                    })
                    .filter(|opened| r.token_hash.as_ref() == Some(&SecretHash::of(opened)))
                    .map_or(InvitationState::Closed, |secret| InvitationState::Open {
                        secret,
                        expires_at,
                    })
            }),
            _ => None,
        };
        ApplicantView {
            org_name: r.org_name,
            status: r.status,
            submitted_at: r.submitted_at,
            decided_at: r.decided_at,
            rejection_reason: r.rejection_reason,
            invitation,
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ApplicationDraft {
        ApplicationDraft {
            name: "Revalidatiecentrum De Bron".into(),
            kind: "residential_care".into(),
            size_band: "small".into(),
            region: "flanders".into(),
            languages: vec!["nl".into(), "en".into(), "nl".into()],
            contact_name: "Ines Wauters".into(),
            contact_email: "Ines.Wauters@debron.example".into(),
            contact_role: "ICT coordinator".into(),
            motivation: "We want to learn from peers.".into(),
        }
    }

    #[test]
    fn a_good_draft_parses() {
        let input = draft().parse().unwrap();
        assert_eq!(input.org.languages, vec![Language::Nl, Language::En]);
        assert_eq!(input.contact.email.as_str(), "ines.wauters@debron.example");
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = ApplicationDraft {
            name: " ".into(),
            kind: "supplier".into(),
            size_band: "huge".into(),
            region: "mars".into(),
            languages: vec![],
            contact_name: String::new(),
            contact_email: "nope".into(),
            contact_role: String::new(),
            motivation: "x".repeat(MAX_MOTIVATION + 1),
        };
        let err = bad.parse().unwrap_err();
        for field in [
            "name",
            "kind",
            "size_band",
            "region",
            "languages",
            "contact_name",
            "contact_email",
            "contact_role",
            "motivation",
        ] {
            assert!(err.message_for(field).is_some(), "{field}: {err}");
        }
    }

    #[test]
    fn the_coordinator_kind_cannot_apply() {
        let err = ApplicationDraft {
            kind: "coordinator".into(),
            ..draft()
        }
        .parse()
        .unwrap_err();
        assert!(err.message_for("kind").is_some());
    }
}

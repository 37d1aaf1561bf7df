//! The marking part of every item form: the TLP label and who the audience is, with one picker per audience kind
//! so the form works without JavaScript.

use ward_core::marking::AudienceKind;
use ward_core::tlp::Tlp;
use ward_store::{groups, orgs, people};

use ward_core::ValidationError;

use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::ui::org::{Choice, choices};
use crate::ui::view::TlpBadge;

/// What `marking_fields.html` shows.
pub struct MarkingPicker {
    /// The TLP labels, most restrictive first.
    pub tlps: Vec<TlpChoice>,
    /// The audience kinds.
    pub audiences: Vec<Choice>,
    /// Sharing groups to pick from.
    pub groups: Vec<Pick>,
    /// Organizations to pick from.
    pub orgs: Vec<Pick>,
    /// People to pick from.
    pub people: Vec<Pick>,
}

/// One TLP label to choose.
pub struct TlpChoice {
    /// The submitted value.
    pub value: &'static str,
    /// Its badge.
    pub badge: TlpBadge,
    /// What it means, in the viewer's language.
    pub explained: String,
    /// Whether it is chosen.
    pub checked: bool,
}

/// One option of an audience picker.
pub struct Pick {
    /// The id submitted.
    pub id: String,
    /// The name shown.
    pub label: String,
    /// Whether it is chosen.
    pub selected: bool,
}

impl MarkingPicker {
    /// The picker with a draft's choices selected (the label defaults to GREEN, the audience to the community).
    ///
    /// # Errors
    /// On store errors.
    pub async fn load(
        state: &AppState,
        t: Tr,
        tlp: &str,
        audience: &str,
        ids: &[String],
    ) -> AppResult<Self> {
        let mut tx = state.store().read().await?;
        let all_groups = groups::all(&mut tx).await?;
        let all_orgs = orgs::all(&mut tx).await?;
        let all_people = people::all_active(&mut tx).await?;
        tx.finish().await?;
        let chosen = |id: String| -> (bool, String) { (ids.contains(&id), id) };
        let tlp = Tlp::parse_label(tlp).unwrap_or(Tlp::Green);
        let audience_kind = audience.parse().unwrap_or(AudienceKind::Community);
        let pick = |id: String, label: String| {
            let (selected, id) = chosen(id);
            Pick {
                id,
                label,
                selected,
            }
        };
        Ok(Self {
            tlps: Tlp::ALL
                .iter()
                .rev()
                .map(|x| TlpChoice {
                    value: x.label(),
                    badge: TlpBadge::of(*x),
                    explained: t.get(&format!("tlp-explain-{}", x.code().replace('+', "-"))),
                    checked: *x == tlp,
                })
                .collect(),
            audiences: choices(
                t,
                AudienceKind::ALL,
                AudienceKind::code,
                "audience-kind",
                &[audience_kind],
            ),
            groups: all_groups
                .iter()
                .map(|g| pick(g.id.to_string(), g.name.clone()))
                .collect(),
            orgs: all_orgs
                .iter()
                .map(|o| pick(o.id.to_string(), o.name.clone()))
                .collect(),
            people: all_people
                .iter()
                .map(|p| {
                    pick(
                        p.id.to_string(),
                        format!("{} — {}", p.display_name, p.org_name),
                    )
                })
                .collect(),
        })
    }
}

/// The ids of the picker that matches the chosen audience kind (the others may still hold earlier choices).
#[must_use]
pub fn chosen_ids(
    audience: &str,
    groups: Vec<String>,
    orgs: Vec<String>,
    people: Vec<String>,
) -> Vec<String> {
    match audience {
        "groups" => groups,
        "organizations" => orgs,
        "people" => people,
        _ => Vec::new(),
    }
}

/// Shows a marking the store refused at the form field that set it: an audience naming something unknown at the
/// audience, a re-marking the editor may not make at the TLP label.
#[must_use]
pub fn marking_problem_as_field(e: AppError) -> AppError {
    match e {
        AppError::Conflict(m) => AppError::Invalid(ValidationError::field("audience", m)),
        AppError::Forbidden(m) => AppError::Invalid(ValidationError::field("tlp", m)),
        other => other,
    }
}

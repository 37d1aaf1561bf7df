//! Announcements: short notices from a member organization or the coordinator to (part of) the community.

use std::collections::BTreeMap;

use serde::Serialize;
use ward_core::ValidationError;
use ward_core::error::collect;
use ward_core::guard;
use ward_core::ids::ItemId;
use ward_core::item::{Item, ItemKind};
use ward_core::marking::{Attribution, Marking, parse_marking};
use ward_core::org::Language;
use ward_core::page::{Page, PageRequest};
use ward_core::policy;
use ward_core::text::{line, multiline};
use ward_core::time::Timestamp;
use ward_core::viewer::Viewer;
use ward_store::items::{self, EnvelopeChanges, NewItem};
use ward_store::{OpError, Tx, WriteTx, on_engine, search};

use crate::editing;

/// The longest announcement body.
pub const MAX_BODY: usize = 20_000;

/// An announcement with its envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announcement {
    /// The envelope.
    pub item: Item,
    /// The text.
    pub body: String,
    /// Shown at the top of lists.
    pub pinned: bool,
}

/// An announcement as submitted, before checking: the text every field arrived as.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct AnnouncementDraft {
    /// Title, 1–200 characters.
    #[serde(default)]
    pub title: String,
    /// Summary, up to 500 characters.
    #[serde(default)]
    pub summary: String,
    /// Body, up to 20,000 characters.
    #[serde(default)]
    pub body: String,
    /// Content language: `en`, `nl`, `fr` or `de`.
    #[serde(default)]
    pub language: String,
    /// TLP label: `CLEAR`, `GREEN`, `AMBER`, `AMBER+STRICT` or `RED`.
    #[serde(default)]
    pub tlp: String,
    /// Audience kind: `community`, `groups`, `organizations` or `people`.
    #[serde(default)]
    pub audience: String,
    /// The ids of the groups, organizations or people the audience names.
    #[serde(default)]
    pub audience_ids: Vec<String>,
    /// Hide the contributing organization and person from other organizations.
    #[serde(default)]
    pub anonymous: bool,
    /// Show at the top of lists.
    #[serde(default)]
    pub pinned: bool,
    /// Personal data the author confirmed may be shared, as `kind:text` (e.g. `email:security@vendor.example`),
    /// taken from the `confirmation` of an earlier finding. National register and BIS numbers cannot be confirmed.
    #[serde(default)]
    pub confirmed_personal_data: Vec<String>,
}

/// A checked announcement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnouncementInput {
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Body.
    pub body: String,
    /// Language.
    pub language: Language,
    /// Marking.
    pub marking: Marking,
    /// Named or anonymous.
    pub attribution: Attribution,
    /// Pinned.
    pub pinned: bool,
}

impl AnnouncementDraft {
    /// Checks every field, reporting all problems at once.
    ///
    /// # Errors
    /// Lists each field that is not acceptable.
    pub fn parse(&self) -> Result<AnnouncementInput, ValidationError> {
        let mut errors = ValidationError::default();
        let title = collect(&mut errors, "title", line(&self.title, 1, 200));
        let summary = collect(&mut errors, "summary", line(&self.summary, 0, 500));
        let body = collect(&mut errors, "body", multiline(&self.body, 0, MAX_BODY));
        let language = collect(
            &mut errors,
            "language",
            self.language.trim().parse::<Language>(),
        );
        let marking = match parse_marking(&self.tlp, &self.audience, &self.audience_ids) {
            Ok(m) => Some(m),
            Err(e) => {
                errors.errors.extend(e.errors);
                None
            }
        };
        guard::check_fields(
            &self.confirmed_personal_data,
            [
                ("title", self.title.as_str()),
                ("summary", self.summary.as_str()),
                ("body", self.body.as_str()),
            ],
            &mut errors,
        );
        match (title, summary, body, language, marking) {
            (Some(title), Some(summary), Some(body), Some(language), Some(marking))
                if errors.is_empty() =>
            {
                Ok(AnnouncementInput {
                    title,
                    summary,
                    body,
                    language,
                    marking,
                    attribution: if self.anonymous {
                        Attribution::Anonymous
                    } else {
                        Attribution::Named
                    },
                    pinned: self.pinned,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Publishes an announcement on behalf of the viewer's organization.
///
/// # Errors
/// [`OpError::Forbidden`] when the viewer may not contribute; [`OpError::Conflict`] for an audience naming
/// something unknown.
pub async fn create(
    tx: &mut WriteTx,
    viewer: &Viewer,
    input: &AnnouncementInput,
) -> Result<ItemId, OpError> {
    let p = editing::contributor(viewer)?;
    let id = items::insert(
        tx,
        &NewItem {
            kind: ItemKind::Announcement,
            owner: p.org,
            author: p.person,
            attribution: input.attribution,
            marking: input.marking.clone(),
            title: input.title.clone(),
            summary: input.summary.clone(),
            language: input.language,
        },
    )
    .await?;
    on_engine!(tx, |c| sqlx::query(
        "INSERT INTO announcements (item_id, body, pinned) VALUES ($1, $2, $3)"
    )
    .bind(id)
    .bind(&input.body)
    .bind(input.pinned)
    .execute(c)
    .await?
    .rows_affected());
    index(tx, id, input).await?;
    Ok(id)
}

async fn index(tx: &mut WriteTx, id: ItemId, input: &AnnouncementInput) -> Result<(), OpError> {
    let text = format!("{}\n{}", input.summary, input.body);
    search::put(tx, id, &input.title, &text, "").await?;
    Ok(())
}

/// An announcement row: the envelope and, from the same statement, the text.
#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    envelope: items::EnvelopeRow,
    body: String,
    pinned: bool,
}

/// The announcement columns: the envelope's, the text and the pin.
macro_rules! select_announcements {
    () => {
        concat!(
            "SELECT ",
            ward_store::item_columns_sql!(),
            ", an.body, an.pinned FROM items i ",
            ward_store::item_joins_sql!(),
            " JOIN announcements an ON an.item_id = i.id WHERE ",
            ward_store::visible_items_sql!()
        )
    };
}

/// Keeps the rows the access policy allows and pairs each item with its text.
fn announcements_of(viewer: &Viewer, rows: Vec<Row>) -> Vec<Announcement> {
    let mut texts: BTreeMap<ItemId, (String, bool)> = BTreeMap::new();
    let envelopes: Vec<items::EnvelopeRow> = rows
        .into_iter()
        .map(|r| {
            texts.insert(r.envelope.id(), (r.body, r.pinned));
            r.envelope
        })
        .collect();
    items::readable(viewer, envelopes)
        .into_iter()
        .filter_map(|item| {
            texts
                .remove(&item.id)
                .map(|(body, pinned)| Announcement { item, body, pinned })
        })
        .collect()
}

/// One announcement the viewer may read.
///
/// # Errors
/// On store errors.
pub async fn get(
    tx: &mut Tx,
    viewer: &Viewer,
    id: ItemId,
) -> Result<Option<Announcement>, OpError> {
    let v = items::ViewerParams::of(viewer);
    let row: Option<Row> = on_engine!(tx, |c| sqlx::query_as(concat!(
        select_announcements!(),
        " AND i.id = $4"
    ))
    .bind(v.person)
    .bind(v.org)
    .bind(v.member)
    .bind(id)
    .fetch_optional(c)
    .await?);
    Ok(announcements_of(viewer, row.into_iter().collect()).pop())
}

/// The announcements the viewer may read, newest first.
///
/// # Errors
/// On store errors.
pub async fn list(
    tx: &mut Tx,
    viewer: &Viewer,
    page: &PageRequest<Timestamp>,
) -> Result<Page<Announcement>, OpError> {
    let v = items::ViewerParams::of(viewer);
    let (after_at, after_id) = page.after.as_ref().map_or((None, None), |c| {
        (Some(c.key), Some(ItemId::from_uuid(c.id)))
    });
    let rows: Vec<Row> = on_engine!(tx, |c| {
        sqlx::query_as(concat!(
        select_announcements!(),
        " AND ($4 IS NULL OR (i.created_at, i.id) < ($4, $5)) ORDER BY i.created_at DESC, i.id DESC LIMIT $6"
    ))
    .bind(v.person)
    .bind(v.org)
    .bind(v.member)
    .bind(after_at)
    .bind(after_id)
    .bind(page.fetch_limit())
    .fetch_all(c)
    .await?
    });
    let fetched = rows.len();
    Ok(Page::from_checked_rows(
        announcements_of(viewer, rows),
        fetched,
        page.limit,
        |a| a.item.cursor(),
    ))
}

/// The pinned announcements the viewer may read, newest first.
///
/// # Errors
/// On store errors.
pub async fn pinned(
    tx: &mut Tx,
    viewer: &Viewer,
    limit: i64,
) -> Result<Vec<Announcement>, OpError> {
    recent(tx, viewer, true, limit).await
}

/// The overview's selection: pinned announcements first, then the newest.
///
/// # Errors
/// On store errors.
pub async fn overview(
    tx: &mut Tx,
    viewer: &Viewer,
    limit: i64,
) -> Result<Vec<Announcement>, OpError> {
    recent(tx, viewer, false, limit).await
}

async fn recent(
    tx: &mut Tx,
    viewer: &Viewer,
    only_pinned: bool,
    limit: i64,
) -> Result<Vec<Announcement>, OpError> {
    let v = items::ViewerParams::of(viewer);
    let rows: Vec<Row> = on_engine!(tx, |c| {
        sqlx::query_as(concat!(
        select_announcements!(),
        " AND (an.pinned OR NOT $4) ORDER BY an.pinned DESC, i.created_at DESC, i.id DESC LIMIT $5"
    ))
    .bind(v.person)
    .bind(v.org)
    .bind(v.member)
    .bind(only_pinned)
    .bind(limit)
    .fetch_all(c)
    .await?
    });
    Ok(announcements_of(viewer, rows))
}

/// Changes an announcement. Anyone who may edit may narrow its marking; only the owner organization may widen it.
///
/// # Errors
/// [`OpError::NotFound`] when the viewer cannot read it; [`OpError::Forbidden`] when they may not edit or widen;
/// [`OpError::Stale`] when it changed since `expected_version`.
pub async fn update(
    tx: &mut WriteTx,
    viewer: &Viewer,
    id: ItemId,
    expected_version: Option<i64>,
    input: &AnnouncementInput,
) -> Result<Announcement, OpError> {
    let current = get(tx, viewer, id).await?.ok_or(OpError::NotFound)?;
    editing::check_update(
        tx,
        viewer,
        &current.item,
        expected_version,
        &input.marking,
        input.attribution,
    )
    .await?;
    let version = items::update(
        tx,
        &current.item,
        &EnvelopeChanges {
            title: input.title.clone(),
            summary: input.summary.clone(),
            language: input.language,
            attribution: input.attribution,
            marking: input.marking.clone(),
        },
    )
    .await?;
    on_engine!(tx, |c| sqlx::query(
        "UPDATE announcements SET body = $2, pinned = $3 WHERE item_id = $1"
    )
    .bind(id)
    .bind(&input.body)
    .bind(input.pinned)
    .execute(c)
    .await?
    .rows_affected());
    index(tx, id, input).await?;
    // Built from what was written rather than read back: a narrowing may have taken the editor out of the
    // audience, and they still get to see the result of their own change.
    Ok(Announcement {
        item: Item {
            title: input.title.clone(),
            summary: input.summary.clone(),
            language: input.language,
            attribution: input.attribution,
            marking: input.marking.clone(),
            updated_at: tx.now(),
            version,
            ..current.item
        },
        body: input.body.clone(),
        pinned: input.pinned,
    })
}

/// Deletes an announcement.
///
/// # Errors
/// [`OpError::NotFound`] when the viewer cannot read it; [`OpError::Forbidden`] when they may not edit it.
pub async fn delete(tx: &mut WriteTx, viewer: &Viewer, id: ItemId) -> Result<(), OpError> {
    let current = get(tx, viewer, id).await?.ok_or(OpError::NotFound)?;
    editing::check_delete(viewer, &current.item)?;
    items::delete(tx, &current.item).await?;
    Ok(())
}

/// The draft that reproduces an announcement (to pre-fill an edit form).
#[must_use]
pub fn draft_of(a: &Announcement) -> AnnouncementDraft {
    AnnouncementDraft {
        title: a.item.title.clone(),
        summary: a.item.summary.clone(),
        body: a.body.clone(),
        language: a.item.language.code().to_owned(),
        tlp: a.item.marking.tlp.label().to_owned(),
        audience: a.item.marking.audience.kind().code().to_owned(),
        audience_ids: a.item.marking.audience.id_strings(),
        anonymous: a.item.attribution == Attribution::Anonymous,
        pinned: a.pinned,
        // What is stored passed the guard: its confirmable findings were confirmed when it was saved.
        confirmed_personal_data: guard::confirmed_in([
            a.item.title.as_str(),
            a.item.summary.as_str(),
            a.body.as_str(),
        ]),
    }
}

/// The JSON form of an announcement for a viewer: the contributor only when the viewer may know it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AnnouncementView {
    /// Id.
    pub id: ItemId,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Body.
    pub body: String,
    /// Language.
    pub language: Language,
    /// Marking.
    pub marking: Marking,
    /// Whether the contributor is hidden.
    pub anonymous: bool,
    /// Who contributed it, when the viewer may know.
    pub contributor: Option<ward_core::item::Contributor>,
    /// Pinned.
    pub pinned: bool,
    /// Created.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
    /// Version, for optimistic concurrency on updates.
    pub version: i64,
    /// Whether the viewer may edit it.
    pub can_edit: bool,
}

impl AnnouncementView {
    /// The view of an announcement for a viewer.
    #[must_use]
    pub fn of(a: &Announcement, viewer: &Viewer) -> Self {
        Self {
            id: a.item.id,
            title: a.item.title.clone(),
            summary: a.item.summary.clone(),
            body: a.body.clone(),
            language: a.item.language,
            marking: a.item.marking.clone(),
            anonymous: a.item.attribution == Attribution::Anonymous,
            contributor: a.item.contributor_for(viewer),
            pinned: a.pinned,
            created_at: a.item.created_at,
            updated_at: a.item.updated_at,
            version: a.item.version,
            can_edit: policy::can_edit(viewer, &a.item.access()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> AnnouncementDraft {
        AnnouncementDraft {
            title: "Patch Citrix gateways now".into(),
            summary: "Active exploitation seen at two members".into(),
            body: "Details…".into(),
            language: "en".into(),
            tlp: "GREEN".into(),
            audience: "community".into(),
            ..AnnouncementDraft::default()
        }
    }

    #[test]
    fn a_good_draft_parses() {
        let input = draft().parse().unwrap();
        assert_eq!(input.marking, Marking::community_green());
        assert_eq!(input.attribution, Attribution::Named);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = AnnouncementDraft {
            title: " ".into(),
            language: "xx".into(),
            tlp: "WHITEISH".into(),
            body: "x".repeat(MAX_BODY + 1),
            ..draft()
        };
        let err = bad.parse().unwrap_err();
        for field in ["title", "language", "tlp", "body"] {
            assert!(err.message_for(field).is_some(), "{field}: {err}");
        }
    }

    #[test]
    fn a_national_number_is_refused_even_when_confirmed() {
        let bad = AnnouncementDraft {
            body: "Caller gave INSZ 85.07.30-033.28".into(),
            confirmed_personal_data: vec!["national_number:85.07.30-033.28".into()],
            ..draft()
        };
        let err = bad.parse().unwrap_err();
        assert!(err.message_for("body").is_some(), "{err}");
        assert_eq!(err.personal_data.len(), 1);
    }

    #[test]
    fn a_confirmed_contact_address_passes() {
        let with_contact = AnnouncementDraft {
            summary: "Vendor PSIRT: psirt@vendor.example".into(),
            ..draft()
        };
        let err = with_contact.clone().parse().unwrap_err();
        assert!(err.message_for("summary").is_some());
        let confirmed = AnnouncementDraft {
            confirmed_personal_data: vec!["email:psirt@vendor.example".into()],
            ..with_contact
        };
        assert!(confirmed.parse().is_ok());
    }
}

//! The Item envelope in the database, and the visibility filter: the access policy as a SQL predicate.
//!
//! Every list, count and read of items goes through [`visible_items_sql!`]. Rows the database returns are checked
//! once more against the pure policy ([`ward_core::policy::can_read`]); a disagreement is logged as an error and the
//! row is dropped, so a mistake in either rule fails closed.

use std::collections::{BTreeMap, BTreeSet};

use ward_core::audit::actions;
use ward_core::ids::{GroupId, ItemId, OrgId, PersonId};
use ward_core::item::{Item, ItemKind};
use ward_core::marking::{Attribution, Audience, AudienceKind, Marking};
use ward_core::org::Language;
use ward_core::page::{Page, PageRequest};
use ward_core::time::Timestamp;
use ward_core::tlp::Tlp;
use ward_core::viewer::Viewer;

use crate::db::{Tx, WriteTx};
use crate::error::{StoreError, StoreResult};
use crate::on_engine;

/// The access policy as a SQL predicate over an item aliased `i`.
///
/// Parameters: `$1` the viewer's person id (NULL for the public), `$2` the viewer's organization id (NULL for the
/// public), `$3` whether the viewer belongs to a member organization. Every query using it binds these first, with
/// [`ViewerParams`]. The rule is the one of [`ward_core::policy::can_read`]: CLEAR to anyone; the author always;
/// GREEN to members and the audience; AMBER and AMBER+STRICT to the owner organization and the audience; RED, and
/// any unknown label, to the named people only. The audience is looked up in one `EXISTS` for every label: a named
/// person reads under any label, named organizations and groups only under GREEN and the AMBERs.
#[macro_export]
macro_rules! visible_items_sql {
    () => {
        "(i.tlp = 'clear' \
          OR i.author_id = $1 \
          OR (i.tlp = 'green' AND $3) \
          OR (i.tlp IN ('amber', 'amber+strict') AND (i.owner_org_id = $2 OR (i.audience = 'community' AND $3))) \
          OR EXISTS (SELECT 1 FROM item_audience a WHERE a.item_id = i.id AND ( \
                (i.audience = 'people' AND a.person_id = $1) \
             OR (i.tlp IN ('green', 'amber', 'amber+strict') AND ( \
                   (i.audience = 'organizations' AND a.org_id = $2) \
                OR (i.audience = 'groups' AND a.group_id IN \
                      (SELECT m.group_id FROM sharing_group_members m WHERE m.org_id = $2)))))))"
    };
}

/// The envelope columns, with owner and author names and the audience's ids (comma-separated, in the same
/// statement so that marking and audience are always read together), for an item aliased `i`.
#[macro_export]
macro_rules! item_columns_sql {
    () => {
        "i.id, i.kind, i.owner_org_id, o.name AS owner_name, i.author_id, p.display_name AS author_name, \
         i.attribution, i.tlp, i.audience, i.title, i.summary, i.language, i.created_at, i.updated_at, i.version, \
         (SELECT string_agg(COALESCE(CAST(a.group_id AS TEXT), CAST(a.org_id AS TEXT), CAST(a.person_id AS TEXT)), ',') \
            FROM item_audience a WHERE a.item_id = i.id) AS audience_ids"
    };
}

/// The joins [`item_columns_sql!`] needs.
#[macro_export]
macro_rules! item_joins_sql {
    () => {
        "JOIN organizations o ON o.id = i.owner_org_id JOIN people p ON p.id = i.author_id"
    };
}

/// The values bound to `$1`, `$2`, `$3` of [`visible_items_sql!`].
#[derive(Clone, Copy, Debug)]
pub struct ViewerParams {
    /// `$1`.
    pub person: Option<PersonId>,
    /// `$2`.
    pub org: Option<OrgId>,
    /// `$3`.
    pub member: bool,
}

impl ViewerParams {
    /// The parameters for a viewer.
    #[must_use]
    pub fn of(viewer: &Viewer) -> Self {
        Self {
            person: viewer.person_id(),
            org: viewer.org_id(),
            member: viewer.is_member(),
        }
    }
}

/// An envelope row as selected by [`item_columns_sql!`].
#[derive(Debug, sqlx::FromRow)]
pub struct EnvelopeRow {
    id: ItemId,
    kind: ItemKind,
    owner_org_id: OrgId,
    owner_name: String,
    author_id: PersonId,
    author_name: String,
    attribution: Attribution,
    tlp: Tlp,
    audience: String,
    title: String,
    summary: String,
    language: Language,
    created_at: Timestamp,
    updated_at: Timestamp,
    version: i64,
    audience_ids: Option<String>,
}

impl EnvelopeRow {
    /// The item's id.
    #[must_use]
    pub const fn id(&self) -> ItemId {
        self.id
    }
}

/// Turns envelope rows into items, keeping only those the pure policy also allows: the SQL filter and the
/// policy must agree, and if they ever do not, the row is dropped and the disagreement logged.
#[must_use]
pub fn readable(viewer: &Viewer, rows: Vec<EnvelopeRow>) -> Vec<Item> {
    rows.into_iter()
        .filter_map(|row| checked(viewer, row))
        .collect()
}

/// Like [`readable`], for rows that carry a pillar's detail beside the envelope.
#[must_use]
pub fn readable_with<T>(viewer: &Viewer, rows: Vec<(EnvelopeRow, T)>) -> Vec<(Item, T)> {
    rows.into_iter()
        .filter_map(|(row, detail)| checked(viewer, row).map(|item| (item, detail)))
        .collect()
}

fn checked(viewer: &Viewer, row: EnvelopeRow) -> Option<Item> {
    let item = Item {
        id: row.id,
        kind: row.kind,
        owner: row.owner_org_id,
        owner_name: row.owner_name,
        author: row.author_id,
        author_name: row.author_name,
        attribution: row.attribution,
        marking: Marking {
            tlp: row.tlp,
            audience: audience_of(&row.audience, row.audience_ids.as_deref().unwrap_or("")),
        },
        title: row.title,
        summary: row.summary,
        language: row.language,
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
    };
    if item.readable_by(viewer) {
        Some(item)
    } else {
        tracing::error!(item = %item.id, viewer = ?viewer.person_id(),
                    "the SQL visibility filter returned an item the access policy denies; dropped");
        None
    }
}

/// Rebuilds the audience from the stored kind and ids. Ids that do not parse are left out and an unknown kind
/// becomes an empty list of people, so damaged data narrows, never widens.
fn audience_of(kind: &str, ids: &str) -> Audience {
    fn parse<T: std::str::FromStr + Ord>(ids: &str) -> BTreeSet<T> {
        ids.split(',').filter_map(|s| s.parse().ok()).collect()
    }
    match AudienceKind::from_code(kind) {
        Some(AudienceKind::Community) => Audience::Community,
        Some(AudienceKind::Groups) => Audience::Groups(parse(ids)),
        Some(AudienceKind::Organizations) => Audience::Organizations(parse(ids)),
        Some(AudienceKind::People) | None => Audience::People(parse(ids)),
    }
}

/// Filters for item lists.
#[derive(Clone, Copy, Debug, Default)]
pub struct ItemFilter {
    /// Only this kind.
    pub kind: Option<ItemKind>,
    /// Only this TLP label.
    pub tlp: Option<Tlp>,
    /// Only items this organization contributed by name (anonymous contributions of others never match, so the
    /// filter cannot reveal them).
    pub owner: Option<OrgId>,
}

/// The items the viewer may read, newest first.
///
/// # Errors
/// On database errors.
pub async fn list_for(
    tx: &mut Tx,
    viewer: &Viewer,
    filter: ItemFilter,
    page: &PageRequest<Timestamp>,
) -> StoreResult<Page<Item>> {
    let v = ViewerParams::of(viewer);
    let (after_at, after_id) = page.after.as_ref().map_or((None, None), |c| {
        (Some(c.key), Some(ItemId::from_uuid(c.id)))
    });
    let rows: Vec<EnvelopeRow> = on_engine!(tx, |c| {
        sqlx::query_as(concat!(
        "SELECT ", item_columns_sql!(), " FROM items i ", item_joins_sql!(),
        " WHERE ", visible_items_sql!(),
        " AND ($4 IS NULL OR i.kind = $4) AND ($5 IS NULL OR i.tlp = $5)",
        " AND ($6 IS NULL OR (i.owner_org_id = $6 AND (i.attribution = 'named' OR i.owner_org_id = $2)))",
        " AND ($7 IS NULL OR (i.created_at, i.id) < ($7, $8))",
        " ORDER BY i.created_at DESC, i.id DESC LIMIT $9"
    ))
    .bind(v.person)
    .bind(v.org)
    .bind(v.member)
    .bind(filter.kind)
    .bind(filter.tlp)
    .bind(filter.owner)
    .bind(after_at)
    .bind(after_id)
    .bind(page.fetch_limit())
    .fetch_all(c)
    .await?
    });
    let fetched = rows.len();
    Ok(Page::from_checked_rows(
        readable(viewer, rows),
        fetched,
        page.limit,
        Item::cursor,
    ))
}

/// One item, if the viewer may read it.
///
/// # Errors
/// On database errors.
pub async fn get_for(tx: &mut Tx, viewer: &Viewer, id: ItemId) -> StoreResult<Option<Item>> {
    let v = ViewerParams::of(viewer);
    let row: Option<EnvelopeRow> = on_engine!(tx, |c| sqlx::query_as(concat!(
        "SELECT ",
        item_columns_sql!(),
        " FROM items i ",
        item_joins_sql!(),
        " WHERE ",
        visible_items_sql!(),
        " AND i.id = $4"
    ))
    .bind(v.person)
    .bind(v.org)
    .bind(v.member)
    .bind(id)
    .fetch_optional(c)
    .await?);
    Ok(readable(viewer, row.into_iter().collect()).pop())
}

/// A new item's envelope.
#[derive(Clone, Debug)]
pub struct NewItem {
    /// Pillar type.
    pub kind: ItemKind,
    /// Contributing organization.
    pub owner: OrgId,
    /// Contributing person.
    pub author: PersonId,
    /// Named or anonymous.
    pub attribution: Attribution,
    /// TLP and audience (already checked with [`Marking::new`]).
    pub marking: Marking,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Content language.
    pub language: Language,
}

async fn write_audience(tx: &mut WriteTx, id: ItemId, audience: &Audience) -> StoreResult<()> {
    on_engine!(tx, |c| sqlx::query(
        "DELETE FROM item_audience WHERE item_id = $1"
    )
    .bind(id)
    .execute(c)
    .await?
    .rows_affected());
    let (groups, orgs, people): (Vec<GroupId>, Vec<OrgId>, Vec<PersonId>) = match audience {
        Audience::Community => (vec![], vec![], vec![]),
        Audience::Groups(g) => (g.iter().copied().collect(), vec![], vec![]),
        Audience::Organizations(o) => (vec![], o.iter().copied().collect(), vec![]),
        Audience::People(p) => (vec![], vec![], p.iter().copied().collect()),
    };
    for g in groups {
        on_engine!(tx, |c| sqlx::query(
            "INSERT INTO item_audience (item_id, group_id) VALUES ($1, $2)"
        )
        .bind(id)
        .bind(g)
        .execute(c)
        .await
        .map_err(unknown_principal)?
        .rows_affected());
    }
    for o in orgs {
        on_engine!(tx, |c| sqlx::query(
            "INSERT INTO item_audience (item_id, org_id) VALUES ($1, $2)"
        )
        .bind(id)
        .bind(o)
        .execute(c)
        .await
        .map_err(unknown_principal)?
        .rows_affected());
    }
    for p in people {
        on_engine!(tx, |c| sqlx::query(
            "INSERT INTO item_audience (item_id, person_id) VALUES ($1, $2)"
        )
        .bind(id)
        .bind(p)
        .execute(c)
        .await
        .map_err(unknown_principal)?
        .rows_affected());
    }
    Ok(())
}

/// The message when an audience names a group, organization or person that does not exist.
pub const UNKNOWN_PRINCIPAL: &str =
    "the audience names a group, organization or person that does not exist";

fn unknown_principal(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(d) if d.is_foreign_key_violation() => {
            StoreError::Conflict(UNKNOWN_PRINCIPAL)
        }
        _ => StoreError::Database(e),
    }
}

fn marking_detail(m: &Marking) -> serde_json::Value {
    serde_json::json!({"tlp": m.tlp, "audience": m.audience.kind(), "audience_size": m.audience.len()})
}

/// Stores a new item's envelope and audience.
///
/// # Errors
/// [`StoreError::Conflict`] when the audience names something unknown.
pub async fn insert(tx: &mut WriteTx, new: &NewItem) -> StoreResult<ItemId> {
    let id = ItemId::new();
    let now = tx.now();
    on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO items (id, kind, owner_org_id, author_id, attribution, tlp, audience, title, summary, language, \
         created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, 1)"
    )
    .bind(id)
    .bind(new.kind)
    .bind(new.owner)
    .bind(new.author)
    .bind(new.attribution)
    .bind(new.marking.tlp)
    .bind(new.marking.audience.kind())
    .bind(&new.title)
    .bind(&new.summary)
    .bind(new.language)
    .bind(now)
    .execute(c)
    .await?.rows_affected()
    });
    write_audience(tx, id, &new.marking.audience).await?;
    tx.record(
        actions::ITEM_CREATED,
        Some(new.owner),
        Some(("item", id.to_string())),
        serde_json::json!({
            "kind": new.kind,
            "marking": marking_detail(&new.marking),
            "anonymous": new.attribution == Attribution::Anonymous,
        }),
    );
    Ok(id)
}

/// Changes to an item's envelope.
#[derive(Clone, Debug)]
pub struct EnvelopeChanges {
    /// New title.
    pub title: String,
    /// New summary.
    pub summary: String,
    /// New language.
    pub language: Language,
    /// New attribution.
    pub attribution: Attribution,
    /// New marking (already checked with the policy's re-marking rule).
    pub marking: Marking,
}

/// Updates an item's envelope if it is still at `expected_version`.
///
/// # Errors
/// [`StoreError::Stale`] when someone else changed it first.
pub async fn update(
    tx: &mut WriteTx,
    current: &Item,
    changes: &EnvelopeChanges,
) -> StoreResult<i64> {
    let now = tx.now();
    let next_version = current.version + 1;
    let n = on_engine!(tx, |c| {
        sqlx::query(
        "UPDATE items SET title = $2, summary = $3, language = $4, attribution = $5, tlp = $6, audience = $7, \
         updated_at = $8, version = $9 WHERE id = $1 AND version = $10"
    )
    .bind(current.id)
    .bind(&changes.title)
    .bind(&changes.summary)
    .bind(changes.language)
    .bind(changes.attribution)
    .bind(changes.marking.tlp)
    .bind(changes.marking.audience.kind())
    .bind(now)
    .bind(next_version)
    .bind(current.version)
    .execute(c)
    .await?
    .rows_affected()
    });
    if n == 0 {
        return Err(StoreError::Stale);
    }
    if changes.marking != current.marking {
        write_audience(tx, current.id, &changes.marking.audience).await?;
        tx.record(
            actions::ITEM_REMARKED,
            Some(current.owner),
            Some(("item", current.id.to_string())),
            serde_json::json!({
                "from": marking_detail(&current.marking),
                "to": marking_detail(&changes.marking),
                "anonymous": current.attribution == Attribution::Anonymous,
            }),
        );
    }
    tx.record(
        actions::ITEM_UPDATED,
        Some(current.owner),
        Some(("item", current.id.to_string())),
        serde_json::json!({
            "kind": current.kind,
            "version": next_version,
            "anonymous": changes.attribution == Attribution::Anonymous || current.attribution == Attribution::Anonymous,
        }),
    );
    Ok(next_version)
}

/// Deletes an item (pillar detail rows go with it through cascading keys).
///
/// # Errors
/// [`StoreError::NotFound`] when it does not exist.
pub async fn delete(tx: &mut WriteTx, item: &Item) -> StoreResult<()> {
    let n = on_engine!(tx, |c| sqlx::query("DELETE FROM items WHERE id = $1")
        .bind(item.id)
        .execute(c)
        .await?
        .rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    tx.record(
        actions::ITEM_DELETED,
        Some(item.owner),
        Some(("item", item.id.to_string())),
        serde_json::json!({"kind": item.kind, "anonymous": item.attribution == Attribution::Anonymous}),
    );
    Ok(())
}

/// Whether reading an item is put on record: TLP:AMBER, AMBER+STRICT and RED are.
#[must_use]
pub fn read_is_recorded(item: &Item) -> bool {
    matches!(item.marking.tlp, Tlp::Amber | Tlp::AmberStrict | Tlp::Red)
}

/// Records that the transaction's actor read sensitive items (see [`read_is_recorded`]): one entry per owner
/// organization, naming the items, so each owner's administrators see who read their information.
pub fn record_reads<'a>(tx: &mut WriteTx, items: impl IntoIterator<Item = &'a Item>) {
    let mut by_owner: BTreeMap<(OrgId, bool), Vec<(ItemId, Tlp)>> = BTreeMap::new();
    for item in items.into_iter().filter(|i| read_is_recorded(i)) {
        by_owner
            .entry((item.owner, item.attribution == Attribution::Anonymous))
            .or_default()
            .push((item.id, item.marking.tlp));
    }
    for ((owner, anonymous), read) in by_owner {
        let target = match read.as_slice() {
            [(id, _)] => Some(("item", id.to_string())),
            _ => None,
        };
        tx.record(
            actions::ITEM_READ,
            Some(owner),
            target,
            serde_json::json!({
                "items": read.iter().map(|(id, tlp)| serde_json::json!({"id": id, "tlp": tlp})).collect::<Vec<_>>(),
                "anonymous": anonymous,
            }),
        );
    }
}

/// Names of the groups, organizations and people an audience names, for display.
///
/// # Errors
/// On database errors.
pub async fn audience_names(
    tx: &mut Tx,
    audience: &Audience,
) -> StoreResult<Vec<(String, String)>> {
    let mut names = Vec::new();
    match audience {
        Audience::Community => {}
        Audience::Groups(ids) => {
            for id in ids {
                if let Some(g) = crate::groups::get(tx, *id).await? {
                    names.push((id.to_string(), g.name));
                }
            }
        }
        Audience::Organizations(ids) => {
            for id in ids {
                if let Some(o) = crate::orgs::get(tx, *id).await? {
                    names.push((id.to_string(), o.name));
                }
            }
        }
        Audience::People(ids) => {
            for id in ids {
                if let Some(p) = crate::people::get(tx, *id).await? {
                    names.push((
                        id.to_string(),
                        format!("{} ({})", p.display_name, p.org_name),
                    ));
                }
            }
        }
    }
    Ok(names)
}

/// The ids an audience names, as sets by kind (for validation against the directory).
#[must_use]
pub fn audience_ids(
    audience: &Audience,
) -> (BTreeSet<GroupId>, BTreeSet<OrgId>, BTreeSet<PersonId>) {
    match audience {
        Audience::Community => Default::default(),
        Audience::Groups(g) => (g.clone(), BTreeSet::new(), BTreeSet::new()),
        Audience::Organizations(o) => (BTreeSet::new(), o.clone(), BTreeSet::new()),
        Audience::People(p) => (BTreeSet::new(), BTreeSet::new(), p.clone()),
    }
}

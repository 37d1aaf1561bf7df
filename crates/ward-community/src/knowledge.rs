//! The knowledge base: playbooks, lessons learned, exercise kits and guides in Markdown, each an item with its
//! own marking and attribution (anonymous lessons learned are the norm), with every version kept.

use serde::Serialize;
use ward_core::ValidationError;
use ward_core::error::collect;
use ward_core::guard;
use ward_core::ids::{ItemId, PersonId};
use ward_core::item::{ArticleCategory as Category, Item, ItemKind, Topic};
use ward_core::marking::{Attribution, Marking, parse_marking};
use ward_core::org::Language;
use ward_core::page::{Page, PageRequest};
use ward_core::policy;
use ward_core::text::{line, multiline};
use ward_core::time::Timestamp;
use ward_core::viewer::Viewer;
use ward_store::items::{self, EnvelopeChanges, EnvelopeRow, NewItem, ViewerParams};
use ward_store::{OpError, Tx, WriteTx, on_engine, search, topics};

use crate::editing;

/// The longest article body, in characters.
pub const MAX_BODY: usize = 100_000;

/// An article's envelope and classification, without its text (what lists show).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleHead {
    /// The envelope.
    pub item: Item,
    /// What it is for.
    pub category: Category,
    /// Its topics.
    pub topics: Vec<Topic>,
}

/// An article with its Markdown text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Envelope and classification.
    pub head: ArticleHead,
    /// The Markdown source.
    pub body: String,
}

/// An article as submitted, before checking.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ArticleDraft {
    /// Title, 1–200 characters.
    #[serde(default)]
    pub title: String,
    /// Summary, up to 500 characters.
    #[serde(default)]
    pub summary: String,
    /// The text in Markdown, 1–100,000 characters. Raw HTML is shown as text, images as their description.
    #[serde(default)]
    pub body: String,
    /// `playbook`, `lessons_learned`, `exercise_kit` or `guide`.
    #[serde(default)]
    pub category: String,
    /// Any of `supply_chain`, `policy`, `technical`, `ai`, `other`.
    #[serde(default)]
    pub topics: Vec<String>,
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
    /// Personal data the author confirmed may be shared, as `kind:text` (see the guard's findings).
    #[serde(default)]
    pub confirmed_personal_data: Vec<String>,
}

/// A checked article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleInput {
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Markdown text.
    pub body: String,
    /// Category.
    pub category: Category,
    /// Topics, in the enumeration's order, without repeats.
    pub topics: Vec<Topic>,
    /// Language.
    pub language: Language,
    /// Marking.
    pub marking: Marking,
    /// Named or anonymous.
    pub attribution: Attribution,
}

impl ArticleDraft {
    /// Checks every field and passes the text through the personal-data guard, reporting all problems at once.
    ///
    /// # Errors
    /// Lists each field that is not acceptable.
    pub fn parse(&self) -> Result<ArticleInput, ValidationError> {
        let mut errors = ValidationError::default();
        let title = collect(&mut errors, "title", line(&self.title, 1, 200));
        let summary = collect(&mut errors, "summary", line(&self.summary, 0, 500));
        let body = collect(&mut errors, "body", multiline(&self.body, 1, MAX_BODY));
        let category = collect(
            &mut errors,
            "category",
            self.category.trim().parse::<Category>(),
        );
        let mut topics = Vec::new();
        for code in &self.topics {
            match code.trim().parse::<Topic>() {
                Ok(t) => topics.push(t),
                Err(e) => errors.push("topics", e.to_string()),
            }
        }
        let topics: Vec<Topic> = Topic::ALL
            .iter()
            .copied()
            .filter(|t| topics.contains(t))
            .collect();
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
        match (title, summary, body, category, language, marking) {
            (
                Some(title),
                Some(summary),
                Some(body),
                Some(category),
                Some(language),
                Some(marking),
            ) if errors.is_empty() => Ok(ArticleInput {
                title,
                summary,
                body,
                category,
                topics,
                language,
                marking,
                attribution: if self.anonymous {
                    Attribution::Anonymous
                } else {
                    Attribution::Named
                },
            }),
            _ => Err(errors),
        }
    }
}

/// The draft that reproduces an article (to pre-fill an edit form).
#[must_use]
pub fn draft_of(a: &Article) -> ArticleDraft {
    let item = &a.head.item;
    ArticleDraft {
        title: item.title.clone(),
        summary: item.summary.clone(),
        body: a.body.clone(),
        category: a.head.category.code().to_owned(),
        topics: a.head.topics.iter().map(|t| t.code().to_owned()).collect(),
        language: item.language.code().to_owned(),
        tlp: item.marking.tlp.label().to_owned(),
        audience: item.marking.audience.kind().code().to_owned(),
        audience_ids: item.marking.audience.id_strings(),
        anonymous: item.attribution == Attribution::Anonymous,
        // What is stored passed the guard: its confirmable findings were confirmed when it was saved.
        confirmed_personal_data: guard::confirmed_in([
            item.title.as_str(),
            item.summary.as_str(),
            a.body.as_str(),
        ]),
    }
}

/// Filters for the article list.
#[derive(Clone, Copy, Debug, Default)]
pub struct ArticleFilter {
    /// Only this category.
    pub category: Option<Category>,
    /// Only articles tagged with this topic.
    pub topic: Option<Topic>,
}

/// Publishes an article for the viewer's organization, as version 1.
///
/// # Errors
/// [`OpError::Forbidden`] when the viewer may not contribute; [`OpError::Conflict`] for an audience naming
/// something unknown.
pub async fn create(
    tx: &mut WriteTx,
    viewer: &Viewer,
    input: &ArticleInput,
) -> Result<ItemId, OpError> {
    let p = editing::contributor(viewer)?;
    let id = items::insert(
        tx,
        &NewItem {
            kind: ItemKind::Article,
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
        "INSERT INTO articles (item_id, category, body) VALUES ($1, $2, $3)"
    )
    .bind(id)
    .bind(input.category)
    .bind(&input.body)
    .execute(c)
    .await?
    .rows_affected());
    topics::set(tx, id, &input.topics).await?;
    save_version(tx, id, 1, input, p.person).await?;
    index(tx, id, input).await?;
    Ok(id)
}

/// Indexes the title, summary and text; the category and topics are matched too (`lessons learned`, `ai`).
async fn index(tx: &mut WriteTx, id: ItemId, input: &ArticleInput) -> Result<(), OpError> {
    let text = format!("{}\n{}", input.summary, input.body);
    let mut tags = vec![input.category.code()];
    tags.extend(input.topics.iter().map(|t| t.code()));
    search::put(tx, id, &input.title, &text, &tags.join(" ")).await?;
    Ok(())
}

async fn save_version(
    tx: &mut WriteTx,
    id: ItemId,
    version: i64,
    input: &ArticleInput,
    editor: PersonId,
) -> Result<(), OpError> {
    let now = tx.now();
    on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO article_versions (item_id, version, title, summary, body, editor_id, saved_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(id)
    .bind(version)
    .bind(&input.title)
    .bind(&input.summary)
    .bind(&input.body)
    .bind(editor)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected()
    });
    Ok(())
}

/// An article row: the envelope, the classification and (for single reads) the text, from one statement.
#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    envelope: EnvelopeRow,
    category: Category,
    topics: Option<String>,
    body: Option<String>,
}

/// The article columns; `$4` chooses whether the text comes along.
macro_rules! select_articles {
    () => {
        concat!(
            "SELECT ",
            ward_store::item_columns_sql!(),
            ", ar.category, ",
            ward_store::item_topics_sql!(),
            ", CASE WHEN $4 THEN ar.body END AS body FROM items i ",
            ward_store::item_joins_sql!(),
            " JOIN articles ar ON ar.item_id = i.id WHERE ",
            ward_store::visible_items_sql!()
        )
    };
}

fn articles_of(viewer: &Viewer, rows: Vec<Row>) -> Vec<Article> {
    let rows = rows
        .into_iter()
        .map(|r| (r.envelope, (r.category, r.topics, r.body)))
        .collect();
    items::readable_with(viewer, rows)
        .into_iter()
        .map(|(item, (category, topics, body))| Article {
            head: ArticleHead {
                item,
                category,
                topics: topics::parse(topics.as_deref()),
            },
            body: body.unwrap_or_default(),
        })
        .collect()
}

/// One article the viewer may read, with its text.
///
/// # Errors
/// On store errors.
pub async fn get(tx: &mut Tx, viewer: &Viewer, id: ItemId) -> Result<Option<Article>, OpError> {
    let v = ViewerParams::of(viewer);
    let row: Option<Row> = on_engine!(tx, |c| sqlx::query_as(concat!(
        select_articles!(),
        " AND i.id = $5"
    ))
    .bind(v.person)
    .bind(v.org)
    .bind(v.member)
    .bind(true)
    .bind(id)
    .fetch_optional(c)
    .await?);
    Ok(articles_of(viewer, row.into_iter().collect()).pop())
}

/// The articles the viewer may read, newest first, without their text.
///
/// # Errors
/// On store errors.
pub async fn list(
    tx: &mut Tx,
    viewer: &Viewer,
    filter: ArticleFilter,
    page: &PageRequest<Timestamp>,
) -> Result<Page<ArticleHead>, OpError> {
    let v = ViewerParams::of(viewer);
    let (after_at, after_id) = page.after.as_ref().map_or((None, None), |c| {
        (Some(c.key), Some(ItemId::from_uuid(c.id)))
    });
    let rows: Vec<Row> = on_engine!(tx, |c| {
        sqlx::query_as(concat!(
            select_articles!(),
            " AND ($5 IS NULL OR ar.category = $5)",
            " AND ($6 IS NULL OR EXISTS (SELECT 1 FROM item_topics ft WHERE ft.item_id = i.id AND ft.topic = $6))",
            " AND ($7 IS NULL OR (i.created_at, i.id) < ($7, $8))",
            " ORDER BY i.created_at DESC, i.id DESC LIMIT $9"
        ))
        .bind(v.person)
        .bind(v.org)
        .bind(v.member)
        .bind(false)
        .bind(filter.category)
        .bind(filter.topic)
        .bind(after_at)
        .bind(after_id)
        .bind(page.fetch_limit())
        .fetch_all(c)
        .await?
    });
    let fetched = rows.len();
    let kept: Vec<ArticleHead> = articles_of(viewer, rows)
        .into_iter()
        .map(|a| a.head)
        .collect();
    Ok(Page::from_checked_rows(kept, fetched, page.limit, |a| {
        a.item.cursor()
    }))
}

/// Saves a new version of an article. Anyone who may edit may narrow its marking; only the contributing
/// organization may widen it.
///
/// # Errors
/// [`OpError::NotFound`] when the viewer cannot read it; [`OpError::Forbidden`] when they may not edit or widen;
/// [`OpError::Stale`] when it changed since `expected_version`.
pub async fn update(
    tx: &mut WriteTx,
    viewer: &Viewer,
    id: ItemId,
    expected_version: Option<i64>,
    input: &ArticleInput,
) -> Result<Article, OpError> {
    let current = get(tx, viewer, id).await?.ok_or(OpError::NotFound)?;
    let item = &current.head.item;
    editing::check_update(
        tx,
        viewer,
        item,
        expected_version,
        &input.marking,
        input.attribution,
    )
    .await?;
    let editor = viewer
        .person_id()
        .ok_or(OpError::Forbidden(editing::CANNOT_EDIT))?;
    let version = items::update(
        tx,
        item,
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
        "UPDATE articles SET category = $2, body = $3 WHERE item_id = $1"
    )
    .bind(id)
    .bind(input.category)
    .bind(&input.body)
    .execute(c)
    .await?
    .rows_affected());
    topics::set(tx, id, &input.topics).await?;
    save_version(tx, id, version, input, editor).await?;
    index(tx, id, input).await?;
    // Built from what was written rather than read back: a narrowing may have taken the editor out of the
    // audience, and they still get to see the result of their own change.
    Ok(Article {
        head: ArticleHead {
            item: Item {
                title: input.title.clone(),
                summary: input.summary.clone(),
                language: input.language,
                attribution: input.attribution,
                marking: input.marking.clone(),
                updated_at: tx.now(),
                version,
                ..current.head.item
            },
            category: input.category,
            topics: input.topics.clone(),
        },
        body: input.body.clone(),
    })
}

/// Deletes an article with its history and comments.
///
/// # Errors
/// [`OpError::NotFound`] when the viewer cannot read it; [`OpError::Forbidden`] when they may not edit it.
pub async fn delete(tx: &mut WriteTx, viewer: &Viewer, id: ItemId) -> Result<(), OpError> {
    let current = get(tx, viewer, id).await?.ok_or(OpError::NotFound)?;
    editing::check_delete(viewer, &current.head.item)?;
    items::delete(tx, &current.head.item).await?;
    Ok(())
}

/// One saved version in an article's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct VersionInfo {
    /// The version number, from 1.
    pub version: i64,
    /// The title it had.
    pub title: String,
    /// Who saved it, when the viewer may know (never for an anonymous article read outside its organization).
    pub editor: Option<String>,
    /// When it was saved.
    pub saved_at: Timestamp,
}

/// The text of one saved version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct VersionText {
    /// The version number.
    pub version: i64,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Markdown text.
    pub body: String,
    /// When it was saved.
    pub saved_at: Timestamp,
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    version: i64,
    title: String,
    summary: String,
    body: String,
    editor: String,
    saved_at: Timestamp,
}

/// The history of an article the caller has read through the access policy (`article` came from [`get`]),
/// newest first.
///
/// # Errors
/// On store errors.
pub async fn versions(
    tx: &mut Tx,
    viewer: &Viewer,
    article: &ArticleHead,
) -> Result<Vec<VersionInfo>, OpError> {
    let rows = version_rows(tx, article.item.id, None).await?;
    let named = policy::reveals_contributor(viewer, &article.item.access());
    Ok(rows
        .into_iter()
        .map(|r| VersionInfo {
            version: r.version,
            title: r.title,
            editor: named.then_some(r.editor),
            saved_at: r.saved_at,
        })
        .collect())
}

/// One version's text, of an article the caller has read through the access policy.
///
/// # Errors
/// On store errors.
pub async fn version(
    tx: &mut Tx,
    article: &ArticleHead,
    number: i64,
) -> Result<Option<VersionText>, OpError> {
    let rows = version_rows(tx, article.item.id, Some(number)).await?;
    Ok(rows.into_iter().next().map(|r| VersionText {
        version: r.version,
        title: r.title,
        summary: r.summary,
        body: r.body,
        saved_at: r.saved_at,
    }))
}

async fn version_rows(
    tx: &mut Tx,
    id: ItemId,
    only: Option<i64>,
) -> Result<Vec<VersionRow>, OpError> {
    Ok(on_engine!(tx, |c| {
        sqlx::query_as(
        "SELECT v.version, v.title, v.summary, CASE WHEN $2 IS NULL THEN '' ELSE v.body END AS body, \
           p.display_name AS editor, v.saved_at \
         FROM article_versions v JOIN people p ON p.id = v.editor_id \
         WHERE v.item_id = $1 AND ($2 IS NULL OR v.version = $2) ORDER BY v.version DESC"
    )
    .bind(id)
    .bind(only)
    .fetch_all(c)
    .await?
    }))
}

/// The JSON form of an article for a viewer: the contributor only when the viewer may know it; the text only
/// when a single article is read.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ArticleView {
    /// Id.
    pub id: ItemId,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Category.
    pub category: Category,
    /// Topics.
    pub topics: Vec<Topic>,
    /// The Markdown text (single reads only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The text rendered to sanitized HTML (single reads only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// Language.
    pub language: Language,
    /// Marking.
    pub marking: Marking,
    /// Whether the contributor is hidden.
    pub anonymous: bool,
    /// Who contributed it, when the viewer may know.
    pub contributor: Option<ward_core::item::Contributor>,
    /// Created.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
    /// Version, for optimistic concurrency on updates; also the latest entry of its history.
    pub version: i64,
    /// Whether the viewer may edit it.
    pub can_edit: bool,
}

impl ArticleView {
    /// The list form: without the text.
    #[must_use]
    pub fn head(a: &ArticleHead, viewer: &Viewer) -> Self {
        let item = &a.item;
        Self {
            id: item.id,
            title: item.title.clone(),
            summary: item.summary.clone(),
            category: a.category,
            topics: a.topics.clone(),
            body: None,
            html: None,
            language: item.language,
            marking: item.marking.clone(),
            anonymous: item.attribution == Attribution::Anonymous,
            contributor: item.contributor_for(viewer),
            created_at: item.created_at,
            updated_at: item.updated_at,
            version: item.version,
            can_edit: policy::can_edit(viewer, &item.access()),
        }
    }

    /// The full form: with the Markdown and its HTML.
    #[must_use]
    pub fn full(a: &Article, viewer: &Viewer) -> Self {
        Self {
            body: Some(a.body.clone()),
            html: Some(crate::markdown::to_html(&a.body)),
            ..Self::head(&a.head, viewer)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ArticleDraft {
        ArticleDraft {
            title: "Ransomware: the first four hours".into(),
            body: "## Isolate\n\nPull the uplinks of the affected VLANs.".into(),
            category: "playbook".into(),
            topics: vec!["technical".into(), "policy".into(), "technical".into()],
            language: "en".into(),
            tlp: "GREEN".into(),
            audience: "community".into(),
            ..ArticleDraft::default()
        }
    }

    #[test]
    fn a_good_draft_parses_with_topics_in_order() {
        let input = draft().parse().unwrap();
        assert_eq!(input.category, Category::Playbook);
        assert_eq!(input.topics, vec![Topic::Policy, Topic::Technical]);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = ArticleDraft {
            body: String::new(),
            category: "novel".into(),
            topics: vec!["gardening".into()],
            ..draft()
        };
        let err = bad.parse().unwrap_err();
        for field in ["body", "category", "topics"] {
            assert!(err.message_for(field).is_some(), "{field}: {err}");
        }
    }

    #[test]
    fn the_guard_stops_a_national_number_in_the_text() {
        let bad = ArticleDraft {
            body: "The patient (85073003328) was not affected.".into(),
            ..draft()
        };
        let err = bad.parse().unwrap_err();
        assert_eq!(err.personal_data.len(), 1, "{err}");
    }
}

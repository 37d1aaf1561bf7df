//! The knowledge base in the UI: list with filters, read (rendered Markdown and comments), write, history and
//! differences between versions — all through the access policy.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ward_community::comments::{self, CommentDraft, CommentView};
use ward_community::diff::{self, DiffLine};
use ward_community::knowledge::{
    self, Article, ArticleDraft, ArticleFilter, ArticleHead, draft_of,
};
use ward_community::markdown;
use ward_core::ids::{CommentId, ItemId};
use ward_core::item::{ArticleCategory, Topic};
use ward_core::org::Language;
use ward_core::page::PageRequest;
use ward_core::policy;
use ward_core::time::Timestamp;
use ward_core::viewer::Viewer;
use ward_store::items;

use crate::auth::audit_ctx;
use crate::auth::session::{SignedIn, UiSession};
use crate::error::{AppError, AppResult};
use crate::forms::{NoFields, UiForm};
use crate::i18n::Tr;
use crate::net::RequestCtx;
use crate::state::AppState;
use crate::ui::guard::GuardPanel;
use crate::ui::home::DoneQuery;
use crate::ui::layout::{Errors, Layout, ok, page};
use crate::ui::marking::{MarkingPicker, chosen_ids, marking_problem_as_field};
use crate::ui::org::{Choice, choices};
use crate::ui::view::{TlpBadge, audience_words, contributor_words};

/// An article in a list.
struct ArticleRow {
    id: String,
    title: String,
    summary: String,
    category: String,
    topics: Vec<String>,
    tlp: TlpBadge,
    contributor: String,
    when: String,
}

impl ArticleRow {
    fn of(a: &ArticleHead, viewer: &Viewer, t: Tr) -> Self {
        Self {
            id: a.item.id.to_string(),
            title: a.item.title.clone(),
            summary: a.item.summary.clone(),
            category: category_name(t, a.category),
            topics: a.topics.iter().map(|x| topic_name(t, *x)).collect(),
            tlp: TlpBadge::of(a.item.marking.tlp),
            contributor: contributor_words(&a.item, viewer, t),
            when: t.datetime(&a.item.updated_at),
        }
    }
}

fn category_name(t: Tr, c: ArticleCategory) -> String {
    t.get(&format!("category-{}", c.code()))
}

fn topic_name(t: Tr, x: Topic) -> String {
    t.get(&format!("topic-{}", x.code()))
}

#[derive(Template)]
#[template(path = "knowledge.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<ArticleRow>,
    categories: Vec<Choice>,
    topics: Vec<Choice>,
    filter_query: String,
    next: Option<String>,
    can_contribute: bool,
}

/// Filters and the page position of the list.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    cursor: Option<String>,
    #[serde(default)]
    done: Option<String>,
}

/// `GET /knowledge`.
pub async fn list(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    // An unknown filter value from a hand-edited address means "no filter", not an error page.
    let category = q.category.as_deref().and_then(ArticleCategory::from_code);
    let topic = q.topic.as_deref().and_then(Topic::from_code);
    let request = PageRequest::<Timestamp>::parse(Some(25), q.cursor.as_deref())?;
    let mut tx = state.store().read().await?;
    let found =
        knowledge::list(&mut tx, viewer, ArticleFilter { category, topic }, &request).await?;
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    let mut filter_query = String::new();
    if let Some(c) = category {
        filter_query.push_str(&format!("&category={}", c.code()));
    }
    if let Some(x) = topic {
        filter_query.push_str(&format!("&topic={}", x.code()));
    }
    let category_choices = choices(
        t,
        ArticleCategory::ALL,
        ArticleCategory::code,
        "category",
        &category.into_iter().collect::<Vec<_>>(),
    );
    Ok(ok(&ListPage {
        layout: Layout::signed_in(
            t,
            &session,
            &community,
            t.get("knowledge-title"),
            "knowledge",
            "/knowledge",
        )
        .done(q.done.as_deref()),
        rows: found
            .items
            .iter()
            .map(|a| ArticleRow::of(a, viewer, t))
            .collect(),
        categories: category_choices,
        topics: choices(
            t,
            Topic::ALL,
            Topic::code,
            "topic",
            &topic.into_iter().collect::<Vec<_>>(),
        ),
        filter_query,
        next: found.next_cursor,
        can_contribute: policy::can_contribute(viewer),
    })
    .into_response())
}

#[derive(Template)]
#[template(path = "article.html")]
struct ShowPage {
    layout: Layout,
    id: String,
    row: ArticleRow,
    html: String,
    tlp_explained: String,
    audience: String,
    audience_names: Vec<String>,
    language: String,
    version: i64,
    can_edit: bool,
    comments: Vec<CommentRow>,
    comment_draft: String,
    guard: GuardPanel,
    errors: Errors,
}

struct CommentRow {
    id: String,
    who: String,
    when: String,
    html: String,
    can_delete: bool,
}

impl CommentRow {
    fn of(c: &CommentView, t: Tr) -> Self {
        Self {
            id: c.id.to_string(),
            who: match (&c.author, &c.organization) {
                (Some(a), Some(o)) => format!("{a} · {o}"),
                _ => t.get("contributor-anonymous"),
            },
            when: t.datetime(&c.created_at),
            html: c.html.clone(),
            can_delete: c.can_delete,
        }
    }
}

/// `GET /knowledge/{id}`. Reading an AMBER, AMBER+STRICT or RED article is recorded in the audit trail.
pub async fn show(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    SignedIn(session): SignedIn,
    Path(id): Path<ItemId>,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    show_page(
        &state,
        t,
        &req,
        &session,
        id,
        q.done.as_deref(),
        CommentDraft::default(),
        Errors::default(),
        StatusCode::OK,
    )
    .await
}

#[allow(
    clippy::too_many_arguments,
    reason = "one page, re-rendered with a rejected comment"
)]
async fn show_page(
    state: &AppState,
    t: Tr,
    req: &RequestCtx,
    session: &UiSession,
    id: ItemId,
    done: Option<&str>,
    comment: CommentDraft,
    errors: Errors,
    status: StatusCode,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let mut tx = state.store().read().await?;
    let a = knowledge::get(&mut tx, viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let item = &a.head.item;
    let names = items::audience_names(&mut tx, &item.marking.audience).await?;
    let thread = comments::list(&mut tx, viewer, item).await?;
    tx.finish().await?;
    if status == StatusCode::OK {
        crate::ops::record_reads(state, viewer, req, [item]).await?;
    }
    let community = state.settings().await?.community_name;
    let guard = GuardPanel::of(
        t,
        &errors.0,
        &[("body", t.get("field-comment"), &comment.body)],
        &comment.confirmed_personal_data,
    );
    Ok(page(
        status,
        &ShowPage {
            layout: Layout::signed_in(
                t,
                session,
                &community,
                item.title.clone(),
                "knowledge",
                &format!("/knowledge/{id}"),
            )
            .done(done),
            id: id.to_string(),
            html: markdown::to_html(&a.body),
            tlp_explained: t.get(&format!(
                "tlp-explain-{}",
                item.marking.tlp.code().replace('+', "-")
            )),
            audience: audience_words(&item.marking.audience, t),
            audience_names: names.into_iter().map(|(_, n)| n).collect(),
            language: t.get(&format!("language-{}", item.language.code())),
            version: item.version,
            can_edit: policy::can_edit(viewer, &item.access()),
            comments: thread.iter().map(|c| CommentRow::of(c, t)).collect(),
            comment_draft: comment.body,
            row: ArticleRow::of(&a.head, viewer, t),
            guard,
            errors,
        },
    ))
}

#[derive(Template)]
#[template(path = "article_form.html")]
struct FormPage {
    layout: Layout,
    action: String,
    cancel: String,
    editing: bool,
    version: i64,
    draft: ArticleDraft,
    languages: Vec<Choice>,
    categories: Vec<Choice>,
    topics: Vec<Choice>,
    marking: MarkingPicker,
    guard: GuardPanel,
    errors: Errors,
}

async fn form_page(
    state: &AppState,
    t: Tr,
    session: &UiSession,
    existing: Option<&Article>,
    draft: ArticleDraft,
    errors: Errors,
    status: StatusCode,
) -> AppResult<Response> {
    let marking =
        MarkingPicker::load(state, t, &draft.tlp, &draft.audience, &draft.audience_ids).await?;
    let language = draft.language.parse::<Language>().unwrap_or(t.language());
    let category = draft.category.parse::<ArticleCategory>().ok();
    let topics: Vec<Topic> = draft
        .topics
        .iter()
        .filter_map(|c| Topic::from_code(c))
        .collect();
    let community = state.settings().await?.community_name;
    let guard = GuardPanel::of(
        t,
        &errors.0,
        &[
            ("title", t.get("field-title"), &draft.title),
            ("summary", t.get("field-summary"), &draft.summary),
            ("body", t.get("field-body-markdown"), &draft.body),
        ],
        &draft.confirmed_personal_data,
    );
    let (title, action, path, cancel) = match existing {
        Some(a) => {
            let id = a.head.item.id;
            (
                t.get("article-edit"),
                format!("/knowledge/{id}"),
                format!("/knowledge/{id}/edit"),
                format!("/knowledge/{id}"),
            )
        }
        None => (
            t.get("article-new"),
            "/knowledge".to_owned(),
            "/knowledge/new".to_owned(),
            "/knowledge".to_owned(),
        ),
    };
    Ok(page(
        status,
        &FormPage {
            layout: Layout::signed_in(t, session, &community, title, "knowledge", &path),
            action,
            cancel,
            editing: existing.is_some(),
            version: existing.map_or(0, |a| a.head.item.version),
            languages: choices(t, Language::ALL, Language::code, "language", &[language]),
            categories: choices(
                t,
                ArticleCategory::ALL,
                ArticleCategory::code,
                "category",
                &category.into_iter().collect::<Vec<_>>(),
            ),
            topics: choices(t, Topic::ALL, Topic::code, "topic", &topics),
            marking,
            draft,
            guard,
            errors,
        },
    ))
}

/// `GET /knowledge/new`.
pub async fn new_form(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
) -> AppResult<Response> {
    if !policy::can_contribute(&session.viewer) {
        return Err(AppError::Forbidden(
            ward_community::editing::CANNOT_CONTRIBUTE.into(),
        ));
    }
    // Lessons learned are shared anonymously by default: that is what makes members write them.
    let draft = ArticleDraft {
        tlp: ward_core::tlp::Tlp::Green.label().to_owned(),
        audience: "community".into(),
        language: t.code().to_owned(),
        category: ArticleCategory::LessonsLearned.code().to_owned(),
        anonymous: true,
        ..ArticleDraft::default()
    };
    form_page(
        &state,
        t,
        &session,
        None,
        draft,
        Errors::default(),
        StatusCode::OK,
    )
    .await
}

/// The article form as posted.
#[derive(Deserialize, Default)]
pub struct ArticleForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    language: String,
    #[serde(default)]
    tlp: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    audience_groups: Vec<String>,
    #[serde(default)]
    audience_orgs: Vec<String>,
    #[serde(default)]
    audience_people: Vec<String>,
    #[serde(default)]
    anonymous: Option<String>,
    #[serde(default)]
    version: Option<i64>,
    #[serde(default)]
    confirm: Vec<String>,
}

impl ArticleForm {
    fn draft(self) -> (ArticleDraft, Option<i64>) {
        let ids = chosen_ids(
            &self.audience,
            self.audience_groups,
            self.audience_orgs,
            self.audience_people,
        );
        (
            ArticleDraft {
                title: self.title,
                summary: self.summary,
                body: self.body,
                category: self.category,
                topics: self.topics,
                language: self.language,
                tlp: self.tlp,
                audience: self.audience,
                audience_ids: ids,
                anonymous: self.anonymous.is_some(),
                confirmed_personal_data: self.confirm,
            },
            self.version,
        )
    }
}

/// `POST /knowledge`.
pub async fn create(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, form): UiForm<ArticleForm>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    if !policy::can_contribute(viewer) {
        return Err(AppError::Forbidden(
            ward_community::editing::CANNOT_CONTRIBUTE.into(),
        ));
    }
    let (draft, _) = form.draft();
    let result = async {
        let input = draft.parse()?;
        let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
        let id = knowledge::create(&mut tx, viewer, &input).await?;
        tx.commit().await?;
        Ok::<_, AppError>(id)
    }
    .await;
    match result.map_err(marking_problem_as_field) {
        Ok(id) => Ok(Redirect::to(&format!("/knowledge/{id}?done=created")).into_response()),
        Err(AppError::Invalid(e)) => {
            form_page(
                &state,
                t,
                &session,
                None,
                draft,
                Errors(e),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

async fn editable(state: &AppState, session: &UiSession, id: ItemId) -> AppResult<Article> {
    let mut tx = state.store().read().await?;
    let a = knowledge::get(&mut tx, &session.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.finish().await?;
    if policy::can_edit(&session.viewer, &a.head.item.access()) {
        Ok(a)
    } else {
        Err(AppError::Forbidden(
            ward_community::editing::CANNOT_EDIT.into(),
        ))
    }
}

/// `GET /knowledge/{id}/edit`.
pub async fn edit_form(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Path(id): Path<ItemId>,
) -> AppResult<Response> {
    let a = editable(&state, &session, id).await?;
    let draft = draft_of(&a);
    form_page(
        &state,
        t,
        &session,
        Some(&a),
        draft,
        Errors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /knowledge/{id}`: saves a new version.
pub async fn update(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    Path(id): Path<ItemId>,
    UiForm(session, form): UiForm<ArticleForm>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let (draft, version) = form.draft();
    let result = async {
        let input = draft.parse()?;
        let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
        knowledge::update(&mut tx, viewer, id, version, &input).await?;
        tx.commit().await?;
        Ok::<_, AppError>(())
    }
    .await;
    match result.map_err(marking_problem_as_field) {
        Ok(()) => Ok(Redirect::to(&format!("/knowledge/{id}?done=saved")).into_response()),
        Err(AppError::Invalid(e)) => {
            let existing = editable(&state, &session, id).await?;
            form_page(
                &state,
                t,
                &session,
                Some(&existing),
                draft,
                Errors(e),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `POST /knowledge/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    req: RequestCtx,
    Path(id): Path<ItemId>,
    UiForm(session, _): UiForm<NoFields>,
) -> AppResult<Response> {
    let mut tx = state
        .store()
        .write(audit_ctx(&session.viewer, &req))
        .await?;
    knowledge::delete(&mut tx, &session.viewer, id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/knowledge?done=deleted").into_response())
}

#[derive(Template)]
#[template(path = "article_history.html")]
struct HistoryPage {
    layout: Layout,
    id: String,
    title: String,
    versions: Vec<VersionRow>,
    from: i64,
    to: i64,
    lines: Vec<DiffLine>,
    compared: bool,
    diff_title: String,
}

struct VersionRow {
    version: i64,
    title: String,
    editor: String,
    when: String,
}

/// Which two versions to compare.
#[derive(Deserialize, Default)]
pub struct CompareQuery {
    #[serde(default)]
    from: Option<i64>,
    #[serde(default)]
    to: Option<i64>,
}

/// `GET /knowledge/{id}/history`: the versions, and the difference between two of them (by default the last
/// change).
pub async fn history(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Path(id): Path<ItemId>,
    Query(q): Query<CompareQuery>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let mut tx = state.store().read().await?;
    let a = knowledge::get(&mut tx, viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let versions = knowledge::versions(&mut tx, viewer, &a.head).await?;
    let latest = a.head.item.version;
    let to = q.to.unwrap_or(latest);
    let from = q.from.unwrap_or(to - 1).max(1);
    let older = knowledge::version(&mut tx, &a.head, from).await?;
    let newer = knowledge::version(&mut tx, &a.head, to).await?;
    tx.finish().await?;
    let (lines, compared) = match (older, newer) {
        (Some(o), Some(n)) if o.version != n.version => {
            (diff::lines(&side(&o), &side(&n), 3), true)
        }
        _ => (Vec::new(), false),
    };
    let community = state.settings().await?.community_name;
    Ok(ok(&HistoryPage {
        layout: Layout::signed_in(
            t,
            &session,
            &community,
            t.with1("article-history-title", "title", a.head.item.title.clone()),
            "knowledge",
            &format!("/knowledge/{id}/history"),
        ),
        id: id.to_string(),
        title: a.head.item.title.clone(),
        versions: versions
            .iter()
            .map(|v| VersionRow {
                version: v.version,
                title: v.title.clone(),
                editor: v
                    .editor
                    .clone()
                    .unwrap_or_else(|| t.get("contributor-anonymous")),
                when: t.datetime(&v.saved_at),
            })
            .collect(),
        diff_title: t.with(
            "article-diff-title",
            &[("from", from.to_string()), ("to", to.to_string())],
        ),
        from,
        to,
        lines,
        compared,
    })
    .into_response())
}

/// A version as compared: its title and summary above its text, so changes to them show too.
fn side(v: &knowledge::VersionText) -> String {
    format!("# {}\n\n{}\n\n{}\n", v.title, v.summary, v.body)
}

/// The comment form as posted.
#[derive(Deserialize, Default)]
pub struct CommentForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    confirm: Vec<String>,
}

/// `POST /knowledge/{id}/comments`.
pub async fn comment(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    Path(id): Path<ItemId>,
    UiForm(session, form): UiForm<CommentForm>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let draft = CommentDraft {
        body: form.body,
        confirmed_personal_data: form.confirm,
    };
    let result = async {
        let body = draft.parse()?;
        let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
        comments::add(&mut tx, viewer, id, &body).await?;
        tx.commit().await?;
        Ok::<_, AppError>(())
    }
    .await;
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/knowledge/{id}?done=commented#comments")).into_response())
        }
        Err(AppError::Invalid(e)) => {
            show_page(
                &state,
                t,
                &req,
                &session,
                id,
                None,
                draft,
                Errors(e),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `POST /knowledge/{id}/comments/{comment}/delete`.
pub async fn delete_comment(
    State(state): State<AppState>,
    req: RequestCtx,
    Path((id, comment)): Path<(ItemId, CommentId)>,
    UiForm(session, _): UiForm<NoFields>,
) -> AppResult<Response> {
    let mut tx = state
        .store()
        .write(audit_ctx(&session.viewer, &req))
        .await?;
    comments::delete(&mut tx, &session.viewer, id, comment).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/knowledge/{id}?done=deleted#comments")).into_response())
}

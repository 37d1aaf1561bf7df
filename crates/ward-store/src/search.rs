//! Full-text search over items of every kind: SQLite FTS5 and PostgreSQL `tsvector` behind one interface.
//!
//! Every result and every count goes through [`visible_items_sql!`] in the same statement as the match, and the
//! rows are checked once more against the pure policy, so a search never reveals, counts or snippets an item the
//! viewer may not read.

use ward_core::ids::ItemId;
use ward_core::item::{Item, ItemKind, Topic};
use ward_core::org::Language;
use ward_core::search::{SearchText, index_text};
use ward_core::time::Timestamp;
use ward_core::tlp::Tlp;
use ward_core::viewer::Viewer;

use crate::db::{Tx, WriteTx};
use crate::error::StoreResult;
use crate::items::{self, EnvelopeRow, ViewerParams};
use crate::{item_columns_sql, item_joins_sql, on_engine, visible_items_sql};

/// Puts an item's searchable text in the index, replacing what was there. `text` is the original (summary and
/// body), kept for snippets; `extra` is only matched (tags, say).
///
/// # Errors
/// On database errors.
pub async fn put(
    tx: &mut WriteTx,
    item: ItemId,
    title: &str,
    text: &str,
    extra: &str,
) -> StoreResult<()> {
    // An empty summary would otherwise start every snippet with a line break.
    let text = text.trim();
    let title_words = index_text(title);
    let body_words = index_text(&format!("{text}\n{extra}"));
    on_engine!(tx,
        sqlite: |c| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO search_docs (item_id, text) VALUES ($1, $2) \
                 ON CONFLICT (item_id) DO UPDATE SET text = excluded.text RETURNING id",
            )
            .bind(item)
            .bind(text)
            .fetch_one(&mut *c)
            .await?;
            sqlx::query("DELETE FROM search_fts WHERE rowid = $1")
                .bind(id)
                .execute(&mut *c)
                .await?;
            sqlx::query("INSERT INTO search_fts (rowid, title, body) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(&title_words)
                .bind(&body_words)
                .execute(&mut *c)
                .await?;
        },
        postgres: |c| {
            sqlx::query(
                "INSERT INTO search_docs (item_id, text, title_words, body_words) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (item_id) DO UPDATE SET text = excluded.text, title_words = excluded.title_words, \
                 body_words = excluded.body_words",
            )
            .bind(item)
            .bind(text)
            .bind(&title_words)
            .bind(&body_words)
            .execute(&mut *c)
            .await?;
        },
    );
    Ok(())
}

/// Narrows a search.
#[derive(Clone, Copy, Debug, Default)]
pub struct SearchFilter {
    /// Only this kind.
    pub kind: Option<ItemKind>,
    /// Only items with this topic.
    pub topic: Option<Topic>,
    /// Only this TLP label.
    pub tlp: Option<Tlp>,
    /// Only this content language.
    pub language: Option<Language>,
    /// Changed at or after.
    pub from: Option<Timestamp>,
    /// Changed before.
    pub until: Option<Timestamp>,
}

/// One result: the item and its original text (for a snippet).
#[derive(Clone, Debug)]
pub struct Hit {
    /// The item, as the viewer may see it.
    pub item: Item,
    /// Its searchable text.
    pub text: String,
}

/// A page of results with the number of readable matches in all.
#[derive(Clone, Debug)]
pub struct Results {
    /// Readable matches in all, up to [`COUNT_CAP`].
    pub total: i64,
    /// Whether there are more readable matches than [`COUNT_CAP`].
    pub more: bool,
    /// This page, best first.
    pub hits: Vec<Hit>,
}

#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    envelope: EnvelopeRow,
    text: String,
}

/// The conditions after the visibility predicate: `$5` kind, `$6` topic, `$7` TLP, `$8` language, `$9` from,
/// `$10` until.
macro_rules! filters_sql {
    () => {
        " AND ($5 IS NULL OR i.kind = $5) \
          AND ($6 IS NULL OR EXISTS (SELECT 1 FROM item_topics st WHERE st.item_id = i.id AND st.topic = $6)) \
          AND ($7 IS NULL OR i.tlp = $7) AND ($8 IS NULL OR i.language = $8) \
          AND ($9 IS NULL OR i.updated_at >= $9) AND ($10 IS NULL OR i.updated_at < $10)"
    };
}

/// A page of results: the inner statement chooses the best readable matches (ids and order); the envelope
/// columns, with their per-row subqueries, are computed for that page only.
macro_rules! page_of {
    ($inner:expr) => {
        concat!(
            "SELECT ",
            item_columns_sql!(),
            ", d.text FROM (",
            $inner,
            ") s \
             JOIN items i ON i.id = s.item_id JOIN search_docs d ON d.item_id = i.id ",
            item_joins_sql!(),
            " ORDER BY s.score, s.updated_at DESC, s.item_id DESC"
        )
    };
}

/// The readable matches on SQLite, counted up to `$11`. The full-text match runs once, as the outer loop (in a
/// subquery); joined the other way round, FTS5 would evaluate the match again for every item row.
const SQLITE_COUNT: &str = concat!(
    "SELECT COUNT(*) FROM (SELECT 1 FROM (SELECT rowid AS rid FROM search_fts WHERE search_fts MATCH $4) f \
     JOIN search_docs d ON d.id = f.rid JOIN items i ON i.id = d.item_id WHERE ",
    visible_items_sql!(),
    filters_sql!(),
    " LIMIT $11) c"
);

/// The best `$11` matches by rank, then the readable ones among them, `$12` from `$13`.
const SQLITE_PAGE: &str = page_of!(concat!(
    "SELECT d.item_id, f.score, i.updated_at FROM \
     (SELECT rowid AS rid, bm25(search_fts, 4.0, 1.0) AS score FROM search_fts WHERE search_fts MATCH $4 \
      ORDER BY score LIMIT $11) f \
     JOIN search_docs d ON d.id = f.rid JOIN items i ON i.id = d.item_id WHERE ",
    visible_items_sql!(),
    filters_sql!(),
    " ORDER BY f.score, i.updated_at DESC, i.id DESC LIMIT $12 OFFSET $13"
));

/// As [`SQLITE_COUNT`], on PostgreSQL. The matches are collected first (through the index): with the `LIMIT` in
/// view, the planner would otherwise scan the whole table hoping to find enough rows early, and it overestimates
/// prefix matches by far.
const POSTGRES_COUNT: &str = concat!(
    "WITH m AS MATERIALIZED (SELECT item_id FROM search_docs WHERE tsv @@ to_tsquery('simple', $4)) \
     SELECT COUNT(*) FROM (SELECT 1 FROM m JOIN items i ON i.id = m.item_id WHERE ",
    visible_items_sql!(),
    filters_sql!(),
    " LIMIT $11) c"
);

/// As [`SQLITE_PAGE`], on PostgreSQL; scores are negated so that lower is better on both engines.
const POSTGRES_PAGE: &str = page_of!(concat!(
    "SELECT d.item_id, f.score, i.updated_at FROM \
     (SELECT d0.item_id AS cid, -ts_rank_cd(d0.tsv, to_tsquery('simple', $4)) AS score FROM search_docs d0 \
      WHERE d0.tsv @@ to_tsquery('simple', $4) ORDER BY score LIMIT $11) f \
     JOIN search_docs d ON d.item_id = f.cid JOIN items i ON i.id = d.item_id WHERE ",
    visible_items_sql!(),
    filters_sql!(),
    " ORDER BY f.score, i.updated_at DESC, i.id DESC LIMIT $12 OFFSET $13"
));

/// Readable matches are counted up to this many; beyond it, "more than" is what a person needs to know.
pub const COUNT_CAP: i64 = 200;

/// Binds the parameters every search statement shares.
macro_rules! bind_common {
    ($q:expr, $v:expr, $query:expr, $f:expr) => {
        $q.bind($v.person)
            .bind($v.org)
            .bind($v.member)
            .bind($query)
            .bind($f.kind)
            .bind($f.topic)
            .bind($f.tlp)
            .bind($f.language)
            .bind($f.from)
            .bind($f.until)
    };
}

/// Searches the items the viewer may read, best matches first (title words weigh more), `limit` from `offset`.
///
/// The best-ranked matches are taken first and the readable ones kept; only when they do not fill the page while
/// more readable matches exist is the whole match set ranked. Both give the same page.
///
/// # Errors
/// On database errors.
pub async fn query(
    tx: &mut Tx,
    viewer: &Viewer,
    text: &SearchText,
    filter: SearchFilter,
    limit: i64,
    offset: i64,
) -> StoreResult<Results> {
    let v = ViewerParams::of(viewer);
    let counted = count(tx, v, text, filter).await?;
    let total = counted.min(COUNT_CAP);
    let candidates = (4 * (offset + limit)).max(200);
    let mut rows = page(tx, v, text, filter, candidates, limit, offset).await?;
    let found = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    if found < limit && counted > offset + found {
        rows = page(tx, v, text, filter, i64::MAX, limit, offset).await?;
    }
    let rows = rows.into_iter().map(|r| (r.envelope, r.text)).collect();
    let hits = items::readable_with(viewer, rows)
        .into_iter()
        .map(|(item, text)| Hit { item, text })
        .collect();
    Ok(Results {
        total,
        more: counted > COUNT_CAP,
        hits,
    })
}

async fn count(
    tx: &mut Tx,
    v: ViewerParams,
    text: &SearchText,
    filter: SearchFilter,
) -> StoreResult<i64> {
    Ok(on_engine!(tx,
        sqlite: |c| bind_common!(sqlx::query_scalar(SQLITE_COUNT), v, text.fts5(), filter)
            .bind(COUNT_CAP + 1)
            .fetch_one(c)
            .await?,
        postgres: |c| bind_common!(sqlx::query_scalar(POSTGRES_COUNT), v, text.tsquery(), filter)
            .bind(COUNT_CAP + 1)
            .fetch_one(c)
            .await?,
    ))
}

async fn page(
    tx: &mut Tx,
    v: ViewerParams,
    text: &SearchText,
    filter: SearchFilter,
    candidates: i64,
    limit: i64,
    offset: i64,
) -> StoreResult<Vec<Row>> {
    Ok(on_engine!(tx,
        sqlite: |c| bind_common!(sqlx::query_as(SQLITE_PAGE), v, text.fts5(), filter)
            .bind(candidates)
            .bind(limit)
            .bind(offset)
            .fetch_all(c)
            .await?,
        postgres: |c| bind_common!(sqlx::query_as(POSTGRES_PAGE), v, text.tsquery(), filter)
            .bind(candidates)
            .bind(limit)
            .bind(offset)
            .fetch_all(c)
            .await?,
    ))
}

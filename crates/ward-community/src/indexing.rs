//! Keeps the search index complete: items written before the index existed (or by an older version) are indexed
//! when Ward opens the database.

use ward_core::ids::ItemId;
use ward_core::item::{ArticleCategory, Topic};
use ward_store::{OpError, Store, Tx, on_engine, search, topics};

#[derive(sqlx::FromRow)]
struct Missing {
    id: ItemId,
    title: String,
    summary: String,
    body: String,
    category: Option<ArticleCategory>,
    topics: Option<String>,
}

/// Indexes every announcement and article that has no search document yet; returns how many.
///
/// # Errors
/// On store errors.
pub async fn index_missing(store: &Store) -> Result<usize, OpError> {
    // Read first: almost always nothing is missing, and then no write lock is taken at start-up.
    let mut tx = store.read().await?;
    let any = !missing(&mut tx).await?.is_empty();
    tx.finish().await?;
    if !any {
        return Ok(0);
    }
    // Read again under the write lock, so a text a running server saved meanwhile is not replaced by an older one.
    let mut tx = store.housekeeping().await?;
    let missing = missing(&mut tx).await?;
    for m in &missing {
        let text = format!("{}\n{}", m.summary, m.body);
        let mut tags: Vec<&str> = m.category.iter().map(|c| c.code()).collect();
        let topics: Vec<Topic> = topics::parse(m.topics.as_deref());
        tags.extend(topics.iter().map(|t| t.code()));
        search::put(&mut tx, m.id, &m.title, &text, &tags.join(" ")).await?;
    }
    tx.commit().await?;
    Ok(missing.len())
}

async fn missing(tx: &mut Tx) -> Result<Vec<Missing>, OpError> {
    Ok(on_engine!(tx, |c| {
        sqlx::query_as(concat!(
        "SELECT i.id, i.title, i.summary, COALESCE(an.body, ar.body, '') AS body, ar.category, ",
        ward_store::item_topics_sql!(),
        " FROM items i LEFT JOIN announcements an ON an.item_id = i.id LEFT JOIN articles ar ON ar.item_id = i.id \
          WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.item_id = i.id)"
    ))
    .fetch_all(c)
    .await?
    }))
}

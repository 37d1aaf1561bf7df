//! Topic tags on items of any kind: the focus group's tracks, so members can follow what concerns them.

use ward_core::ids::ItemId;
use ward_core::item::Topic;

use crate::db::WriteTx;
use crate::error::StoreResult;
use crate::on_engine;

/// The column `topics`: an item's topics as one comma-separated text (both engines have `string_agg`).
#[macro_export]
macro_rules! item_topics_sql {
    () => {
        "(SELECT string_agg(it.topic, ',') FROM item_topics it WHERE it.item_id = i.id) AS topics"
    };
}

/// Replaces an item's topics.
///
/// # Errors
/// On database errors.
pub async fn set(tx: &mut WriteTx, item: ItemId, topics: &[Topic]) -> StoreResult<()> {
    on_engine!(tx, |c| sqlx::query(
        "DELETE FROM item_topics WHERE item_id = $1"
    )
    .bind(item)
    .execute(c)
    .await?
    .rows_affected());
    for topic in topics {
        on_engine!(tx, |c| sqlx::query(
            "INSERT INTO item_topics (item_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        )
        .bind(item)
        .bind(*topic)
        .execute(c)
        .await?
        .rows_affected());
    }
    Ok(())
}

/// Reads the `topics` column back, in the enumeration's order; unknown codes are left out.
#[must_use]
pub fn parse(column: Option<&str>) -> Vec<Topic> {
    let found: Vec<Topic> = column
        .unwrap_or_default()
        .split(',')
        .filter_map(Topic::from_code)
        .collect();
    Topic::ALL
        .iter()
        .copied()
        .filter(|t| found.contains(t))
        .collect()
}

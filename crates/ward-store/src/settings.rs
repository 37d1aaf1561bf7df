//! Community settings, stored as one JSON document.

use ward_core::audit::actions;
use ward_core::settings::CommunitySettings;

use crate::db::{Tx, WriteTx};
use crate::error::{StoreError, StoreResult};
use crate::on_engine;

const KEY: &str = "community";

/// The current settings (defaults until the coordinator changes them).
///
/// # Errors
/// On database errors, or when the stored document is not valid.
pub async fn get(tx: &mut Tx) -> StoreResult<CommunitySettings> {
    let value: Option<String> = on_engine!(tx, |c| sqlx::query_scalar(
        "SELECT value FROM community_settings WHERE key = $1"
    )
    .bind(KEY)
    .fetch_optional(c)
    .await?);
    match value {
        None => Ok(CommunitySettings::default()),
        Some(json) => serde_json::from_str(&json)
            .map_err(|e| StoreError::Corrupt(format!("community settings: {e}"))),
    }
}

/// Replaces the settings.
///
/// # Errors
/// On database errors.
pub async fn put(tx: &mut WriteTx, settings: &CommunitySettings) -> StoreResult<()> {
    let json = serde_json::to_string(settings).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    on_engine!(tx, |c| sqlx::query(
        "INSERT INTO community_settings (key, value) VALUES ($1, $2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    )
    .bind(KEY)
    .bind(&json)
    .execute(c)
    .await?
    .rows_affected());
    tx.record(
        actions::SETTINGS_UPDATED,
        None,
        Some(("settings", KEY.to_owned())),
        serde_json::to_value(settings).unwrap_or_default(),
    );
    Ok(())
}

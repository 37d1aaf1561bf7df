//! What every request handler can reach.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use metrics_exporter_prometheus::PrometheusHandle;
use ward_core::settings::CommunitySettings;
use ward_store::{Store, StoreResult};

use crate::config::WebConfig;

/// Shared state: the store, the configuration and the metrics registry.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    store: Store,
    config: WebConfig,
    metrics: PrometheusHandle,
    started: Instant,
    settings: RwLock<Option<(Instant, CommunitySettings)>>,
}

/// How long community settings are cached. Other server processes see a change within this time.
const SETTINGS_TTL: Duration = Duration::from_secs(5);

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("config", &self.0.config)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// State for a server on `store`.
    #[must_use]
    pub fn new(store: Store, config: WebConfig) -> Self {
        Self(Arc::new(Inner {
            store,
            config,
            metrics: crate::metrics::handle(),
            started: Instant::now(),
            settings: RwLock::new(None),
        }))
    }

    /// The store.
    #[must_use]
    pub fn store(&self) -> &Store {
        &self.0.store
    }

    /// The configuration.
    #[must_use]
    pub fn config(&self) -> &WebConfig {
        &self.0.config
    }

    pub(crate) fn metrics(&self) -> &PrometheusHandle {
        &self.0.metrics
    }

    /// The community settings, cached for a few seconds (read on every request).
    ///
    /// # Errors
    /// On store errors.
    pub async fn settings(&self) -> StoreResult<CommunitySettings> {
        if let Ok(guard) = self.0.settings.read()
            && let Some((at, settings)) = guard.as_ref()
            && at.elapsed() < SETTINGS_TTL
        {
            return Ok(settings.clone());
        }
        let mut tx = self.0.store.read().await?;
        let settings = ward_store::settings::get(&mut tx).await?;
        tx.finish().await?;
        if let Ok(mut guard) = self.0.settings.write() {
            *guard = Some((Instant::now(), settings.clone()));
        }
        Ok(settings)
    }

    /// Drops the cached settings (after this process changed them).
    pub fn forget_settings(&self) {
        if let Ok(mut guard) = self.0.settings.write() {
            *guard = None;
        }
    }

    pub(crate) fn uptime_seconds(&self) -> f64 {
        self.0.started.elapsed().as_secs_f64()
    }
}

//! `ward serve`.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use ward_core::time::SystemClock;
use ward_store::jobs::Worker;
use ward_store::{Store, StoreOptions, jobs, sessions, throttle};
use ward_web::{AppState, WebConfig};

use crate::config::{self, CommonArgs, FileConfig, Overrides};
use crate::output;

/// Options of `ward serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address and port to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "WARD_LISTEN", value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
    /// The address people use to reach Ward, e.g. https://ward.example.org. Invitation links use it; when it is
    /// https, cookies are Secure and HSTS is sent.
    #[arg(long, env = "WARD_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    /// Trust X-Forwarded-For and X-Forwarded-Proto from the reverse proxy in front of Ward.
    #[arg(long, env = "WARD_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// The largest request body accepted, in bytes [default: 1048576].
    #[arg(long, env = "WARD_MAX_BODY_BYTES", value_name = "BYTES")]
    pub max_body_bytes: Option<usize>,
    /// The most database connections [default: 10].
    #[arg(long, env = "WARD_DB_MAX_CONNECTIONS", value_name = "N")]
    pub db_max_connections: Option<u32>,
    /// Do not run the background worker in this process (another process runs it).
    #[arg(long, env = "WARD_NO_WORKER")]
    pub no_worker: bool,
    /// Load a demo community (idempotent) and print its sign-in accounts.
    #[arg(long)]
    pub demo: bool,
}

/// Sets up logging once per process.
pub fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("WARD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if format == "json" {
        builder.json().try_init()
    } else {
        builder.compact().try_init()
    };
}

/// Opens the configured database and applies migrations.
///
/// # Errors
/// When the database cannot be opened or migrated.
pub async fn open_store(config: &FileConfig) -> Result<Store> {
    let target = config.database()?;
    let store = Store::open(
        &target,
        StoreOptions {
            max_connections: config.db_max_connections,
            clock: Arc::new(SystemClock),
        },
    )
    .await
    .with_context(|| format!("cannot open the database {target}"))?;
    store
        .migrate()
        .await
        .context("cannot apply the database migrations")?;
    let indexed = ward_community::indexing::index_missing(&store)
        .await
        .map_err(|e| anyhow::anyhow!("cannot complete the search index: {e}"))?;
    if indexed > 0 {
        tracing::info!(indexed, "items added to the search index");
    }
    Ok(store)
}

/// The job that removes expired sessions, old throttle entries and finished jobs.
pub const MAINTENANCE_JOB: &str = "maintenance.purge";

async fn maintenance(store: Store) -> Result<(), String> {
    let run = async {
        let mut tx = store.housekeeping().await?;
        let now = tx.now();
        // Sessions are checked against the community limits on every request; these bounds only clear the table.
        let removed = sessions::purge(
            &mut tx,
            now.minus(Duration::days(1)),
            now.minus(Duration::days(8)),
        )
        .await?;
        throttle::purge(&mut tx, now.minus(Duration::days(1))).await?;
        jobs::purge_finished(&mut tx, now.minus(Duration::days(14))).await?;
        tx.commit().await?;
        tracing::debug!(removed, "maintenance done");
        Ok::<(), ward_store::StoreError>(())
    };
    run.await.map_err(|e| e.to_string())
}

/// The worker with every job Ward knows.
#[must_use]
pub fn worker(store: Store) -> Worker {
    Worker::new(store)
        .handle(MAINTENANCE_JOB, |store, _| maintenance(store))
        .every(MAINTENANCE_JOB, Duration::minutes(10))
}

/// Runs the server.
///
/// # Errors
/// When configuration, database or listening fails.
pub async fn run(common: &CommonArgs, args: ServeArgs) -> Result<()> {
    let started = Instant::now();
    let config = config::load(
        common,
        Overrides {
            listen: args.listen,
            public_url: args.public_url.clone(),
            trust_proxy: args.trust_proxy.then_some(true),
            max_body_bytes: args.max_body_bytes,
            db_max_connections: args.db_max_connections,
            worker: args.no_worker.then_some(false),
            ..Overrides::default()
        },
    )?;
    init_logging(&config.log_format);
    let public_url = config.public_url()?;
    let store = open_store(&config).await?;
    if args.demo {
        let logins = crate::demo::seed(&store)
            .await
            .context("cannot load the demo community")?;
        crate::demo::print(&logins, &config, public_url.as_ref());
    }
    let listener = TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    let local = listener.local_addr()?;
    let state = AppState::new(
        store.clone(),
        WebConfig {
            public_url: public_url.clone(),
            trust_proxy: config.trust_proxy,
            max_body_bytes: config.max_body_bytes,
            demo: args.demo,
            ..WebConfig::default()
        },
    );
    let (stop_tx, stop_rx) = watch::channel(false);
    let worker_task = config
        .worker
        .then(|| tokio::spawn(worker(store.clone()).run(stop_rx.clone())));
    let shown = public_url.map_or_else(|| format!("http://{local}"), |u| u.to_string());
    tracing::info!(
        address = %local,
        database = store.engine().name(),
        startup_ms = started.elapsed().as_millis(),
        "Ward is ready"
    );
    output::line(&format!(
        "Ward is listening on {shown} (database: {})",
        store.engine().name()
    ));
    let shutdown = async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        let _ = stop_tx.send(true);
    };
    ward_web::serve(listener, state, shutdown)
        .await
        .context("the server stopped")?;
    if let Some(task) = worker_task {
        let _ = task.await;
    }
    store.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

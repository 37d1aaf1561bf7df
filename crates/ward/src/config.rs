//! Configuration: flags, then `WARD_*` environment variables (and `WARD_*_FILE` for secrets), then the config file,
//! then defaults.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use figment::Figment;
use figment::providers::{Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use ward_store::DatabaseTarget;

/// Options every command takes.
#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// A TOML configuration file (see docs/operations.md for the keys).
    #[arg(long, global = true, env = "WARD_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Where Ward keeps its embedded database and files [default: ./ward-data].
    #[arg(long, global = true, env = "WARD_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// A PostgreSQL URL (postgres://user:password@host/db) instead of the embedded SQLite database. The URL can also
    /// be read from the file named by WARD_DATABASE_URL_FILE.
    #[arg(
        long,
        global = true,
        env = "WARD_DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,
    /// Log format: text or json [default: text].
    #[arg(long, global = true, env = "WARD_LOG_FORMAT", value_name = "FORMAT")]
    pub log_format: Option<String>,
}

/// The settings that can come from the config file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FileConfig {
    /// Data directory.
    pub data_dir: PathBuf,
    /// PostgreSQL URL.
    pub database_url: Option<String>,
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Public address.
    pub public_url: Option<String>,
    /// Trust `X-Forwarded-*` from a reverse proxy.
    pub trust_proxy: bool,
    /// Largest request body in bytes.
    pub max_body_bytes: usize,
    /// Most database connections.
    pub db_max_connections: u32,
    /// `text` or `json`.
    pub log_format: String,
    /// Run the background worker in `ward serve`.
    pub worker: bool,
}

impl Default for FileConfig {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./ward-data"),
            database_url: None,
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            trust_proxy: false,
            max_body_bytes: 1024 * 1024,
            db_max_connections: 10,
            log_format: "text".to_owned(),
            worker: true,
        }
    }
}

/// Values given on the command line or in the environment, which override the file.
#[derive(Debug, Default, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust_proxy: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_body_bytes: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub db_max_connections: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_format: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worker: Option<bool>,
}

/// Reads a secret from the file named by the environment variable `name` (for container secrets).
fn secret_file(name: &str) -> Result<Option<String>> {
    match std::env::var_os(name) {
        None => Ok(None),
        Some(path) => {
            let text = std::fs::read_to_string(&path).with_context(|| {
                format!("cannot read {name} ({})", PathBuf::from(&path).display())
            })?;
            Ok(Some(text.trim().to_owned()))
        }
    }
}

/// Resolves the configuration.
///
/// # Errors
/// When the config file cannot be read or has unknown keys or wrong types.
pub fn load(common: &CommonArgs, mut overrides: Overrides) -> Result<FileConfig> {
    overrides.data_dir = overrides.data_dir.or_else(|| common.data_dir.clone());
    overrides.database_url = match common.database_url.clone().filter(|u| !u.trim().is_empty()) {
        Some(url) => Some(url),
        None => secret_file("WARD_DATABASE_URL_FILE")?,
    };
    overrides.log_format = overrides.log_format.or_else(|| common.log_format.clone());
    let mut figment = Figment::from(Serialized::defaults(FileConfig::default()));
    if let Some(path) = &common.config {
        if !path.exists() {
            bail!("the config file {} does not exist", path.display());
        }
        figment = figment.merge(Toml::file_exact(path));
    }
    let config: FileConfig = figment
        .merge(Serialized::defaults(overrides))
        .extract()
        .map_err(|e| anyhow::anyhow!("configuration: {e}"))?;
    if !matches!(config.log_format.as_str(), "text" | "json") {
        bail!(
            "log_format must be text or json, not {:?}",
            config.log_format
        );
    }
    Ok(config)
}

impl FileConfig {
    /// Where the database is.
    ///
    /// # Errors
    /// When the URL is not usable.
    pub fn database(&self) -> Result<DatabaseTarget> {
        DatabaseTarget::resolve(self.database_url.as_deref(), &self.data_dir)
            .map_err(|e| anyhow::anyhow!("{e}"))
    }

    /// The public URL, parsed.
    ///
    /// # Errors
    /// When it is not an http(s) URL.
    pub fn public_url(&self) -> Result<Option<url::Url>> {
        match &self.public_url {
            None => Ok(None),
            Some(text) if text.trim().is_empty() => Ok(None),
            Some(text) => {
                let url = url::Url::parse(text.trim())
                    .with_context(|| format!("public_url {text:?} is not a URL"))?;
                if !matches!(url.scheme(), "http" | "https") {
                    bail!("public_url must start with https:// (or http:// for local use)");
                }
                Ok(Some(url))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn common(config: Option<PathBuf>) -> CommonArgs {
        CommonArgs {
            config,
            data_dir: None,
            database_url: None,
            log_format: None,
        }
    }

    #[test]
    fn flags_override_the_file_which_overrides_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ward.toml");
        std::fs::write(
            &file,
            "listen = \"0.0.0.0:9000\"\ndata_dir = \"/srv/ward\"\ntrust_proxy = true\n",
        )
        .unwrap();
        let from_file = load(&common(Some(file.clone())), Overrides::default()).unwrap();
        assert_eq!(from_file.listen.port(), 9000);
        assert!(from_file.trust_proxy);
        assert_eq!(from_file.max_body_bytes, 1024 * 1024);
        let flagged = load(
            &common(Some(file)),
            Overrides {
                listen: Some("127.0.0.1:7000".parse().unwrap()),
                ..Overrides::default()
            },
        )
        .unwrap();
        assert_eq!(flagged.listen.port(), 7000);
        assert_eq!(flagged.data_dir, PathBuf::from("/srv/ward"));
    }

    #[test]
    fn unknown_keys_and_missing_files_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ward.toml");
        std::fs::write(&file, "listne = \"0.0.0.0:9000\"\n").unwrap();
        assert!(load(&common(Some(file)), Overrides::default()).is_err());
        assert!(
            load(
                &common(Some(dir.path().join("nope.toml"))),
                Overrides::default()
            )
            .is_err()
        );
    }
}

//! The test harness: a real Ward server on a free port, on a fresh SQLite or PostgreSQL database, and HTTP clients
//! that talk to it like browsers and API tools do.

use std::sync::{Arc, LazyLock};

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::redirect::Policy;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use ward_core::auth::TokenScope;
use ward_core::email::Email;
use ward_core::ids::{OrgId, PersonId};
use ward_core::org::{Language, OrgKind, OrgRole, Region, SizeBand};
use ward_core::password::{self, Password};
use ward_core::text::Name;
use ward_core::time::ManualClock;
use ward_store::db::Engine;
use ward_store::orgs::NewOrganization;
use ward_store::people::NewPerson;
use ward_store::testing::TestDatabase;
use ward_store::{AuditCtx, Store, orgs, people, tokens};
use ward_web::{AppState, WebConfig};

/// The password of every test account.
pub const PASSWORD: &str = "correct horse battery staple";

static HASH: LazyLock<String> = LazyLock::new(|| {
    password::hash(&Password::new(PASSWORD, &[]).expect("test password")).expect("hash")
});

/// A running server with its database.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The store the server uses.
    pub store: Store,
    /// The server's clock, which tests move forward.
    pub clock: ManualClock,
    /// The database (dropped after the test).
    pub db: TestDatabase,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// Runs a test body once per engine under test, each on a fresh app.
#[macro_export]
macro_rules! on_each_engine {
    ($name:ident, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $app = $crate::harness::TestApp::spawn(ward_store::db::Engine::Sqlite).await;
                $body
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if std::env::var(ward_store::testing::POSTGRES_ENV).is_err() {
                    eprintln!("skipped: {} is not set", ward_store::testing::POSTGRES_ENV);
                    return;
                }
                let $app = $crate::harness::TestApp::spawn(ward_store::db::Engine::Postgres).await;
                $body
            }
        }
    };
}

impl TestApp {
    /// Starts a server on a fresh database.
    pub async fn spawn(engine: Engine) -> Self {
        Self::spawn_with(engine, WebConfig::default()).await
    }

    /// Starts a server with a given web configuration.
    pub async fn spawn_with(engine: Engine, config: WebConfig) -> Self {
        let db = TestDatabase::create(engine).await.expect("test database");
        let clock = ManualClock::new();
        let store = db.store(Arc::new(clock.clone())).await.expect("store");
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let state = AppState::new(store.clone(), config);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = ward_web::serve(listener, state, async {
                let _ = stopped.await;
            })
            .await;
        });
        Self {
            base,
            store,
            clock,
            db,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// A URL on the server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Creates an organization directly in the store.
    pub async fn org(&self, name: &str, kind: OrgKind) -> OrgId {
        let mut tx = self
            .store
            .write(AuditCtx::system("test"))
            .await
            .expect("tx");
        let org = orgs::create(
            &mut tx,
            &NewOrganization {
                name: Name::parse(name).expect("name"),
                kind,
                size_band: SizeBand::Medium,
                region: Region::Flanders,
                languages: vec![Language::Nl, Language::En],
            },
        )
        .await
        .expect("org");
        tx.commit().await.expect("commit");
        org.id
    }

    /// Creates a person with [`PASSWORD`].
    pub async fn person(
        &self,
        org: OrgId,
        email: &str,
        role: OrgRole,
        coordinator: bool,
    ) -> PersonId {
        let hash = tokio::task::spawn_blocking(|| HASH.clone())
            .await
            .expect("hash");
        let mut tx = self
            .store
            .write(AuditCtx::system("test"))
            .await
            .expect("tx");
        let p = people::create(
            &mut tx,
            &NewPerson {
                org,
                email: email.parse::<Email>().expect("email"),
                display_name: Name::parse(email.split('@').next().unwrap_or("x")).expect("name"),
                role,
                coordinator,
                language: Language::En,
                password_hash: Some(hash),
            },
        )
        .await
        .expect("person");
        tx.commit().await.expect("commit");
        p.id
    }

    /// Creates an API token for a person, returns the secret.
    pub async fn token(&self, person: PersonId, scope: TokenScope) -> String {
        let mut tx = self
            .store
            .write(AuditCtx::system("test"))
            .await
            .expect("tx");
        let p = people::get(&mut tx, person)
            .await
            .expect("get")
            .expect("person");
        let (_, secret) = tokens::create(&mut tx, person, p.org_id, "test", scope, None)
            .await
            .expect("token");
        tx.commit().await.expect("commit");
        secret
    }

    /// Relaxes the second-factor requirement, for tests about other things than MFA.
    pub async fn without_required_mfa(&self) {
        let mut tx = self
            .store
            .write(AuditCtx::system("test"))
            .await
            .expect("tx");
        let s = ward_core::settings::CommunitySettings {
            require_mfa_for_admins: false,
            ..ward_core::settings::CommunitySettings::default()
        };
        ward_store::settings::put(&mut tx, &s)
            .await
            .expect("settings");
        tx.commit().await.expect("commit");
    }

    /// A browser-like client: cookie jar, no automatic redirects, same-origin fetch metadata.
    pub fn browser(&self) -> Browser {
        let mut headers = HeaderMap::new();
        headers.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .default_headers(headers)
            .build()
            .expect("client");
        Browser {
            client,
            base: self.base.clone(),
        }
    }

    /// A signed-in browser (no second factor).
    pub async fn signed_in(&self, email: &str) -> Browser {
        let b = self.browser();
        let r = b
            .post_form(
                "/login",
                &[("email", email), ("password", PASSWORD), ("next", "/")],
            )
            .await;
        assert_eq!(r.status(), 303, "sign-in of {email} failed");
        b
    }

    /// An API client with a bearer token.
    pub fn api(&self, token: &str) -> Api {
        Api {
            client: reqwest::Client::builder()
                .redirect(Policy::none())
                .build()
                .expect("client"),
            base: self.base.clone(),
            token: token.to_owned(),
        }
    }
}

/// A browser session.
#[derive(Clone)]
pub struct Browser {
    /// The client with its cookie jar.
    pub client: reqwest::Client,
    base: String,
}

impl Browser {
    /// GET a page.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("get")
    }

    /// GET a page's text, asserting 200.
    pub async fn page(&self, path: &str) -> String {
        let r = self.get(path).await;
        assert_eq!(r.status(), 200, "GET {path}");
        r.text().await.expect("text")
    }

    /// POST a form.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .expect("post")
    }

    /// The anti-forgery token on a page.
    pub async fn csrf(&self, path: &str) -> String {
        let html = self.page(path).await;
        field_value(&html, "csrf").expect("csrf token on page")
    }

    /// POST a form with the session's anti-forgery token taken from `from`.
    pub async fn submit(
        &self,
        from: &str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let csrf = self.csrf(from).await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form(path, &all).await
    }
}

/// The value of the first `<input name="NAME" value="…">` on a page.
pub fn field_value(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let rest = &html[start..];
    Some(rest[..rest.find('"')?].to_owned())
}

/// An API client.
pub struct Api {
    client: reqwest::Client,
    base: String,
    token: String,
}

impl Api {
    fn url(&self, path: &str) -> String {
        format!("{}/api/v1{path}", self.base)
    }

    /// GET returning status and JSON.
    pub async fn get(&self, path: &str) -> (u16, serde_json::Value) {
        let r = self
            .client
            .get(self.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("get");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(serde_json::Value::Null))
    }

    /// A request with a JSON body.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let r = self
            .client
            .request(method, self.url(path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .expect("send");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(serde_json::Value::Null))
    }

    /// POST JSON.
    pub async fn post(&self, path: &str, body: &serde_json::Value) -> (u16, serde_json::Value) {
        self.send(reqwest::Method::POST, path, body).await
    }

    /// Every item of a paginated list, following cursors.
    pub async fn all(&self, path: &str) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = match &cursor {
                Some(c) => format!("{path}{sep}limit=7&cursor={c}"),
                None => format!("{path}{sep}limit=7"),
            };
            let (status, body) = self.get(&url).await;
            assert_eq!(status, 200, "GET {url}: {body}");
            out.extend(body["items"].as_array().cloned().unwrap_or_default());
            match body["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        out
    }
}

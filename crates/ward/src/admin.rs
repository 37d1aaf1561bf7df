//! `ward admin …`, `ward audit …`, `ward backup`, `ward migrate`.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Subcommand};
use serde::Serialize;
use time::Duration;
use ward_core::audit::actions;
use ward_core::auth::TokenScope;
use ward_core::email::Email;
use ward_core::ids::TokenId;
use ward_core::org::{Language, OrgKind, OrgRole, PersonStatus, Region, SizeBand};
use ward_core::page::{Page, PageRequest};
use ward_core::password::{self, Password};
use ward_core::secret::random_bytes;
use ward_core::text::Name;
use ward_store::orgs::{NewOrganization, Organization};
use ward_store::people::{NewPerson, Person};
use ward_store::{AuditCtx, Store, Tx, orgs, people, tokens};

use crate::config::{self, CommonArgs, FileConfig, Overrides};
use crate::output;
use crate::serve::{init_logging, open_store};

/// `ward admin …`.
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create the coordinator's organization and its first administrator (once, on an empty database).
    Bootstrap(BootstrapArgs),
    /// Organizations.
    #[command(subcommand)]
    Org(OrgCommand),
    /// People.
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
}

/// Options of `ward admin bootstrap`.
#[derive(Debug, Args)]
pub struct BootstrapArgs {
    /// The coordinator's organization.
    #[arg(long, value_name = "NAME")]
    pub org: String,
    /// The first administrator's e-mail address.
    #[arg(long, value_name = "EMAIL")]
    pub email: String,
    /// The administrator's name [default: the part of the address before @].
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Read the password from standard input instead of generating one.
    #[arg(long)]
    pub password_stdin: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `ward admin org …`.
#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Create an organization.
    Create(OrgCreateArgs),
    /// List organizations.
    List(JsonArg),
}

/// Options of `ward admin org create`.
#[derive(Debug, Args)]
pub struct OrgCreateArgs {
    /// Its name.
    pub name: String,
    /// Kind: coordinator, university_hospital, general_hospital, psychiatric_hospital, care_group, laboratory,
    /// residential_care, partner or supplier.
    #[arg(long, default_value = "general_hospital")]
    pub kind: String,
    /// Size: small, medium, large or very_large.
    #[arg(long, default_value = "medium")]
    pub size: String,
    /// Region: brussels, flanders, wallonia, national or abroad.
    #[arg(long, default_value = "flanders")]
    pub region: String,
    /// Languages, comma-separated: en, nl, fr, de.
    #[arg(long, default_value = "nl", value_delimiter = ',')]
    pub languages: Vec<String>,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `--json` alone.
#[derive(Debug, Args)]
pub struct JsonArg {
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `ward admin user …`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a person.
    Create(UserCreateArgs),
    /// List people.
    List(UserListArgs),
    /// Disable a person: their sessions end and their tokens stop working.
    Disable(UserRef),
    /// Set a new password (read from standard input, or generated and printed once).
    ResetPassword(ResetArgs),
    /// Remove a person's second factor (a lost phone and lost recovery codes); they enrol again at next sign-in
    /// if their role requires one.
    ResetMfa(UserRef),
}

/// Options of `ward admin user create`.
#[derive(Debug, Args)]
pub struct UserCreateArgs {
    /// The organization, by name or id.
    #[arg(long, value_name = "ORG")]
    pub org: String,
    /// E-mail address (the sign-in name).
    #[arg(long, value_name = "EMAIL")]
    pub email: String,
    /// Role: org_admin, security_officer, contributor or reader.
    #[arg(long, value_name = "ROLE")]
    pub role: String,
    /// Name [default: the part of the address before @].
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Make this person a community coordinator.
    #[arg(long)]
    pub coordinator: bool,
    /// Interface language: en, nl or fr.
    #[arg(long, default_value = "en")]
    pub language: String,
    /// Read the password from standard input instead of generating one.
    #[arg(long)]
    pub password_stdin: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Options of `ward admin user list`.
#[derive(Debug, Args)]
pub struct UserListArgs {
    /// Only this organization (name or id).
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// A person by e-mail address.
#[derive(Debug, Args)]
pub struct UserRef {
    /// E-mail address.
    pub email: String,
}

/// Options of `ward admin user reset-password`.
#[derive(Debug, Args)]
pub struct ResetArgs {
    /// E-mail address.
    pub email: String,
    /// Read the password from standard input instead of generating one.
    #[arg(long)]
    pub password_stdin: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `ward admin token …`.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token and print it once.
    Create(TokenCreateArgs),
    /// List a person's tokens.
    List(TokenListArgs),
    /// Revoke a token by id.
    Revoke(TokenRevokeArgs),
}

/// Options of `ward admin token create`.
#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    /// Whose token (e-mail address).
    #[arg(long, value_name = "EMAIL")]
    pub user: String,
    /// read or write.
    #[arg(long)]
    pub scope: String,
    /// Days until it expires [default: never].
    #[arg(long, value_name = "N")]
    pub expires_days: Option<u32>,
    /// A name to recognise it by.
    #[arg(long, default_value = "command line")]
    pub name: String,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Options of `ward admin token list`.
#[derive(Debug, Args)]
pub struct TokenListArgs {
    /// Whose tokens (e-mail address).
    #[arg(long, value_name = "EMAIL")]
    pub user: String,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Options of `ward admin token revoke`.
#[derive(Debug, Args)]
pub struct TokenRevokeArgs {
    /// The token's id (from `token list`).
    pub id: String,
}

/// `ward audit …`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the audit trail's hash chain; exits 1 and names the first broken entry when it was tampered with.
    Verify(JsonArg),
}

/// Options of `ward backup`: a consistent copy of the embedded SQLite database while Ward keeps running.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The file to write (must not exist).
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
}

async fn store(common: &CommonArgs) -> Result<(FileConfig, Store)> {
    let config = config::load(common, Overrides::default())?;
    init_logging(&config.log_format);
    let store = open_store(&config).await?;
    Ok((config, store))
}

/// Opens the database as it is, without applying migrations (a backup or a check must not change it).
async fn existing_store(common: &CommonArgs) -> Result<Store> {
    let config = config::load(common, Overrides::default())?;
    init_logging(&config.log_format);
    let target = config.database()?;
    Store::open(
        &target,
        ward_store::StoreOptions {
            max_connections: 2,
            clock: std::sync::Arc::new(ward_core::time::SystemClock),
        },
    )
    .await
    .with_context(|| format!("cannot open the database {target}"))
}

/// Every entry of a paginated list, following its cursors.
async fn every_page<T, K>(
    store: &Store,
    mut fetch: impl AsyncFnMut(&mut Tx, &PageRequest<K>) -> ward_store::StoreResult<Page<T>>,
) -> Result<Vec<T>>
where
    K: Serialize + serde::de::DeserializeOwned,
{
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let request = PageRequest::parse(Some(200), cursor.as_deref())?;
        let mut tx = store.read().await?;
        let page = fetch(&mut tx, &request).await?;
        tx.finish().await?;
        all.extend(page.items);
        cursor = page.next_cursor;
        if cursor.is_none() {
            return Ok(all);
        }
    }
}

fn cli() -> AuditCtx {
    AuditCtx::system("cli")
}

/// `ward migrate`.
///
/// # Errors
/// When the database cannot be opened or migrated.
pub async fn migrate(common: &CommonArgs) -> Result<()> {
    let config = config::load(common, Overrides::default())?;
    init_logging(&config.log_format);
    let target = config.database()?;
    let store = Store::open(
        &target,
        ward_store::StoreOptions {
            max_connections: 2,
            clock: std::sync::Arc::new(ward_core::time::SystemClock),
        },
    )
    .await
    .with_context(|| format!("cannot open the database {target}"))?;
    let applied = store.migrate().await.context("migration failed")?;
    output::line(&format!(
        "{applied} migration(s) applied to {target}; the database is up to date"
    ));
    Ok(())
}

/// Reads a password from standard input (first line), or generates one.
fn password_input(from_stdin: bool, personal: &[&str]) -> Result<(Password, bool)> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read the password from standard input")?;
        let text = line.trim_end_matches(['\r', '\n']);
        let password =
            Password::new(text, personal).map_err(|e| anyhow!("the password was refused: {e}"))?;
        Ok((password, false))
    } else {
        Ok((generate_password()?, true))
    }
}

/// A random password of five groups of five letters and digits (about 144 bits).
fn generate_password() -> Result<Password> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let limit = 256 - 256 % ALPHABET.len();
    let mut chars = String::new();
    while chars.len() < 25 {
        for b in random_bytes::<32>()? {
            let b = usize::from(b);
            if b < limit && chars.len() < 25 {
                chars.push(char::from(
                    ALPHABET.get(b % ALPHABET.len()).copied().unwrap_or(b'x'),
                ));
            }
        }
    }
    let groups: Vec<&str> = (0..5).filter_map(|i| chars.get(i * 5..i * 5 + 5)).collect();
    Password::new(&groups.join("-"), &[]).map_err(|e| anyhow!("generated password refused: {e}"))
}

async fn hash(password: Password) -> Result<String> {
    tokio::task::spawn_blocking(move || password::hash(&password))
        .await?
        .map_err(|e| anyhow!("{e}"))
}

fn name_from(email: &Email, name: Option<&str>) -> Result<Name> {
    let fallback = email
        .as_str()
        .split('@')
        .next()
        .unwrap_or("admin")
        .to_owned();
    Name::parse(name.unwrap_or(&fallback)).map_err(|e| anyhow!("name: {e}"))
}

#[derive(Serialize)]
struct Created<'a> {
    organization: &'a Organization,
    person: &'a Person,
    #[serde(skip_serializing_if = "Option::is_none")]
    generated_password: Option<&'a str>,
}

/// Runs `ward demo`: the demo community, or with `--scale` a generated one for benchmarks.
///
/// # Errors
/// When the database cannot be opened or already holds other accounts.
pub async fn demo(common: &CommonArgs, args: &crate::scale::DemoArgs) -> Result<()> {
    let (config, store) = store(common).await?;
    if args.scale() {
        let summary = crate::scale::generate(&store, args).await?;
        if args.json() {
            return output::json(&summary);
        }
        output::line(&format!(
            "Generated {} organizations, {} people, {} sharing groups and {} items in {:.1} s.",
            summary.organizations, summary.people, summary.groups, summary.items, summary.seconds
        ));
        output::line(&format!(
            "Sign in as {} with the password: {}",
            summary.sample_login, summary.password
        ));
        return Ok(());
    }
    let logins = crate::demo::seed(&store)
        .await
        .context("cannot load the demo community")?;
    if args.json() {
        return output::json(&logins);
    }
    crate::demo::print(&logins, &config, config.public_url()?.as_ref());
    Ok(())
}

/// `ward admin …`.
///
/// # Errors
/// A one-line reason for any failure.
pub async fn run(common: &CommonArgs, command: AdminCommand) -> Result<()> {
    let (_, store) = store(common).await?;
    match command {
        AdminCommand::Bootstrap(args) => bootstrap(&store, args).await,
        AdminCommand::Org(OrgCommand::Create(args)) => org_create(&store, args).await,
        AdminCommand::Org(OrgCommand::List(args)) => org_list(&store, args.json).await,
        AdminCommand::User(UserCommand::Create(args)) => user_create(&store, args).await,
        AdminCommand::User(UserCommand::List(args)) => user_list(&store, args).await,
        AdminCommand::User(UserCommand::Disable(args)) => user_disable(&store, &args.email).await,
        AdminCommand::User(UserCommand::ResetPassword(args)) => reset_password(&store, args).await,
        AdminCommand::User(UserCommand::ResetMfa(args)) => reset_mfa(&store, &args.email).await,
        AdminCommand::Token(TokenCommand::Create(args)) => token_create(&store, args).await,
        AdminCommand::Token(TokenCommand::List(args)) => token_list(&store, args).await,
        AdminCommand::Token(TokenCommand::Revoke(args)) => token_revoke(&store, &args.id).await,
    }
}

async fn bootstrap(store: &Store, args: BootstrapArgs) -> Result<()> {
    let email: Email = args.email.parse().map_err(|e| anyhow!("--email: {e}"))?;
    let org_name = Name::parse(&args.org).map_err(|e| anyhow!("--org: {e}"))?;
    let person_name = name_from(&email, args.name.as_deref())?;
    let mut tx = store.read().await?;
    let already = people::any_exist(&mut tx).await?;
    tx.finish().await?;
    if already {
        bail!("this database already has accounts; use `ward admin user create` to add people");
    }
    let (password, generated) =
        password_input(args.password_stdin, &[email.as_str(), person_name.as_str()])?;
    let shown = generated.then(|| password.expose().to_owned());
    let hash = hash(password).await?;
    let mut tx = store.write(cli()).await?;
    let org = orgs::create(
        &mut tx,
        &NewOrganization {
            name: org_name,
            kind: OrgKind::Coordinator,
            size_band: SizeBand::Small,
            region: Region::National,
            languages: vec![Language::Nl, Language::Fr, Language::En],
        },
    )
    .await?;
    let person = people::create(
        &mut tx,
        &NewPerson {
            org: org.id,
            email,
            display_name: person_name,
            role: OrgRole::Admin,
            coordinator: true,
            language: Language::En,
            password_hash: Some(hash),
        },
    )
    .await?;
    tx.record(
        actions::BOOTSTRAPPED,
        Some(org.id),
        Some(("person", person.id.to_string())),
        serde_json::Value::Null,
    );
    tx.commit().await?;
    if args.json {
        output::json(&Created {
            organization: &org,
            person: &person,
            generated_password: shown.as_deref(),
        })?;
    } else {
        output::line(&format!(
            "Created the coordinator's organization {:?} ({})",
            org.name, org.id
        ));
        output::line(&format!(
            "Created {} as its administrator and community coordinator",
            person.email
        ));
        if let Some(p) = shown {
            output::line(&format!("Password (shown once): {p}"));
        }
        output::line("At first sign-in Ward asks them to set up a second factor.");
    }
    Ok(())
}

async fn org_create(store: &Store, args: OrgCreateArgs) -> Result<()> {
    let draft = new_org(&args)?;
    let mut tx = store.write(cli()).await?;
    let org = orgs::create(&mut tx, &draft).await?;
    tx.commit().await?;
    if args.json {
        output::json(&org)?;
    } else {
        output::line(&format!("Created {:?} ({})", org.name, org.id));
    }
    Ok(())
}

fn new_org(args: &OrgCreateArgs) -> Result<NewOrganization> {
    let languages = args
        .languages
        .iter()
        .map(|l| {
            l.trim()
                .parse::<Language>()
                .map_err(|e| anyhow!("--languages: {e}"))
        })
        .collect::<Result<Vec<_>>>()?;
    if languages.is_empty() {
        bail!("--languages: name at least one language");
    }
    Ok(NewOrganization {
        name: Name::parse(&args.name).map_err(|e| anyhow!("name: {e}"))?,
        kind: args
            .kind
            .parse::<OrgKind>()
            .map_err(|e| anyhow!("--kind: {e}"))?,
        size_band: args
            .size
            .parse::<SizeBand>()
            .map_err(|e| anyhow!("--size: {e}"))?,
        region: args
            .region
            .parse::<Region>()
            .map_err(|e| anyhow!("--region: {e}"))?,
        languages,
    })
}

async fn org_list(store: &Store, json: bool) -> Result<()> {
    let mut tx = store.read().await?;
    let all = orgs::all(&mut tx).await?;
    tx.finish().await?;
    if json {
        return output::json(&all);
    }
    for o in &all {
        output::line(&format!(
            "{}  {:<40}  {:<22} {}",
            o.id,
            o.name,
            o.kind.code(),
            o.status.code()
        ));
    }
    Ok(())
}

async fn find_org(store: &Store, name_or_id: &str) -> Result<Organization> {
    let mut tx = store.read().await?;
    let org = orgs::find(&mut tx, name_or_id).await?;
    tx.finish().await?;
    org.ok_or_else(|| anyhow!("no organization named {name_or_id:?}; see `ward admin org list`"))
}

async fn find_person(store: &Store, email: &str) -> Result<Person> {
    let email: Email = email.parse().map_err(|e| anyhow!("{e}"))?;
    let mut tx = store.read().await?;
    let person = people::find_by_email(&mut tx, &email).await?;
    tx.finish().await?;
    person.ok_or_else(|| anyhow!("nobody has the address {email}; see `ward admin user list`"))
}

async fn user_create(store: &Store, args: UserCreateArgs) -> Result<()> {
    let org = find_org(store, &args.org).await?;
    let email: Email = args.email.parse().map_err(|e| anyhow!("--email: {e}"))?;
    let role: OrgRole = args.role.parse().map_err(|e| anyhow!("--role: {e}"))?;
    let language: Language = args
        .language
        .parse()
        .map_err(|e| anyhow!("--language: {e}"))?;
    let name = name_from(&email, args.name.as_deref())?;
    let (password, generated) = password_input(
        args.password_stdin,
        &[email.as_str(), name.as_str(), org.name.as_str()],
    )?;
    let shown = generated.then(|| password.expose().to_owned());
    let hash = hash(password).await?;
    let mut tx = store.write(cli()).await?;
    let person = people::create(
        &mut tx,
        &NewPerson {
            org: org.id,
            email,
            display_name: name,
            role,
            coordinator: args.coordinator,
            language,
            password_hash: Some(hash),
        },
    )
    .await?;
    tx.commit().await?;
    if args.json {
        output::json(&Created {
            organization: &org,
            person: &person,
            generated_password: shown.as_deref(),
        })?;
    } else {
        output::line(&format!(
            "Created {} ({}) in {:?} as {}",
            person.email,
            person.id,
            org.name,
            role.code()
        ));
        if let Some(p) = shown {
            output::line(&format!("Password (shown once): {p}"));
        }
    }
    Ok(())
}

async fn user_list(store: &Store, args: UserListArgs) -> Result<()> {
    let orgs_to_list = match &args.org {
        Some(o) => vec![find_org(store, o).await?],
        None => {
            let mut tx = store.read().await?;
            let all = orgs::all(&mut tx).await?;
            tx.finish().await?;
            all
        }
    };
    let mut everyone = Vec::new();
    for org in &orgs_to_list {
        everyone.extend(
            every_page(store, async |tx, page| {
                people::list_by_org(tx, org.id, page).await
            })
            .await?,
        );
    }
    if args.json {
        return output::json(&everyone);
    }
    for p in &everyone {
        output::line(&format!(
            "{}  {:<36}  {:<30} {:<17} {}{}",
            p.id,
            p.email,
            p.org_name,
            p.role.code(),
            p.status.code(),
            if p.coordinator { "  coordinator" } else { "" }
        ));
    }
    Ok(())
}

async fn user_disable(store: &Store, email: &str) -> Result<()> {
    let person = find_person(store, email).await?;
    let mut tx = store.write(cli()).await?;
    people::set_status(&mut tx, person.id, PersonStatus::Disabled).await?;
    tx.commit().await?;
    output::line(&format!(
        "Disabled {}; their sessions ended and their tokens stopped working",
        person.email
    ));
    Ok(())
}

async fn reset_password(store: &Store, args: ResetArgs) -> Result<()> {
    let person = find_person(store, &args.email).await?;
    let (password, generated) = password_input(
        args.password_stdin,
        &[person.email.as_str(), &person.display_name],
    )?;
    let shown = generated.then(|| password.expose().to_owned());
    let hash = hash(password).await?;
    let mut tx = store.write(cli()).await?;
    people::set_password(&mut tx, person.id, &hash, None, actions::PASSWORD_RESET).await?;
    tx.commit().await?;
    if args.json {
        return output::json(
            &serde_json::json!({"person": person.id, "email": person.email, "generated_password": shown}),
        );
    }
    output::line(&format!(
        "Set a new password for {}; their sessions ended",
        person.email
    ));
    if let Some(p) = shown {
        output::line(&format!("Password (shown once): {p}"));
    }
    Ok(())
}

async fn reset_mfa(store: &Store, email: &str) -> Result<()> {
    let person = find_person(store, email).await?;
    let mut tx = store.write(cli()).await?;
    people::disable_totp(&mut tx, person.id).await?;
    ward_store::sessions::delete_for_person(&mut tx, person.id, None).await?;
    tx.commit().await?;
    output::line(&format!(
        "Removed the second factor of {}; their sessions ended and they enrol a new one at next sign-in",
        person.email
    ));
    Ok(())
}

#[derive(Serialize)]
struct IssuedToken<'a> {
    token: &'a ward_store::tokens::ApiToken,
    secret: &'a str,
}

async fn token_create(store: &Store, args: TokenCreateArgs) -> Result<()> {
    let person = find_person(store, &args.user).await?;
    let scope: TokenScope = args.scope.parse().map_err(|e| anyhow!("--scope: {e}"))?;
    let name = ward_core::text::line(&args.name, 1, 80).map_err(|e| anyhow!("--name: {e}"))?;
    if args.expires_days.is_some_and(|d| d == 0 || d > 730) {
        bail!(
            "--expires-days: choose between 1 and 730 days, or leave it out for a token that does not expire"
        );
    }
    let mut tx = store.write(cli()).await?;
    let expires = args
        .expires_days
        .map(|d| tx.now().plus(Duration::days(i64::from(d))));
    let (token, secret) =
        tokens::create(&mut tx, person.id, person.org_id, &name, scope, expires).await?;
    tx.commit().await?;
    if args.json {
        output::json(&IssuedToken {
            token: &token,
            secret: &secret,
        })?;
    } else {
        output::line(&secret);
        output::line(&format!(
            "Token {} for {} ({}), {} — shown once, store it now",
            token.id,
            person.email,
            scope.code(),
            expires.map_or_else(|| "does not expire".to_owned(), |e| format!("expires {e}"))
        ));
    }
    Ok(())
}

async fn token_list(store: &Store, args: TokenListArgs) -> Result<()> {
    let person = find_person(store, &args.user).await?;
    let all = every_page(store, async |tx, page| {
        tokens::list(tx, person.id, page).await
    })
    .await?;
    if args.json {
        return output::json(&all);
    }
    for t in &all {
        let state = if t.revoked_at.is_some() {
            "revoked"
        } else {
            "active"
        };
        output::line(&format!(
            "{}  {:<24} {:<6} {:<8} expires {}",
            t.id,
            t.name,
            t.scope.code(),
            state,
            t.expires_at
                .map_or_else(|| "never".to_owned(), |e| e.to_string())
        ));
    }
    Ok(())
}

async fn token_revoke(store: &Store, id: &str) -> Result<()> {
    let id: TokenId = id
        .parse()
        .map_err(|_| anyhow!("{id:?} is not a token id; see `ward admin token list`"))?;
    let mut tx = store.read().await?;
    let token = tokens::get(&mut tx, id)
        .await?
        .ok_or_else(|| anyhow!("there is no token {id}"))?;
    let owner = people::get(&mut tx, token.person_id)
        .await?
        .ok_or_else(|| anyhow!("the token's owner is gone"))?;
    tx.finish().await?;
    let mut tx = store.write(cli()).await?;
    tokens::revoke(&mut tx, id, owner.org_id).await?;
    tx.commit().await?;
    output::line(&format!("Revoked token {id} of {}", owner.email));
    Ok(())
}

/// `ward audit verify`.
///
/// # Errors
/// When the database cannot be read. A broken chain is exit code 1, not an error.
pub async fn audit(common: &CommonArgs, command: AuditCommand) -> Result<ExitCode> {
    let store = existing_store(common).await?;
    match command {
        AuditCommand::Verify(args) => match ward_store::audit::verify(&store).await? {
            Ok(ok) => {
                if args.json {
                    output::json(
                        &serde_json::json!({"ok": true, "entries": ok.entries, "head_hash": ok.head_hash}),
                    )?;
                } else {
                    output::line(&format!(
                        "The audit trail is intact: {} entries, head {}",
                        ok.entries, ok.head_hash
                    ));
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(broken) => {
                if args.json {
                    output::json(
                        &serde_json::json!({"ok": false, "first_broken_entry": broken.seq, "reason": broken.reason}),
                    )?;
                } else {
                    eprintln!(
                        "error: the audit trail was tampered with: entry {} {}",
                        broken.seq, broken.reason
                    );
                }
                Ok(ExitCode::FAILURE)
            }
        },
    }
}

/// `ward backup --to FILE`.
///
/// # Errors
/// On PostgreSQL, when the file exists, or when the copy fails.
pub async fn backup(common: &CommonArgs, args: &BackupArgs) -> Result<()> {
    let store = existing_store(common).await?;
    store
        .backup_sqlite(&args.to)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    output::line(&format!(
        "Wrote a consistent copy of the database to {}",
        args.to.display()
    ));
    Ok(())
}

//! Signing in: the password step with throttling and lockout, then the second factor when one is enrolled.

use ward_core::ValidationError;
use ward_core::audit::{Actor, AuditEvent, actions};
use ward_core::auth;
use ward_core::email::Email;
use ward_core::mfa::{TotpSecret, recovery_code_hash};
use ward_core::password;
use ward_core::time::Timestamp;
use ward_core::viewer::Viewer;
use ward_store::sessions::{self, IssuedSession, StoredSession};
use ward_store::throttle::{self, ThrottleRule};
use ward_store::{AuditCtx, people};

use crate::error::{AppError, AppResult};
use crate::net::RequestCtx;
use crate::state::AppState;

/// Why a sign-in step failed. Deliberately vague toward the client: it never says whether the account exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginFailure {
    /// Wrong e-mail or password (or a disabled account).
    WrongCredentials,
    /// Wrong second-factor code.
    WrongCode,
    /// Too many failures; try again after this time.
    Locked(Timestamp),
}

/// What the password step led to.
#[derive(Debug)]
pub enum PasswordOutcome {
    /// Signed in; no second factor enrolled.
    SignedIn(IssuedSession),
    /// The second factor is needed next (the session is pending until then).
    NeedsSecondFactor(IssuedSession),
    /// Refused.
    Failed(LoginFailure),
}

fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

fn client_key(req: &RequestCtx) -> String {
    format!("client:{}", req.ip.as_deref().unwrap_or("unknown"))
}

async fn locked(state: &AppState, keys: &[&str]) -> AppResult<Option<Timestamp>> {
    let mut tx = state.store().read().await?;
    let mut until = None;
    for key in keys {
        until = until.max(throttle::locked_until(&mut tx, key).await?);
    }
    tx.finish().await?;
    Ok(until)
}

/// Records a failed attempt for the account and the client, with its audit entry, in one transaction.
async fn fail(
    state: &AppState,
    req: &RequestCtx,
    account: &str,
    org: Option<ward_core::ids::OrgId>,
    person: Option<ward_core::ids::PersonId>,
    action: &'static str,
    reason: &str,
) -> AppResult<Option<Timestamp>> {
    let mut tx = state.store().write(AuditCtx::system("auth")).await?;
    let a = throttle::record_failure(&mut tx, account, ThrottleRule::ACCOUNT).await?;
    let c = throttle::record_failure(&mut tx, &client_key(req), ThrottleRule::CLIENT).await?;
    let mut event = AuditEvent::new(action, Actor::Anonymous, org)
        .detail(serde_json::json!({"reason": reason, "locked": a.is_some() || c.is_some()}))
        .ip(req.ip.clone());
    if let Some(p) = person {
        event = event.target("person", p);
    }
    tx.record_event(event);
    tx.commit().await?;
    Ok(a.max(c))
}

/// The password step.
///
/// # Errors
/// On store errors.
pub async fn with_password(
    state: &AppState,
    req: &RequestCtx,
    user_agent: Option<&str>,
    email_text: &str,
    candidate: &str,
) -> AppResult<PasswordOutcome> {
    let account = account_key(email_text);
    let client = client_key(req);
    if let Some(until) = locked(state, &[&account, &client]).await? {
        return Ok(PasswordOutcome::Failed(LoginFailure::Locked(until)));
    }
    let email = email_text.parse::<Email>().ok();
    let store = state.store();
    let mut tx = store.read().await?;
    let found = match &email {
        Some(e) => people::find_by_email(&mut tx, e).await?,
        None => None,
    };
    let (credentials, principal) = match &found {
        Some(p) => (
            people::credentials(&mut tx, p.id).await?,
            people::principal(&mut tx, p.id).await?,
        ),
        None => (None, None),
    };
    tx.finish().await?;

    let stored_hash = credentials.as_ref().and_then(|c| c.password_hash.clone());
    let candidate_owned = candidate.to_owned();
    // Argon2 takes tens of milliseconds of CPU: keep it off the async workers. Unknown accounts verify against a
    // dummy hash so that timing does not reveal which addresses have accounts.
    let matches = tokio::task::spawn_blocking(move || match stored_hash {
        Some(hash) => password::verify(&hash, &candidate_owned),
        None => password::verify_dummy(&candidate_owned),
    })
    .await
    .map_err(|e| AppError::internal(&e))?;

    let (Some(person), Some(credentials), Some(principal)) = (found, credentials, principal) else {
        let until = fail(
            state,
            req,
            &account,
            None,
            None,
            actions::LOGIN_FAILED,
            "unknown account",
        )
        .await?;
        return Ok(PasswordOutcome::Failed(
            until.map_or(LoginFailure::WrongCredentials, LoginFailure::Locked),
        ));
    };
    if !matches {
        let until = fail(
            state,
            req,
            &account,
            Some(person.org_id),
            Some(person.id),
            actions::LOGIN_FAILED,
            "wrong password",
        )
        .await?;
        return Ok(PasswordOutcome::Failed(
            until.map_or(LoginFailure::WrongCredentials, LoginFailure::Locked),
        ));
    }
    if auth::check_active(&principal).is_err() {
        let until = fail(
            state,
            req,
            &account,
            Some(person.org_id),
            Some(person.id),
            actions::LOGIN_FAILED,
            "account disabled",
        )
        .await?;
        return Ok(PasswordOutcome::Failed(
            until.map_or(LoginFailure::WrongCredentials, LoginFailure::Locked),
        ));
    }

    let needs_second_factor = credentials.totp_secret.is_some();
    let actor = Actor::Person {
        person: person.id,
        org: person.org_id,
    };
    let mut tx = store
        .write(AuditCtx {
            actor,
            ip: req.ip.clone(),
        })
        .await?;
    throttle::clear(&mut tx, &account).await?;
    throttle::clear(&mut tx, &client).await?;
    let issued = sessions::create(
        &mut tx,
        person.id,
        !needs_second_factor,
        req.ip.as_deref(),
        user_agent,
    )
    .await?;
    if needs_second_factor {
        tx.record(
            actions::LOGIN_SUCCEEDED,
            Some(person.org_id),
            Some(("person", person.id.to_string())),
            serde_json::json!({"step": "password", "second_factor": "pending"}),
        );
    } else {
        people::touch_login(&mut tx, person.id).await?;
        tx.record(
            actions::LOGIN_SUCCEEDED,
            Some(person.org_id),
            Some(("person", person.id.to_string())),
            serde_json::json!({"step": "password"}),
        );
    }
    tx.commit().await?;
    Ok(if needs_second_factor {
        PasswordOutcome::NeedsSecondFactor(issued)
    } else {
        PasswordOutcome::SignedIn(issued)
    })
}

/// The second-factor step: a TOTP code, or one of the recovery codes. On success the pending session is replaced by
/// a new one (a fresh id at the privilege change).
///
/// # Errors
/// On store errors.
pub async fn with_second_factor(
    state: &AppState,
    req: &RequestCtx,
    user_agent: Option<&str>,
    pending: &StoredSession,
    code: &str,
) -> AppResult<Result<IssuedSession, LoginFailure>> {
    let store = state.store();
    let person_id = pending.record.person;
    let mut tx = store.read().await?;
    let person = people::get(&mut tx, person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let credentials = people::credentials(&mut tx, person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.finish().await?;
    let account = account_key(person.email.as_str());
    if let Some(until) = locked(state, &[&account, &client_key(req)]).await? {
        return Ok(Err(LoginFailure::Locked(until)));
    }
    let secret = credentials
        .totp_secret
        .as_deref()
        .and_then(|s| TotpSecret::from_base32(s).ok());
    let actor = Actor::Person {
        person: person.id,
        org: person.org_id,
    };
    let mut tx = store
        .write(AuditCtx {
            actor,
            ip: req.ip.clone(),
        })
        .await?;
    let now = tx.now();
    let step = secret
        .as_ref()
        .and_then(|s| s.verify(code, now, credentials.totp_last_step));
    let accepted = match step {
        Some(step) => people::consume_totp_step(&mut tx, person.id, step).await?,
        None => {
            let typed: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
            let used = typed.len() == 10
                && people::consume_recovery_code(&mut tx, person.id, &recovery_code_hash(&typed))
                    .await?;
            if used {
                tx.record(
                    actions::MFA_RECOVERY_USED,
                    Some(person.org_id),
                    Some(("person", person.id.to_string())),
                    serde_json::Value::Null,
                );
            }
            used
        }
    };
    if !accepted {
        drop(tx);
        let until = fail(
            state,
            req,
            &account,
            Some(person.org_id),
            Some(person.id),
            actions::MFA_FAILED,
            "wrong code",
        )
        .await?;
        return Ok(Err(
            until.map_or(LoginFailure::WrongCode, LoginFailure::Locked)
        ));
    }
    sessions::delete(&mut tx, &pending.id_hash).await?;
    let issued = sessions::create(&mut tx, person.id, true, req.ip.as_deref(), user_agent).await?;
    throttle::clear(&mut tx, &account).await?;
    people::touch_login(&mut tx, person.id).await?;
    tx.record(
        actions::LOGIN_SUCCEEDED,
        Some(person.org_id),
        Some(("person", person.id.to_string())),
        serde_json::json!({"step": "second_factor"}),
    );
    tx.commit().await?;
    Ok(Ok(issued))
}

/// Checks a person's password again before a sensitive change (password, second factor, API tokens). Wrong
/// answers count toward the same lockout as sign-in and are audited, so a stolen session or token cannot be used to
/// guess the password.
///
/// # Errors
/// [`AppError::Invalid`] on `current_password` when it is wrong or the account is locked.
pub async fn recheck_password(
    state: &AppState,
    req: &RequestCtx,
    viewer: &Viewer,
    candidate: &str,
) -> AppResult<()> {
    let p = viewer
        .principal()
        .ok_or(AppError::Unauthorized("sign in first"))?;
    let account = account_key(p.email.as_str());
    if locked(state, &[&account]).await?.is_some() {
        return Err(AppError::Invalid(ValidationError::field(
            "current_password",
            "too many wrong passwords; try again in fifteen minutes",
        )));
    }
    let mut tx = state.store().read().await?;
    let stored = people::credentials(&mut tx, p.person)
        .await?
        .and_then(|c| c.password_hash);
    tx.finish().await?;
    let candidate = candidate.to_owned();
    let ok = tokio::task::spawn_blocking(move || match stored {
        Some(hash) => password::verify(&hash, &candidate),
        None => password::verify_dummy(&candidate),
    })
    .await
    .map_err(|e| AppError::internal(&e))?;
    if ok {
        return Ok(());
    }
    fail(
        state,
        req,
        &account,
        Some(p.org),
        Some(p.person),
        actions::LOGIN_FAILED,
        "wrong password when confirming a change",
    )
    .await?;
    Err(AppError::Invalid(ValidationError::field(
        "current_password",
        "your current password is not right",
    )))
}

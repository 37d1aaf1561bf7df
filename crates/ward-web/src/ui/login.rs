//! Sign-in, the second-factor step, sign-out and the language switch.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::Deserialize;
use time::Duration;
use ward_core::org::Language;

use crate::auth::login::{self, LoginFailure, PasswordOutcome};
use crate::auth::session::{
    MaybeSignedIn, UiAuth, clear_session_cookies, safe_next, session_cookie,
};
use crate::error::{AppError, AppResult};
use crate::forms::{PublicForm, UiForm};
use crate::i18n::{LANG_COOKIE, Tr};
use crate::net::RequestCtx;
use crate::ops;
use crate::state::AppState;
use crate::ui::layout::{Layout, page};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    email: String,
    next: String,
    error: Option<String>,
    demo: bool,
}

#[derive(Template)]
#[template(path = "login_mfa.html")]
struct MfaPage {
    layout: Layout,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    next: Option<String>,
}

fn user_agent(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
}

fn failure_text(t: Tr, failure: LoginFailure) -> String {
    match failure {
        LoginFailure::WrongCredentials => t.get("login-error-credentials"),
        LoginFailure::WrongCode => t.get("login-error-code"),
        LoginFailure::Locked(until) => t.with1("login-error-locked", "time", t.datetime(&until)),
    }
}

/// `GET /login`.
pub async fn form(
    State(state): State<AppState>,
    t: Tr,
    MaybeSignedIn(auth): MaybeSignedIn,
    Query(q): Query<NextQuery>,
) -> AppResult<Response> {
    let next = safe_next(q.next.as_deref());
    match auth {
        UiAuth::SignedIn(_) => return Ok(Redirect::to(&next).into_response()),
        UiAuth::PendingMfa(_) => {
            return Ok(Redirect::to(&format!("/login/mfa?next={}", enc(&next))).into_response());
        }
        UiAuth::Anonymous => {}
    }
    let community = state.settings().await?.community_name;
    Ok(page(
        StatusCode::OK,
        &LoginPage {
            layout: Layout::public(t, &community, t.get("login-title"), "/login"),
            email: String::new(),
            next,
            error: None,
            demo: state.config().demo,
        },
    ))
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: Option<String>,
}

/// `POST /login`.
pub async fn submit(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    headers: HeaderMap,
    jar: CookieJar,
    PublicForm(form): PublicForm<LoginForm>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    let outcome = login::with_password(
        &state,
        &req,
        user_agent(&headers),
        &form.email,
        &form.password,
    )
    .await?;
    match outcome {
        PasswordOutcome::SignedIn(issued) => {
            let jar = jar.add(session_cookie(issued.secret, req.secure));
            Ok((jar, Redirect::to(&next)).into_response())
        }
        PasswordOutcome::NeedsSecondFactor(issued) => {
            let jar = jar.add(session_cookie(issued.secret, req.secure));
            Ok((
                jar,
                Redirect::to(&format!("/login/mfa?next={}", enc(&next))),
            )
                .into_response())
        }
        PasswordOutcome::Failed(failure) => {
            let community = state.settings().await?.community_name;
            let status = match failure {
                LoginFailure::Locked(_) => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            Ok(page(
                status,
                &LoginPage {
                    layout: Layout::public(t, &community, t.get("login-title"), "/login"),
                    email: form.email.chars().take(254).collect(),
                    next,
                    error: Some(failure_text(t, failure)),
                    demo: state.config().demo,
                },
            ))
        }
    }
}

/// `GET /login/mfa`.
pub async fn mfa_form(
    State(state): State<AppState>,
    t: Tr,
    MaybeSignedIn(auth): MaybeSignedIn,
    Query(q): Query<NextQuery>,
) -> AppResult<Response> {
    let next = safe_next(q.next.as_deref());
    match auth {
        UiAuth::SignedIn(_) => Ok(Redirect::to(&next).into_response()),
        UiAuth::Anonymous => Ok(Redirect::to("/login").into_response()),
        UiAuth::PendingMfa(_) => {
            let community = state.settings().await?.community_name;
            Ok(page(
                StatusCode::OK,
                &MfaPage {
                    layout: Layout::public(t, &community, t.get("mfa-login-title"), "/login/mfa"),
                    next,
                    error: None,
                },
            ))
        }
    }
}

#[derive(Deserialize)]
pub struct MfaForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: Option<String>,
}

/// `POST /login/mfa`.
pub async fn mfa_submit(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    headers: HeaderMap,
    jar: CookieJar,
    MaybeSignedIn(auth): MaybeSignedIn,
    PublicForm(form): PublicForm<MfaForm>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    let UiAuth::PendingMfa(pending) = auth else {
        return Ok(Redirect::to("/login").into_response());
    };
    match login::with_second_factor(&state, &req, user_agent(&headers), &pending, &form.code)
        .await?
    {
        Ok(issued) => {
            let jar = clear_session_cookies(jar).add(session_cookie(issued.secret, req.secure));
            Ok((jar, Redirect::to(&next)).into_response())
        }
        Err(failure) => {
            let community = state.settings().await?.community_name;
            let status = match failure {
                LoginFailure::Locked(_) => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            Ok(page(
                status,
                &MfaPage {
                    layout: Layout::public(t, &community, t.get("mfa-login-title"), "/login/mfa"),
                    next,
                    error: Some(failure_text(t, failure)),
                },
            ))
        }
    }
}

#[derive(Deserialize)]
pub struct Empty {}

/// `POST /logout`.
pub async fn logout(
    State(state): State<AppState>,
    req: RequestCtx,
    jar: CookieJar,
    UiForm(session, _): UiForm<Empty>,
) -> AppResult<Response> {
    ops::logout(&state, &session.viewer, &req, &session.hash).await?;
    Ok((clear_session_cookies(jar), Redirect::to("/login")).into_response())
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    next: Option<String>,
    #[serde(default)]
    csrf: String,
}

/// `POST /language`: remembers the choice in a cookie, and in the profile of a signed-in person.
pub async fn set_language(
    State(state): State<AppState>,
    req: RequestCtx,
    jar: CookieJar,
    MaybeSignedIn(auth): MaybeSignedIn,
    PublicForm(form): PublicForm<LanguageForm>,
) -> AppResult<Response> {
    let lang = form
        .language
        .parse::<Language>()
        .ok()
        .filter(|l| l.is_interface_language())
        .ok_or_else(|| AppError::BadRequest("choose English, Nederlands or Français".into()))?;
    if let UiAuth::SignedIn(session) = &auth {
        if !ward_core::secret::constant_time_eq(form.csrf.as_bytes(), session.csrf.as_bytes()) {
            return Err(AppError::Forbidden(
                "this form expired or did not come from Ward; reload the page and try again".into(),
            ));
        }
        ops::update_profile(
            &state,
            &session.viewer,
            &req,
            &ops::ProfileDraft {
                display_name: None,
                language: Some(lang.code().to_owned()),
            },
        )
        .await?;
    }
    let cookie = Cookie::build((LANG_COOKIE, lang.code()))
        .path("/")
        .http_only(true)
        .secure(req.secure)
        .same_site(SameSite::Lax)
        .max_age(Duration::days(365))
        .build();
    Ok((
        jar.add(cookie),
        Redirect::to(&safe_next(form.next.as_deref())),
    )
        .into_response())
}

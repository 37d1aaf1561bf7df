//! Sign-in, sessions, throttling, the second factor and tokens.

use time::Duration;
use ward_core::auth::TokenScope;
use ward_core::mfa::TotpSecret;
use ward_core::org::{OrgKind, OrgRole};

use crate::harness::{PASSWORD, field_value};
use crate::on_each_engine;

fn cookie_of(r: &reqwest::Response) -> String {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.contains("ward_session="))
        .unwrap_or_default()
        .to_owned()
}

on_each_engine!(sign_in_sets_a_safe_session_cookie_and_signs_out, |app| {
    let org = app.org("AZ Login", OrgKind::GeneralHospital).await;
    app.person(org, "reader@azlogin.example", OrgRole::Reader, false)
        .await;
    let b = app.browser();
    let r = b
        .post_form(
            "/login",
            &[
                ("email", "Reader@AZLogin.example"),
                ("password", PASSWORD),
                ("next", "/org"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/org");
    let cookie = cookie_of(&r);
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "plain HTTP must not mark the cookie Secure: {cookie}"
    );
    assert!(b.page("/").await.contains("reader"));
    let r = b.submit("/", "/logout", &[]).await;
    assert_eq!(r.status(), 303);
    let r = b.get("/org").await;
    assert_eq!(r.status(), 303, "signed out: back to sign-in");
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
});

on_each_engine!(
    wrong_passwords_get_one_vague_answer_and_lock_the_account,
    |app| {
        let org = app.org("AZ Lock", OrgKind::GeneralHospital).await;
        app.person(org, "lock@azlock.example", OrgRole::Reader, false)
            .await;
        let b = app.browser();
        let unknown = b
            .post_form(
                "/login",
                &[
                    ("email", "nobody@azlock.example"),
                    ("password", "whatever it is"),
                ],
            )
            .await;
        assert_eq!(unknown.status(), 422);
        let unknown_text = unknown.text().await.unwrap();
        let wrong = b
            .post_form(
                "/login",
                &[
                    ("email", "lock@azlock.example"),
                    ("password", "not the password"),
                ],
            )
            .await;
        assert_eq!(wrong.status(), 422);
        let wrong_text = wrong.text().await.unwrap();
        let message = "The e-mail address or password is not right.";
        assert!(
            unknown_text.contains(message) && wrong_text.contains(message),
            "same message for both"
        );
        for _ in 0..3 {
            b.post_form(
                "/login",
                &[
                    ("email", "lock@azlock.example"),
                    ("password", "not the password"),
                ],
            )
            .await;
        }
        let locked = b
            .post_form(
                "/login",
                &[
                    ("email", "lock@azlock.example"),
                    ("password", "not the password"),
                ],
            )
            .await;
        assert_eq!(locked.status(), 429, "the fifth failure locks the account");
        // Even the right password is refused while locked.
        let right = b
            .post_form(
                "/login",
                &[("email", "lock@azlock.example"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(right.status(), 429);
        app.clock.advance(Duration::minutes(16));
        let later = b
            .post_form(
                "/login",
                &[("email", "lock@azlock.example"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(later.status(), 303, "the lock ends");
    }
);

on_each_engine!(sessions_end_when_idle_and_on_disable, |app| {
    app.without_required_mfa().await;
    let org = app.org("AZ Idle", OrgKind::GeneralHospital).await;
    let admin = app
        .person(org, "admin@azidle.example", OrgRole::Admin, false)
        .await;
    let reader = app
        .person(org, "reader@azidle.example", OrgRole::Reader, false)
        .await;
    let b = app.signed_in("reader@azidle.example").await;
    assert_eq!(b.get("/").await.status(), 200);
    app.clock.advance(Duration::minutes(61));
    assert_eq!(
        b.get("/").await.status(),
        303,
        "idle sessions end after 60 minutes"
    );

    let b = app.signed_in("reader@azidle.example").await;
    let token = app.token(reader, TokenScope::Read).await;
    assert_eq!(app.api(&token).get("/me").await.0, 200);
    let a = app.signed_in("admin@azidle.example").await;
    let r = a
        .submit(
            "/org",
            &format!("/people/{reader}/status"),
            &[("status", "disabled"), ("return_to", "/org")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        b.get("/").await.status(),
        303,
        "a disabled person's session ends"
    );
    assert_eq!(
        app.api(&token).get("/me").await.0,
        401,
        "and their tokens stop working"
    );
    let _ = admin;
});

on_each_engine!(a_role_change_ends_the_sessions_of_that_person, |app| {
    app.without_required_mfa().await;
    let org = app.org("AZ Role", OrgKind::GeneralHospital).await;
    app.person(org, "admin@azrole.example", OrgRole::Admin, false)
        .await;
    let reader = app
        .person(org, "reader@azrole.example", OrgRole::Reader, false)
        .await;
    let b = app.signed_in("reader@azrole.example").await;
    let a = app.signed_in("admin@azrole.example").await;
    let r = a
        .submit(
            "/org",
            &format!("/people/{reader}/role"),
            &[("role", "contributor"), ("return_to", "/org")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(b.get("/").await.status(), 303);
    // Admins cannot change their own role or status.
    let me = app
        .api(&app.token(reader, TokenScope::Read).await)
        .get("/me")
        .await;
    assert_eq!(me.1["role"], "contributor");
});

on_each_engine!(mfa_enrolment_then_totp_and_recovery_sign_in, |app| {
    let org = app.org("AZ Totp", OrgKind::GeneralHospital).await;
    app.person(org, "admin@aztotp.example", OrgRole::Admin, false)
        .await;
    let b = app.signed_in("admin@aztotp.example").await;
    // An administrator without a second factor is sent to enrol before anything else.
    let r = b.get("/org").await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/profile/mfa");
    let page = b.page("/profile/mfa").await;
    assert!(page.contains("<svg"), "a QR code is shown");
    let secret_text = page
        .split("id=\"totp-secret\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let secret = TotpSecret::from_base32(&secret_text).unwrap();
    let csrf = field_value(&page, "csrf").unwrap();
    let wrong = b
        .post_form("/profile/mfa", &[("csrf", &csrf), ("code", "000000")])
        .await;
    assert_eq!(wrong.status(), 422);
    let code = secret.code_at(app.store.now()).unwrap();
    let ok = b
        .post_form("/profile/mfa", &[("csrf", &csrf), ("code", &code)])
        .await;
    assert_eq!(ok.status(), 200);
    let html = ok.text().await.unwrap();
    let codes: Vec<String> = html
        .split("id=\"recovery-codes\">")
        .nth(1)
        .unwrap()
        .split("</ol>")
        .next()
        .unwrap()
        .split("<li>")
        .skip(1)
        .map(|s| s.split("</li>").next().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 10);
    assert_eq!(b.get("/org").await.status(), 200, "enrolled: pages open");

    // Signing in now takes a code; the session id changes at the second step.
    let fresh = app.browser();
    let r = fresh
        .post_form(
            "/login",
            &[("email", "admin@aztotp.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login/mfa")
    );
    let pending_cookie = cookie_of(&r);
    assert_eq!(
        fresh.get("/").await.status(),
        303,
        "not signed in before the code"
    );
    let reused = fresh.post_form("/login/mfa", &[("code", &code)]).await;
    assert_eq!(reused.status(), 422, "a code works only once");
    app.clock.advance(Duration::seconds(30));
    let next_code = secret.code_at(app.store.now()).unwrap();
    let r = fresh.post_form("/login/mfa", &[("code", &next_code)]).await;
    assert_eq!(r.status(), 303);
    let new_cookie = cookie_of(&r);
    assert_ne!(pending_cookie, new_cookie, "the session id is rotated");
    assert_eq!(fresh.get("/org").await.status(), 200);

    // A recovery code works once.
    let other = app.browser();
    other
        .post_form(
            "/login",
            &[("email", "admin@aztotp.example"), ("password", PASSWORD)],
        )
        .await;
    let r = other
        .post_form("/login/mfa", &[("code", &codes[0].to_uppercase())])
        .await;
    assert_eq!(r.status(), 303);
    let again = app.browser();
    again
        .post_form(
            "/login",
            &[("email", "admin@aztotp.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        again
            .post_form("/login/mfa", &[("code", &codes[0])])
            .await
            .status(),
        422
    );
});

on_each_engine!(tokens_are_scoped_expiring_and_revocable, |app| {
    app.without_required_mfa().await;
    let org = app.org("AZ Tokens", OrgKind::GeneralHospital).await;
    let p = app
        .person(org, "dev@aztokens.example", OrgRole::Contributor, false)
        .await;
    let read = app.token(p, TokenScope::Read).await;
    let (status, me) = app.api(&read).get("/me").await;
    assert_eq!(status, 200);
    assert_eq!(me["token_scope"], "read");
    let (status, problem) = app
        .api(&read)
        .post(
            "/tokens",
            &serde_json::json!({"name": "x", "scope": "read"}),
        )
        .await;
    assert_eq!(status, 403, "a read token cannot write: {problem}");
    let write = app.token(p, TokenScope::Write).await;
    let (status, problem) = app
        .api(&write)
        .post(
            "/tokens",
            &serde_json::json!({"name": "SIEM", "scope": "read", "expires_days": 1}),
        )
        .await;
    assert_eq!(status, 422, "a token alone cannot mint tokens: {problem}");
    assert_eq!(problem["errors"][0]["field"], "current_password");
    let (status, problem) = app
        .api(&write)
        .post(
            "/me/mfa",
            &serde_json::json!({"current_password": "wrong guess"}),
        )
        .await;
    assert_eq!(status, 422, "nor take over the second factor: {problem}");
    let (status, issued) = app
        .api(&write)
        .post("/tokens", &serde_json::json!({"name": "SIEM", "scope": "read", "expires_days": 1, "current_password": PASSWORD}))
        .await;
    assert_eq!(status, 201, "{issued}");
    let secret = issued["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("ward_pat_"));
    assert_eq!(app.api(&secret).get("/me").await.0, 200);
    app.clock.advance(Duration::days(2));
    assert_eq!(app.api(&secret).get("/me").await.0, 401, "expired");
    let id = issued["token"]["id"].as_str().unwrap();
    let r = app
        .api(&write)
        .send(
            reqwest::Method::DELETE,
            &format!("/tokens/{id}"),
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(r.0, 204);
    // Basic authentication with the token as password also works (TAXII clients).
    let basic = reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .basic_auth("anyone", Some(&write))
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), 200);
    let none = reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), 401);
    assert!(none.headers().contains_key("www-authenticate"));
    assert_eq!(none.headers()["content-type"], "application/problem+json");
});

on_each_engine!(admins_without_a_second_factor_cannot_use_the_api, |app| {
    let org = app.org("AZ Admin", OrgKind::GeneralHospital).await;
    let admin = app
        .person(org, "admin@azadmin.example", OrgRole::Admin, false)
        .await;
    let token = app.token(admin, TokenScope::Read).await;
    let (status, problem) = app.api(&token).get("/me").await;
    assert_eq!(status, 403);
    assert_eq!(problem["type"], "/problems/mfa-enrolment-required");
});

on_each_engine!(secure_deployments_use_host_cookies_and_hsts, |app| {
    let secure = crate::harness::TestApp::spawn_with(
        app.store.engine(),
        ward_web::WebConfig {
            public_url: Some("https://ward.example.org".parse().unwrap()),
            ..ward_web::WebConfig::default()
        },
    )
    .await;
    let org = secure.org("AZ Secure", OrgKind::GeneralHospital).await;
    secure
        .person(org, "x@azsecure.example", OrgRole::Reader, false)
        .await;
    let b = secure.browser();
    let r = b
        .client
        .post(secure.url("/login"))
        .header("origin", "https://ward.example.org")
        .form(&[("email", "x@azsecure.example"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let cookie = cookie_of(&r);
    assert!(cookie.starts_with("__Host-ward_session="), "{cookie}");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(
        r.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=")
    );
});

on_each_engine!(
    password_changes_end_other_sessions_and_guesses_lock_out,
    |app| {
        app.without_required_mfa().await;
        let org = app.org("AZ Password", OrgKind::GeneralHospital).await;
        let p = app
            .person(org, "pw@azpassword.example", OrgRole::Contributor, false)
            .await;
        let other = app.signed_in("pw@azpassword.example").await;
        let token = app.token(p, TokenScope::Write).await;
        let new_password = "a brand new passphrase for ward";
        let change = serde_json::json!({
            "current_password": PASSWORD, "new_password": new_password, "new_password_confirm": new_password,
        });
        assert_eq!(app.api(&token).post("/me/password", &change).await.0, 204);
        assert_eq!(
            other.get("/").await.status(),
            303,
            "other sessions end with a new password"
        );
        let b = app.browser();
        let old = b
            .post_form(
                "/login",
                &[("email", "pw@azpassword.example"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(old.status(), 422);
        let new = b
            .post_form(
                "/login",
                &[
                    ("email", "pw@azpassword.example"),
                    ("password", new_password),
                ],
            )
            .await;
        assert_eq!(new.status(), 303);
        // Guessing the password through a stolen token locks the account like wrong sign-ins do.
        let guess = serde_json::json!({
            "current_password": "just a guess", "new_password": new_password, "new_password_confirm": new_password,
        });
        for _ in 0..5 {
            assert_eq!(app.api(&token).post("/me/password", &guess).await.0, 422);
        }
        let locked = app
            .browser()
            .post_form(
                "/login",
                &[
                    ("email", "pw@azpassword.example"),
                    ("password", new_password),
                ],
            )
            .await;
        assert_eq!(locked.status(), 429);
    }
);

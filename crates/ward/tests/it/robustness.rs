//! Bad input of every sort gets a clear 4xx — never a panic, never a 500 — and every response carries the
//! security headers.

use serde_json::json;
use ward_core::auth::TokenScope;
use ward_core::org::{OrgKind, OrgRole};

use crate::harness::{PASSWORD, TestApp};
use crate::on_each_engine;

async fn member(app: &TestApp) -> String {
    app.without_required_mfa().await;
    let org = app.org("AZ Robust", OrgKind::GeneralHospital).await;
    let p = app
        .person(
            org,
            "officer@robust.example",
            OrgRole::SecurityOfficer,
            false,
        )
        .await;
    app.token(p, TokenScope::Write).await
}

/// Sends the head of a POST that announces `length` bytes of JSON, without the body, and returns the answer.
async fn declare_body(app: &TestApp, path: &str, token: &str, length: usize) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.base.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut answer),
    )
    .await;
    String::from_utf8_lossy(&answer).into_owned()
}

async fn raw(
    app: &TestApp,
    method: &str,
    path: &str,
    token: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (u16, String, String) {
    let r = reqwest::Client::new()
        .request(method.parse().unwrap(), app.url(path))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let ct = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, ct, r.text().await.unwrap())
}

on_each_engine!(malformed_api_input_gets_problem_details, |app| {
    let token = member(&app).await;
    let cases: Vec<(&str, &str, &str, Vec<u8>, u16)> = vec![
        (
            "POST",
            "/api/v1/announcements",
            "application/json",
            b"{not json".to_vec(),
            400,
        ),
        (
            "POST",
            "/api/v1/announcements",
            "text/plain",
            b"{}".to_vec(),
            400,
        ),
        (
            "POST",
            "/api/v1/announcements",
            "application/json",
            br#"{"title": 42}"#.to_vec(),
            422,
        ),
        (
            "POST",
            "/api/v1/announcements",
            "application/json",
            br#"{"title":"t","language":"en","tlp":"AMBER","audience":"galaxy"}"#.to_vec(),
            422,
        ),
        (
            "POST",
            "/api/v1/announcements",
            "application/json",
            vec![b'['; 5000],
            422,
        ),
        (
            "POST",
            "/api/v1/tokens",
            "application/json",
            br#"{"name":"","scope":"everything"}"#.to_vec(),
            422,
        ),
        (
            "POST",
            "/api/v1/tokens",
            "application/json",
            br#"{"name":"n","scope":"read","expires_days":-1}"#.to_vec(),
            422,
        ),
        (
            "GET",
            "/api/v1/announcements/not-a-uuid",
            "application/json",
            vec![],
            404,
        ),
        (
            "GET",
            "/api/v1/items?tlp=PURPLE",
            "application/json",
            vec![],
            422,
        ),
        (
            "GET",
            "/api/v1/items?limit=abc",
            "application/json",
            vec![],
            400,
        ),
        (
            "GET",
            "/api/v1/nothing-here",
            "application/json",
            vec![],
            404,
        ),
        ("DELETE", "/api/v1/me", "application/json", vec![], 405),
        (
            "PATCH",
            "/api/v1/people/0190a1b2-0000-7000-8000-000000000000",
            "application/json",
            br#"{"role":"org_admin"}"#.to_vec(),
            404,
        ),
    ];
    for (method, path, ct, body, expected) in cases {
        let (status, content_type, text) = raw(&app, method, path, &token, ct, body).await;
        assert_eq!(status, expected, "{method} {path}: {text}");
        assert_eq!(content_type, "application/problem+json", "{method} {path}");
        let problem: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(problem["status"], expected);
        assert!(problem["detail"].as_str().is_some_and(|d| !d.is_empty()));
        assert!(
            !problem["request_id"]
                .as_str()
                .unwrap_or_default()
                .is_empty()
        );
    }
    // An oversized body is refused from its declared length, before it is read. The request goes out by hand:
    // an HTTP client still writing the body when the answer comes may report the closed connection instead.
    let answer = declare_body(&app, "/api/v1/announcements", &token, 2 * 1024 * 1024).await;
    assert!(
        answer.starts_with("HTTP/1.1 413"),
        "an oversized body is refused: {answer}"
    );
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("content-type: application/problem+json"),
        "{answer}"
    );
    let (status, _, text) = raw(&app, "POST", "/api/v1/announcements", &token, "application/json",
        serde_json::to_vec(&json!({"title": "x".repeat(300), "language": "en", "tlp": "GREEN", "audience": "community"})).unwrap()).await;
    assert_eq!(status, 422);
    assert!(text.contains("\"field\":\"title\""), "{text}");
});

on_each_engine!(forms_need_the_session_token_and_same_site_origin, |app| {
    app.without_required_mfa().await;
    let org = app.org("AZ Forms", OrgKind::GeneralHospital).await;
    app.person(org, "contrib@forms.example", OrgRole::Contributor, false)
        .await;
    let b = app.signed_in("contrib@forms.example").await;
    let r = b.post_form("/profile", &[("display_name", "Forged")]).await;
    assert_eq!(
        r.status(),
        403,
        "a form without the session's token is refused"
    );
    let r = b
        .post_form("/profile", &[("csrf", "wrong"), ("display_name", "Forged")])
        .await;
    assert_eq!(r.status(), 403);
    let csrf = b.csrf("/profile").await;
    let cross = b
        .client
        .post(app.url("/profile"))
        .header("sec-fetch-site", "cross-site")
        .header("origin", "https://evil.example")
        .form(&[("csrf", csrf.as_str()), ("display_name", "Forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        cross.status(),
        403,
        "cross-site posts are refused even with a token"
    );
    let ok = b
        .post_form(
            "/profile",
            &[("csrf", csrf.as_str()), ("display_name", "Real Name")],
        )
        .await;
    assert_eq!(ok.status(), 303);
    let cross_login = reqwest::Client::new()
        .post(app.url("/login"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("email", "contrib@forms.example"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(cross_login.status(), 403, "no login CSRF");
});

on_each_engine!(every_response_carries_security_headers, |app| {
    for path in [
        "/login",
        "/healthz",
        "/static/ward.css",
        "/api/openapi.json",
        "/does-not-exist",
    ] {
        let r = reqwest::get(app.url(path)).await.unwrap();
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "same-origin");
        assert!(h.contains_key("x-request-id"), "{path}");
    }
    let page = reqwest::get(app.url("/login"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("<script>"), "no inline scripts");
    assert!(!page.contains(" style=\""), "no inline styles");
});

on_each_engine!(user_content_is_escaped_and_redirects_stay_local, |app| {
    app.without_required_mfa().await;
    let org = app.org("AZ Escape", OrgKind::GeneralHospital).await;
    let p = app
        .person(org, "x@escape.example", OrgRole::Contributor, false)
        .await;
    let token = app.token(p, TokenScope::Write).await;
    let (status, created) = app
        .api(&token)
        .post(
            "/announcements",
            &json!({"title": "<script>alert(1)</script>", "body": "<img src=x onerror=alert(1)>",
            "language": "en", "tlp": "GREEN", "audience": "community"}),
        )
        .await;
    assert_eq!(status, 201);
    let b = app.signed_in("x@escape.example").await;
    let html = b
        .page(&format!(
            "/announcements/{}",
            created["id"].as_str().unwrap()
        ))
        .await;
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(
        html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
        "shown as text"
    );
    assert!(!html.contains("<img src=x"));
    let evil = app.browser();
    let r = evil
        .post_form(
            "/login",
            &[
                ("email", "x@escape.example"),
                ("password", PASSWORD),
                ("next", "//evil.example/steal"),
            ],
        )
        .await;
    assert_eq!(r.headers()["location"], "/");
    let r = evil.get("/login?next=https://evil.example").await;
    assert_eq!(r.status(), 303, "already signed in");
    assert_eq!(r.headers()["location"], "/");
});

on_each_engine!(health_readiness_and_metrics, |app| {
    let r = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(r.status(), 200);
    let r: serde_json::Value = reqwest::get(app.url("/readyz"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["status"], "ready");
    reqwest::get(app.url("/login")).await.unwrap();
    let text = reqwest::get(app.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for metric in [
        "ward_http_requests_total",
        "ward_http_request_duration_seconds_bucket",
        "ward_db_pool_connections",
        "ward_jobs{status=\"pending\"}",
    ] {
        assert!(text.contains(metric), "{metric} missing from /metrics");
    }
    assert!(text.contains("route=\"/login\""));
});

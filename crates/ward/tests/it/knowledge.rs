//! The knowledge base: articles with versions and differences, comments under the item's marking, Markdown that
//! cannot carry active content — over the API and in the UI.

use serde_json::json;
use ward_core::auth::TokenScope;
use ward_core::org::{OrgKind, OrgRole};

use crate::harness::TestApp;
use crate::on_each_engine;

struct Members {
    alpha: String,
    alpha_admin: String,
    beta: String,
    gamma: String,
    reader: String,
    alpha_org: ward_core::ids::OrgId,
    beta_org: ward_core::ids::OrgId,
}

async fn members(app: &TestApp) -> Members {
    app.without_required_mfa().await;
    let alpha = app.org("AZ Alpha", OrgKind::GeneralHospital).await;
    let beta = app.org("UZ Beta", OrgKind::UniversityHospital).await;
    let gamma = app.org("PZ Gamma", OrgKind::PsychiatricHospital).await;
    let a = app
        .person(alpha, "ciso@alpha.example", OrgRole::SecurityOfficer, false)
        .await;
    let aa = app
        .person(alpha, "admin@alpha.example", OrgRole::Admin, false)
        .await;
    let r = app
        .person(alpha, "reader@alpha.example", OrgRole::Reader, false)
        .await;
    let b = app
        .person(beta, "ciso@beta.example", OrgRole::SecurityOfficer, false)
        .await;
    let g = app
        .person(gamma, "ciso@gamma.example", OrgRole::SecurityOfficer, false)
        .await;
    Members {
        alpha: app.token(a, TokenScope::Write).await,
        alpha_admin: app.token(aa, TokenScope::Write).await,
        beta: app.token(b, TokenScope::Write).await,
        gamma: app.token(g, TokenScope::Write).await,
        reader: app.token(r, TokenScope::Write).await,
        alpha_org: alpha,
        beta_org: beta,
    }
}

fn lesson() -> serde_json::Value {
    json!({
        "title": "Ransomware via a supplier's VPN account",
        "summary": "What we would do differently",
        "body": "## Timeline\n\nThe supplier account had no MFA.\n\n<script>alert('x')</script>\n\n[CCB](https://ccb.belgium.be) ![logo](https://tracker.example/p.png)\n",
        "category": "lessons_learned",
        "topics": ["supply_chain", "technical"],
        "language": "en",
        "tlp": "GREEN",
        "audience": "community",
        "anonymous": true,
    })
}

on_each_engine!(
    articles_keep_their_history_and_hide_anonymous_contributors,
    |app| {
        let m = members(&app).await;
        let (status, problem) = app.api(&m.reader).post("/articles", &lesson()).await;
        assert_eq!(status, 403, "readers do not publish: {problem}");
        let mut bad = lesson();
        bad["category"] = json!("novel");
        bad["topics"] = json!(["gardening"]);
        let (status, problem) = app.api(&m.alpha).post("/articles", &bad).await;
        assert_eq!(status, 422);
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["category", "topics"], "{problem}");

        let (status, created) = app.api(&m.alpha).post("/articles", &lesson()).await;
        assert_eq!(status, 201, "{created}");
        let id = created["id"].as_str().unwrap().to_owned();
        let html = created["html"].as_str().unwrap();
        assert!(html.contains("<h2>Timeline</h2>"), "{html}");
        assert!(
            !html.contains("<script"),
            "raw HTML is shown as text: {html}"
        );
        assert!(html.contains("&lt;script&gt;"));
        assert!(
            !html.contains("tracker.example"),
            "no external images: {html}"
        );
        assert_eq!(created["topics"], json!(["supply_chain", "technical"]));

        let (_, seen) = app.api(&m.beta).get(&format!("/articles/{id}")).await;
        assert!(seen["contributor"].is_null(), "anonymous to others: {seen}");
        assert_eq!(seen["anonymous"], true);
        let (_, own) = app
            .api(&m.alpha_admin)
            .get(&format!("/articles/{id}"))
            .await;
        assert_eq!(own["contributor"]["org_name"], "AZ Alpha", "{own}");

        let mut second = lesson();
        second["body"] = json!("## Timeline\n\nThe supplier account had no MFA and no expiry.\n");
        second["version"] = json!(1);
        let (status, updated) = app
            .api(&m.alpha)
            .send(reqwest::Method::PUT, &format!("/articles/{id}"), &second)
            .await;
        assert_eq!(status, 200, "{updated}");
        assert_eq!(updated["version"], 2);
        let (status, _) = app
            .api(&m.alpha)
            .send(reqwest::Method::PUT, &format!("/articles/{id}"), &second)
            .await;
        assert_eq!(status, 409, "based on an old version");
        second["version"] = json!(2);
        let (status, _) = app
            .api(&m.beta)
            .send(reqwest::Method::PUT, &format!("/articles/{id}"), &second)
            .await;
        assert_eq!(status, 403, "other organizations do not edit");

        let (_, versions) = app
            .api(&m.beta)
            .get(&format!("/articles/{id}/versions"))
            .await;
        let versions = versions.as_array().unwrap();
        assert_eq!(versions.len(), 2);
        assert_eq!(versions[0]["version"], 2);
        assert!(
            versions[0]["editor"].is_null(),
            "editors of anonymous articles stay hidden"
        );
        let (_, own_versions) = app
            .api(&m.alpha_admin)
            .get(&format!("/articles/{id}/versions"))
            .await;
        assert_eq!(own_versions[1]["editor"], "ciso");
        let (_, v1) = app
            .api(&m.beta)
            .get(&format!("/articles/{id}/versions/1"))
            .await;
        assert!(
            v1["body"].as_str().unwrap().contains("<script>"),
            "the source is kept as written"
        );
        let (status, diff) = app
            .api(&m.beta)
            .get(&format!("/articles/{id}/diff?from=1&to=2&context=0"))
            .await;
        assert_eq!(status, 200, "{diff}");
        let added: Vec<&str> = diff
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["change"] == "added")
            .map(|l| l["text"].as_str().unwrap())
            .collect();
        assert_eq!(added, ["The supplier account had no MFA and no expiry."]);
        let (status, _) = app
            .api(&m.beta)
            .get(&format!("/articles/{id}/versions/7"))
            .await;
        assert_eq!(status, 404);

        let filtered = app.api(&m.gamma).all("/articles?topic=supply_chain").await;
        assert_eq!(filtered.len(), 1);
        assert!(filtered[0].get("body").is_none(), "lists carry no text");
        assert!(app.api(&m.gamma).all("/articles?topic=ai").await.is_empty());
        assert!(
            app.api(&m.gamma)
                .all("/articles?category=playbook")
                .await
                .is_empty()
        );
        let (status, problem) = app.api(&m.gamma).get("/articles?topic=gardening").await;
        assert_eq!(status, 422);
        assert_eq!(problem["errors"][0]["field"], "topic");
    }
);

on_each_engine!(comments_follow_the_marking_of_their_item, |app| {
    let m = members(&app).await;
    let mut amber = lesson();
    amber["tlp"] = json!("AMBER");
    amber["audience"] = json!("organizations");
    amber["audience_ids"] = json!([m.beta_org.to_string()]);
    let (status, created) = app.api(&m.alpha).post("/articles", &amber).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    let comments = format!("/items/{id}/comments");

    let (status, _) = app.api(&m.gamma).get(&comments).await;
    assert_eq!(
        status, 404,
        "outside the audience, the comments do not exist"
    );
    let (status, _) = app
        .api(&m.gamma)
        .post(&comments, &json!({"body": "me too"}))
        .await;
    assert_eq!(status, 404);

    let (status, problem) = app
        .api(&m.beta)
        .post(
            &comments,
            &json!({"body": "Our patient 85.07.30-033.28 was affected"}),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["personal_data"][0]["kind"], "national_number");
    let (status, from_beta) = app
        .api(&m.beta)
        .post(
            &comments,
            &json!({"body": "We saw the **same** supplier account."}),
        )
        .await;
    assert_eq!(status, 201, "{from_beta}");
    assert_eq!(from_beta["author"], "ciso");
    assert!(
        from_beta["html"]
            .as_str()
            .unwrap()
            .contains("<strong>same</strong>")
    );
    let (status, from_owner) = app
        .api(&m.alpha)
        .post(&comments, &json!({"body": "Thanks — we rotated it."}))
        .await;
    assert_eq!(status, 201);

    let (_, thread) = app.api(&m.beta).get(&comments).await;
    let thread = thread.as_array().unwrap();
    assert_eq!(thread.len(), 2);
    assert!(
        thread[1]["author"].is_null() && thread[1]["organization"].is_null(),
        "the anonymous contributor's own comment does not name it: {}",
        thread[1]
    );
    assert_eq!(thread[0]["can_delete"], true, "one's own comment");
    assert_eq!(thread[1]["can_delete"], false);
    let (_, own_view) = app.api(&m.alpha_admin).get(&comments).await;
    assert_eq!(own_view[1]["organization"], "AZ Alpha");
    assert_eq!(
        own_view[0]["can_delete"], true,
        "editors of the item moderate"
    );

    let owner_comment = from_owner["id"].as_str().unwrap();
    let (status, _) = app
        .api(&m.beta)
        .send(
            reqwest::Method::DELETE,
            &format!("{comments}/{owner_comment}"),
            &json!({}),
        )
        .await;
    assert_eq!(status, 403);
    let (status, _) = app
        .api(&m.alpha)
        .send(
            reqwest::Method::DELETE,
            &format!("{comments}/{owner_comment}"),
            &json!({}),
        )
        .await;
    assert_eq!(status, 204);

    // Narrowing the article takes its comments along: Beta no longer reads either.
    let mut narrowed = amber.clone();
    narrowed["tlp"] = json!("AMBER+STRICT");
    narrowed["audience_ids"] = json!([m.alpha_org.to_string()]);
    narrowed["version"] = json!(1);
    let (status, body) = app
        .api(&m.alpha)
        .send(reqwest::Method::PUT, &format!("/articles/{id}"), &narrowed)
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = app.api(&m.beta).get(&comments).await;
    assert_eq!(status, 404);
});

on_each_engine!(the_knowledge_base_works_in_the_browser, |app| {
    let _m = members(&app).await;
    let b = app.signed_in("ciso@alpha.example").await;
    let r = b
        .submit(
            "/knowledge/new",
            "/knowledge",
            &[
                ("title", "Downtime procedures that worked"),
                ("summary", ""),
                ("category", "playbook"),
                ("topics", "policy"),
                ("topics", "technical"),
                ("language", "en"),
                ("body", "# Paper forms\n\n- admissions\n- lab orders\n"),
                ("tlp", "GREEN"),
                ("audience", "community"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let path = location.split('?').next().unwrap().to_owned();
    let page = b.page(&path).await;
    assert!(page.contains("<h1>Paper forms</h1>"), "Markdown rendered");
    assert!(page.contains("Playbook") && page.contains("Policy"));
    assert!(
        page.contains("AZ Alpha"),
        "named: the checkbox was not ticked"
    );

    let edit = b.page(&format!("{path}/edit")).await;
    let version = crate::harness::field_value(&edit, "version").unwrap();
    let r = b
        .submit(
            &format!("{path}/edit"),
            &path,
            &[
                ("version", version.as_str()),
                ("title", "Downtime procedures that worked"),
                ("category", "playbook"),
                ("topics", "policy"),
                ("language", "en"),
                ("body", "# Paper forms\n\n- admissions\n- pharmacy\n"),
                ("tlp", "GREEN"),
                ("audience", "community"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let history = b.page(&format!("{path}/history")).await;
    assert!(
        history.contains("<del>- lab orders</del>"),
        "the removed line"
    );
    assert!(history.contains("<ins>- pharmacy</ins>"), "the added line");

    let r = b
        .submit(
            &path,
            &format!("{path}/comments"),
            &[("body", "Call me on 0470 12 34 56")],
        )
        .await;
    assert_eq!(r.status(), 422, "the guard stops the comment");
    let html = r.text().await.unwrap();
    assert!(html.contains("name=\"confirm\" value=\"phone:0470 12 34 56\""));
    let r = b
        .submit(
            &path,
            &format!("{path}/comments"),
            &[
                ("body", "Call me on 0470 12 34 56"),
                ("confirm", "phone:0470 12 34 56"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(b.page(&path).await.contains("Call me on 0470 12 34 56"));

    let list = b.page("/knowledge?topic=policy").await;
    assert!(list.contains("Downtime procedures that worked"));
    let none = b.page("/knowledge?topic=ai").await;
    assert!(!none.contains("Downtime procedures that worked"));
});

on_each_engine!(the_public_portal_shows_clear_items_only, |app| {
    let m = members(&app).await;
    let mut clear = lesson();
    clear["title"] = json!("Tabletop kit for everyone");
    clear["tlp"] = json!("CLEAR");
    clear["anonymous"] = json!(false);
    let (_, open) = app.api(&m.alpha).post("/articles", &clear).await;
    let (_, green) = app.api(&m.alpha).post("/articles", &lesson()).await;
    let (status, _) = app
        .api(&m.alpha)
        .post(
            "/announcements",
            &json!({"title": "Members only notice", "summary": "", "body": "x", "language": "en",
                "tlp": "GREEN", "audience": "community"}),
        )
        .await;
    assert_eq!(status, 201);

    let visitor = app.browser();
    let portal = visitor.get("/public").await;
    assert_eq!(portal.status(), 200, "no sign-in needed");
    let html = portal.text().await.unwrap();
    assert!(html.contains("Tabletop kit for everyone"));
    assert!(
        html.contains("AZ Alpha"),
        "a named CLEAR item shows its organization"
    );
    assert!(
        !html.contains("Ransomware via a supplier"),
        "GREEN stays inside"
    );
    assert!(!html.contains("Members only notice"));
    assert!(
        html.contains("<div class=\"value\">3</div>"),
        "three items shared in all"
    );
    let page = visitor
        .get(&format!("/public/items/{}", open["id"].as_str().unwrap()))
        .await;
    assert_eq!(page.status(), 200);
    assert!(
        page.text().await.unwrap().contains("<h2>Timeline</h2>"),
        "rendered"
    );
    let hidden = visitor
        .get(&format!("/public/items/{}", green["id"].as_str().unwrap()))
        .await;
    assert_eq!(
        hidden.status(),
        404,
        "a GREEN item does not exist for the public"
    );
    assert_eq!(
        visitor.get("/public/items/not-an-id").await.status(),
        400,
        "a malformed id is a bad request"
    );
});

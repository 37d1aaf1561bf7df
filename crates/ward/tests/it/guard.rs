//! The personal-data guard on every write path: the API, the UI and `ward scrub`.

use serde_json::json;
use ward_core::auth::TokenScope;
use ward_core::org::{OrgKind, OrgRole};
use ward_store::DatabaseTarget;

use crate::harness::TestApp;
use crate::on_each_engine;

/// A test number from the reference notes (python-stdnum's documentation example), not a real person's.
const NATIONAL_NUMBER: &str = "85.07.30-033.28";

fn draft(body: &str) -> serde_json::Value {
    json!({
        "title": "Vishing at the service desk",
        "summary": "A caller posed as a physician",
        "body": body,
        "language": "en",
        "tlp": "GREEN",
        "audience": "community",
    })
}

/// Every byte the database keeps on disk, for SQLite: the main file and the write-ahead log.
fn sqlite_bytes(app: &TestApp) -> Vec<u8> {
    let DatabaseTarget::Sqlite(path) = &app.db.target else {
        return Vec::new();
    };
    let mut bytes = std::fs::read(path).unwrap_or_default();
    let mut wal = path.clone().into_os_string();
    wal.push("-wal");
    bytes.extend(std::fs::read(wal).unwrap_or_default());
    bytes
}

on_each_engine!(personal_data_never_reaches_the_database, |app| {
    app.without_required_mfa().await;
    let hospital = app.org("AZ Alpha", OrgKind::GeneralHospital).await;
    let officer = app
        .person(
            hospital,
            "officer@alpha.example",
            OrgRole::SecurityOfficer,
            false,
        )
        .await;
    let token = app.token(officer, TokenScope::Write).await;
    let api = app.api(&token);

    let mut confirmed_anyway = draft(&format!("The caller read out INSZ {NATIONAL_NUMBER}."));
    confirmed_anyway["confirmed_personal_data"] =
        json!([format!("national_number:{NATIONAL_NUMBER}")]);
    let (status, problem) = api.post("/announcements", &confirmed_anyway).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "body");
    let finding = &problem["personal_data"][0];
    assert_eq!(finding["kind"], "national_number");
    assert_eq!(finding["confirmable"], false);
    assert_eq!(
        (finding["start"].as_u64(), finding["end"].as_u64()),
        (Some(25), Some(40))
    );
    assert!(finding.get("text").is_none(), "{problem}");
    assert!(
        !problem.to_string().contains("033"),
        "the number is never repeated: {problem}"
    );

    let bis = draft("Also BIS 98.47.28-997.65 in the ticket");
    let (status, problem) = api.post("/announcements", &bis).await;
    assert_eq!(status, 422);
    assert_eq!(problem["personal_data"][0]["kind"], "bis_number");

    let contact = draft("Report to psirt@vendor.example or call +32 2 123 45 67.");
    let (status, problem) = api.post("/announcements", &contact).await;
    assert_eq!(status, 422, "{problem}");
    let confirmations: Vec<String> = problem["personal_data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}",
                f["kind"].as_str().unwrap(),
                f["text"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        confirmations,
        ["email:psirt@vendor.example", "phone:+32 2 123 45 67"]
    );
    let mut half = contact.clone();
    half["confirmed_personal_data"] = json!([confirmations[0]]);
    let (status, problem) = api.post("/announcements", &half).await;
    assert_eq!(status, 422, "the phone number is still unconfirmed");
    assert_eq!(problem["personal_data"].as_array().unwrap().len(), 1);
    let mut whole = contact.clone();
    whole["confirmed_personal_data"] = json!(confirmations);
    let (status, created) = api.post("/announcements", &whole).await;
    assert_eq!(status, 201, "{created}");

    let id = created["id"].as_str().unwrap();
    let mut edit = draft(&format!("Correction: {NATIONAL_NUMBER}"));
    edit["version"] = created["version"].clone();
    let (status, _) = api
        .send(reqwest::Method::PUT, &format!("/announcements/{id}"), &edit)
        .await;
    assert_eq!(status, 422, "updates pass the guard too");
    assert_eq!(api.all("/announcements").await.len(), 1);

    // The UI: the finding is shown in place, and the form does not save.
    let browser = app.signed_in("officer@alpha.example").await;
    let r = browser
        .submit(
            "/announcements/new",
            "/announcements",
            &[
                ("title", "Lessons from a vishing call"),
                ("summary", ""),
                ("body", &format!("Caller: {NATIONAL_NUMBER}")),
                ("language", "en"),
                ("tlp", "GREEN"),
                ("audience", "community"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("guard-preview"),
        "the text is shown with the finding marked"
    );
    assert!(html.contains("<mark title=\"Belgian national register number\">"));
    assert!(!html.contains("name=\"confirm\" value=\"national_number"));
    let r = browser
        .submit(
            "/announcements/new",
            "/announcements",
            &[
                ("title", "Supplier PSIRT contact"),
                ("body", "Write to psirt@vendor.example"),
                ("language", "en"),
                ("tlp", "GREEN"),
                ("audience", "community"),
                ("confirm", "email:psirt@vendor.example"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "a confirmed contact address is shared");

    let stored = sqlite_bytes(&app);
    let digits = NATIONAL_NUMBER.replace(['.', '-'], "");
    for needle in [NATIONAL_NUMBER, digits.as_str(), "98.47.28-997.65"] {
        assert!(
            !stored.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle} reached the database file"
        );
    }
});

fn scrub(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ward"))
        .arg("scrub")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default().as_bytes())
        .unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

#[test]
fn ward_scrub_reports_redacts_and_exits_by_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.txt");
    std::fs::write(&clean, "Block 10.0.0.1 and CVE-2024-3400 on 2026-11-30.\n").unwrap();
    let o = scrub(&[clean.to_str().unwrap()], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());

    let leaky = dir.path().join("ticket.txt");
    std::fs::write(
        &leaky,
        format!("Ticket 4711\nPatiënt {NATIONAL_NUMBER}, mail jan@example.org\n"),
    )
    .unwrap();
    let o = scrub(&[leaky.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].ends_with(":2:9: Belgian national register number"),
        "{out}"
    );
    assert!(
        lines[1].ends_with(":2:31: e-mail address: jan@example.org"),
        "{out}"
    );
    assert!(!out.contains("033"), "a national number is never printed");

    let o = scrub(&["--json", "-"], Some(&format!("x {NATIONAL_NUMBER}")));
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json[0]["kind"], "national_number");
    assert_eq!(
        (json[0]["line"].as_u64(), json[0]["column"].as_u64()),
        (Some(1), Some(3))
    );
    assert_eq!(json[0]["file"], "-");

    let copy = dir.path().join("redacted.txt");
    let o = scrub(
        &[
            "--redact",
            "--output",
            copy.to_str().unwrap(),
            leaky.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        "Ticket 4711\nPatiënt [INSZ-REDACTED], mail [EMAIL-REDACTED]\n"
    );
    let o = scrub(&["--redact", "-"], Some("call 0470 12 34 56"));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "call [PHONE-REDACTED]"
    );

    let o = scrub(&[dir.path().join("missing.txt").to_str().unwrap()], None);
    assert_eq!(
        o.status.code(),
        Some(2),
        "errors are told apart from findings"
    );
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: cannot read"));
}

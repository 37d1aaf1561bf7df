//! The command line against the same database as a running server.

use std::process::Output;

use tokio::io::AsyncWriteExt;
use ward_store::DatabaseTarget;

use crate::harness::{PASSWORD, TestApp};
use crate::on_each_engine;

fn database_arg(app: &TestApp) -> String {
    match &app.db.target {
        DatabaseTarget::Sqlite(path) => format!("sqlite://{}", path.display()),
        DatabaseTarget::Postgres(url) => url.clone(),
    }
}

async fn ward(app: &TestApp, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_ward"));
    cmd.args(args)
        .arg("--database-url")
        .arg(database_arg(app))
        .env_remove("WARD_DATABASE_URL")
        .env_remove("WARD_DATA_DIR")
        .env_remove("WARD_CONFIG")
        .env("WARD_LOG", "warn")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("ward runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input.as_bytes()).await.expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().await.expect("ward finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

on_each_engine!(bootstrap_users_and_tokens_work_beside_the_server, |app| {
    let o = ward(
        &app,
        &[
            "admin",
            "bootstrap",
            "--org",
            "Focus Group Secretariat",
            "--email",
            "chair@fg.example",
            "--password-stdin",
        ],
        Some(&format!("{PASSWORD}\n")),
    )
    .await;
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("chair@fg.example"));
    let again = ward(
        &app,
        &[
            "admin",
            "bootstrap",
            "--org",
            "Other",
            "--email",
            "x@fg.example",
        ],
        None,
    )
    .await;
    assert!(!again.status.success(), "bootstrap runs once");
    assert_eq!(
        stderr(&again).lines().count(),
        1,
        "one-line reason: {}",
        stderr(&again)
    );

    let o = ward(
        &app,
        &[
            "admin",
            "org",
            "create",
            "AZ Cli",
            "--kind",
            "general_hospital",
            "--region",
            "flanders",
            "--languages",
            "nl,en",
            "--json",
        ],
        None,
    )
    .await;
    assert!(o.status.success(), "{}", stderr(&o));
    let org: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(org["kind"], "general_hospital");
    let bad = ward(
        &app,
        &["admin", "org", "create", "AZ Bad", "--kind", "castle"],
        None,
    )
    .await;
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("castle"), "{}", stderr(&bad));

    let o = ward(
        &app,
        &[
            "admin",
            "user",
            "create",
            "--org",
            "az cli",
            "--email",
            "officer@azcli.example",
            "--role",
            "security_officer",
            "--json",
        ],
        None,
    )
    .await;
    assert!(o.status.success(), "{}", stderr(&o));
    let created: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let generated = created["generated_password"].as_str().unwrap().to_owned();
    assert!(
        generated.len() >= 20,
        "a generated password is printed once"
    );
    let b = app.browser();
    let r = b
        .post_form(
            "/login",
            &[("email", "officer@azcli.example"), ("password", &generated)],
        )
        .await;
    assert_eq!(r.status(), 303, "the generated password signs in");

    let o = ward(
        &app,
        &["admin", "user", "list", "--org", "AZ Cli", "--json"],
        None,
    )
    .await;
    let people: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(people.as_array().unwrap().len(), 1);

    // A token created on the command line works against the running server at once.
    let o = ward(
        &app,
        &[
            "admin",
            "token",
            "create",
            "--user",
            "officer@azcli.example",
            "--scope",
            "read",
            "--expires-days",
            "30",
            "--json",
        ],
        None,
    )
    .await;
    assert!(o.status.success(), "{}", stderr(&o));
    let issued: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let secret = issued["secret"].as_str().unwrap();
    assert_eq!(app.api(secret).get("/me").await.0, 200);
    let o = ward(
        &app,
        &[
            "admin",
            "token",
            "list",
            "--user",
            "officer@azcli.example",
            "--json",
        ],
        None,
    )
    .await;
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(!stdout(&o).contains(secret), "only the hash is stored");
    let id = issued["token"]["id"].as_str().unwrap();
    assert!(
        ward(&app, &["admin", "token", "revoke", id], None)
            .await
            .status
            .success()
    );
    assert_eq!(app.api(secret).get("/me").await.0, 401);

    let o = ward(
        &app,
        &[
            "admin",
            "user",
            "reset-password",
            "officer@azcli.example",
            "--password-stdin",
        ],
        Some("short\n"),
    )
    .await;
    assert!(!o.status.success(), "weak passwords are refused");
    let o = ward(
        &app,
        &["admin", "user", "disable", "officer@azcli.example"],
        None,
    )
    .await;
    assert!(o.status.success(), "{}", stderr(&o));
    let r = app
        .browser()
        .post_form(
            "/login",
            &[("email", "officer@azcli.example"), ("password", &generated)],
        )
        .await;
    assert_eq!(r.status(), 422, "disabled people cannot sign in");
    let o = ward(
        &app,
        &["admin", "user", "disable", "nobody@azcli.example"],
        None,
    )
    .await;
    assert!(!o.status.success());
    let o = ward(
        &app,
        &["admin", "user", "reset-mfa", "chair@fg.example"],
        None,
    )
    .await;
    assert!(o.status.success(), "{}", stderr(&o));

    // The demo community, with its published password, is never loaded into a database that has accounts.
    let demo = tokio::time::timeout(
        std::time::Duration::from_secs(60),
        ward(&app, &["serve", "--demo", "--listen", "127.0.0.1:0"], None),
    )
    .await
    .expect("serve --demo refuses at once");
    assert!(!demo.status.success());
    assert!(
        stderr(&demo).contains("empty database"),
        "{}",
        stderr(&demo)
    );
});

on_each_engine!(audit_verify_detects_tampering, |app| {
    let o = ward(&app, &["admin", "org", "create", "AZ Audit"], None).await;
    assert!(o.status.success(), "{}", stderr(&o));
    let o = ward(&app, &["audit", "verify", "--json"], None).await;
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ok"], true);
    let mut tx = app.store.housekeeping().await.unwrap();
    ward_store::on_engine!(tx,
        sqlite: |c| {
            sqlx::query("DROP TRIGGER audit_log_append_only_update").execute(&mut *c).await.unwrap();
            sqlx::query("UPDATE audit_log SET detail = '{\"name\":\"forged\"}' WHERE seq = 1").execute(&mut *c).await.unwrap();
        },
        postgres: |c| {
            sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").execute(&mut *c).await.unwrap();
            sqlx::query("UPDATE audit_log SET detail = '{\"name\":\"forged\"}' WHERE seq = 1").execute(&mut *c).await.unwrap();
        },
    );
    tx.commit().await.unwrap();
    let o = ward(&app, &["audit", "verify"], None).await;
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("entry 1"), "{}", stderr(&o));
});

on_each_engine!(backup_migrate_and_help, |app| {
    let o = ward(&app, &["migrate"], None).await;
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("up to date"));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("copy.db");
    let o = ward(&app, &["backup", "--to", target.to_str().unwrap()], None).await;
    match &app.db.target {
        DatabaseTarget::Sqlite(_) => {
            assert!(o.status.success(), "{}", stderr(&o));
            let copy = ward_store::Store::open(
                &DatabaseTarget::Sqlite(target.clone()),
                ward_store::StoreOptions {
                    max_connections: 2,
                    clock: std::sync::Arc::new(ward_core::time::SystemClock),
                },
            )
            .await
            .unwrap();
            assert_eq!(
                copy.pending_migrations().await.unwrap(),
                0,
                "the copy is a complete database"
            );
            let again = ward(&app, &["backup", "--to", target.to_str().unwrap()], None).await;
            assert!(
                !again.status.success(),
                "an existing file is not overwritten"
            );
        }
        DatabaseTarget::Postgres(_) => {
            assert!(!o.status.success());
            assert!(stderr(&o).contains("pg_dump"), "{}", stderr(&o));
        }
    }
    let help = tokio::process::Command::new(env!("CARGO_BIN_EXE_ward"))
        .args(["serve", "--help"])
        .output()
        .await
        .unwrap();
    let text = stdout(&help);
    for option in [
        "--listen",
        "--data-dir",
        "--database-url",
        "--config",
        "--public-url",
        "--trust-proxy",
        "--demo",
        "WARD_LISTEN",
    ] {
        assert!(text.contains(option), "serve --help lacks {option}");
    }
    let bad = tokio::process::Command::new(env!("CARGO_BIN_EXE_ward"))
        .args(["migrate", "--database-url", "mysql://nope"])
        .output()
        .await
        .unwrap();
    assert!(!bad.status.success());
    assert_eq!(stderr(&bad).trim().lines().count(), 1, "{}", stderr(&bad));
});

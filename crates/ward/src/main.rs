//! `ward`: the server (`ward serve`) and the command line that administers it.

mod admin;
mod config;
mod demo;
mod output;
mod scale;
mod scrub;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::CommonArgs;

// Many threads allocate at once (the async workers and one thread per SQLite connection): mimalloc's per-thread
// heaps avoid the contention of the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Ward — the shared security commons for healthcare.
#[derive(Debug, Parser)]
#[command(name = "ward", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(flatten)]
    common: CommonArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web UI, the REST API, health and metrics endpoints and the background worker.
    Serve(serve::ServeArgs),
    /// Apply database migrations without serving.
    Migrate,
    /// Administer organizations, people and API tokens.
    #[command(subcommand)]
    Admin(admin::AdminCommand),
    /// Work with the audit trail.
    #[command(subcommand)]
    Audit(admin::AuditCommand),
    /// Make a consistent copy of the embedded SQLite database while Ward keeps running.
    Backup(admin::BackupArgs),
    /// Print the OpenAPI document of the REST API.
    Openapi,
    /// Load the demo community (or, with --scale, a large generated one for benchmarks) without serving.
    Demo(scale::DemoArgs),
    /// Find personal data (national register and BIS numbers, IBANs, e-mail addresses, phone numbers) in files.
    Scrub(scrub::ScrubArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            // One line: the chain of causes, outermost first.
            let causes: Vec<String> = e.chain().map(ToString::to_string).collect();
            eprintln!("error: {}", causes.join(": "));
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Serve(args) => serve::run(&cli.common, args)
            .await
            .map(|()| ExitCode::SUCCESS),
        Command::Migrate => admin::migrate(&cli.common)
            .await
            .map(|()| ExitCode::SUCCESS),
        Command::Admin(cmd) => admin::run(&cli.common, cmd)
            .await
            .map(|()| ExitCode::SUCCESS),
        Command::Audit(cmd) => admin::audit(&cli.common, cmd).await,
        Command::Backup(args) => admin::backup(&cli.common, &args)
            .await
            .map(|()| ExitCode::SUCCESS),
        // Like grep: 1 means "found", so a failure to scan exits 2.
        Command::Scrub(args) => Ok(scrub::run(&args).unwrap_or_else(|e| {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        })),
        Command::Demo(args) => admin::demo(&cli.common, &args)
            .await
            .map(|()| ExitCode::SUCCESS),
        Command::Openapi => {
            output::line(&ward_web::openapi_json());
            Ok(ExitCode::SUCCESS)
        }
    }
}

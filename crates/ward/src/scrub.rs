//! `ward scrub`: the personal-data scrubber on files, before anything is pasted into Ward or shared elsewhere.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use serde::Serialize;
use ward_core::scrub::{self, FindingKind};

use crate::output;

/// Options of `ward scrub`. Exit status: 0 clean, 1 personal data found, 2 the input could not be read.
#[derive(Debug, clap::Args)]
pub struct ScrubArgs {
    /// The files to check; `-` reads standard input.
    #[arg(required = true, value_name = "FILE|-")]
    files: Vec<PathBuf>,
    /// Print the findings as JSON.
    #[arg(long)]
    json: bool,
    /// Write a copy with every finding replaced by a typed token such as `[INSZ-REDACTED]` (one input only).
    /// The copy goes to `--output`, or to standard output when none is given.
    #[arg(long)]
    redact: bool,
    /// Where `--redact` writes the redacted copy.
    #[arg(long, short, value_name = "FILE", requires = "redact")]
    output: Option<PathBuf>,
}

/// One finding, as reported: never the value of a national register or BIS number.
#[derive(Debug, Serialize)]
struct Reported {
    file: String,
    line: usize,
    column: usize,
    kind: FindingKind,
    /// The text found, for kinds an author may confirm; national register and BIS numbers are never repeated.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

/// Runs `ward scrub`: exit 0 when every input is clean, 1 when something was found (the caller exits 2 on an
/// error).
///
/// # Errors
/// An input that cannot be read, or an output that cannot be written.
pub fn run(args: &ScrubArgs) -> anyhow::Result<ExitCode> {
    if args.redact && args.files.len() != 1 {
        bail!("--redact works on one input at a time; run it once per file");
    }
    let mut reported = Vec::new();
    for file in &args.files {
        let (name, text) = read_input(file)?;
        let findings = scrub::scan(&text);
        let mut positions = scrub::Positions::new(&text);
        for finding in &findings {
            let at = positions.at(finding.span.start);
            reported.push(Reported {
                file: name.clone(),
                line: at.line,
                column: at.column,
                kind: finding.kind,
                text: finding
                    .kind
                    .confirmable()
                    .then(|| finding.text(&text).to_owned()),
            });
        }
        if args.redact {
            write_redacted(&scrub::redact(&text, &findings), args.output.as_deref())?;
        }
    }
    report(args, &reported)?;
    Ok(if reported.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads a file (or standard input) as text. Bytes that are not UTF-8 (a Latin-1 export, say) are replaced, so
/// the scan still runs; the redacted copy then carries the replacement character there.
fn read_input(file: &Path) -> anyhow::Result<(String, String)> {
    let mut bytes = Vec::new();
    let name = if file.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        "-".to_owned()
    } else {
        bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        file.display().to_string()
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("warning: {name} is not UTF-8; invalid bytes were replaced before scanning");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    Ok((name, text))
}

fn write_redacted(text: &str, to: Option<&Path>) -> anyhow::Result<()> {
    match to {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write the redacted copy to {}", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .context("cannot write the redacted copy to standard output")
        }
    }
}

fn report(args: &ScrubArgs, reported: &[Reported]) -> anyhow::Result<()> {
    // With the redacted copy on standard output, the findings go to standard error so the copy stays clean.
    let to_stderr = args.redact && args.output.is_none();
    let lines: Vec<String> = if args.json {
        vec![serde_json::to_string_pretty(reported)?]
    } else {
        reported.iter().map(describe).collect()
    };
    for line in lines {
        if to_stderr {
            eprintln!("{line}");
        } else {
            output::line(&line);
        }
    }
    if !args.json && !reported.is_empty() {
        eprintln!(
            "{} finding(s): remove or redact them before sharing (national register and BIS numbers can never be shared)",
            reported.len()
        );
    }
    Ok(())
}

fn describe(r: &Reported) -> String {
    let what = r.kind.name();
    match &r.text {
        Some(text) => format!("{}:{}:{}: {what}: {text}", r.file, r.line, r.column),
        None => format!("{}:{}:{}: {what}", r.file, r.line, r.column),
    }
}

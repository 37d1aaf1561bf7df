//! Printing results of commands: lines for people, JSON for tools.

use std::io::Write;

use serde::Serialize;

/// Prints one line to standard output (a closed pipe is not an error worth a panic).
pub fn line(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
}

/// Prints a value as JSON.
pub fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    line(&serde_json::to_string_pretty(value)?);
    Ok(())
}

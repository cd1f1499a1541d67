//! Start-up timestamps: with `IBID_TRACE_STARTUP=FILE`, each `mark` appends
//! "milliseconds since the process started, label" to FILE (a shell module);
//! with `IBID_TRACE_EXIT=1` as well, the process exits at once after the first
//! frame, leaving the terminal as it is (to profile the start-up alone).
use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();

/// Starts the clock; call first thing in `main`.
pub fn start() {
    let _ = START.get_or_init(Instant::now);
}

/// Appends one timestamped label to the trace file, when one is asked for.
pub fn mark(label: &str) {
    let Some(path) = std::env::var_os("IBID_TRACE_STARTUP") else {
        return;
    };
    let ms = START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0;
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        // One write per line: marks come from several threads.
        let _ = f.write_all(format!("{ms:8.2} {label}\n").as_bytes());
    }
    if label == "first frame drawn" && std::env::var_os("IBID_TRACE_EXIT").is_some() {
        std::process::exit(0);
    }
}

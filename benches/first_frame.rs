//! First frame against `less`, in one run: each command is started in a 200x50 pty (its
//! output fed to a vt100 screen) and timed until a phrase of the article's first lines is on
//! the screen; ibid and less alternate, 9 runs each, and the ratio is taken from the medians.
//!
//! `cargo bench --bench first_frame` (release binary). Inputs: seed 000, a 10,000-article
//! generated library (less on its first file) and a 13 MB article, written under
//! `target/tmp` (`IBID_FIRST_FRAME_ARTICLES=N` changes the library size). Every ibid run has
//! fresh data, cache and state dirs unless `IBID_FIRST_FRAME_WARM=1`; `IBID_FIRST_FRAME_BIN=PATH` times
//! another ibid binary (an A/B against a build kept aside).

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const RUNS: usize = 9;

fn first_phrase(file: &Path) -> String {
    let text = std::fs::read_to_string(file).expect("readable input");
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .expect("a non-empty line");
    line.chars().take(16).collect::<String>().trim().to_string()
}

/// Time until `needle` is on the screen of `cmd args…` in a fresh pty.
fn time_to(cmd: &str, args: &[String], env: &[(String, String)], needle: &str) -> Duration {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut c = CommandBuilder::new(cmd);
    c.args(args);
    c.env("TERM", "xterm-256color");
    c.env("LESS", "");
    for (k, v) in env {
        c.env(k, v);
    }
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let t0 = Instant::now();
    let mut child = pair.slave.spawn_command(c).expect("spawn");
    drop(pair.slave);
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let rows = std::num::NonZeroU16::new(50).expect("rows");
    let cols = std::num::NonZeroU16::new(200).expect("cols");
    let mut screen = vt100::Parser::new(rows, cols, 0);
    let elapsed = loop {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(bytes) => {
                screen.process(&bytes);
                if screen.screen().contents().contains(needle) {
                    break t0.elapsed();
                }
            }
            Err(_) => panic!(
                "{cmd}: {needle:?} never appeared; screen:\n{}",
                screen.screen().contents()
            ),
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    elapsed
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let bin = std::env::var("IBID_FIRST_FRAME_BIN").ok();
    let ibid = bin.as_deref().unwrap_or(env!("CARGO_BIN_EXE_ibid"));
    let warm = std::env::var_os("IBID_FIRST_FRAME_WARM").is_some();
    let n: usize = std::env::var("IBID_FIRST_FRAME_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let seed = root.join("seeds/000_90ed57cec86e1d59.txt");
    let lib = tmp.join(format!("first-frame-lib-{n}"));
    ibid::finder::generate::ensure_library(&lib, n, 42).expect("library");
    let big = tmp.join("first-frame-13mb.txt");
    if !big.exists() {
        let base = std::fs::read_to_string(&seed).expect("seed 000");
        let mut text = String::new();
        while text.len() < 13_000_000 {
            text.push_str(&base);
            text.push('\n');
        }
        std::fs::write(&big, text).expect("write");
    }
    let first = lib.join("a00000.txt");
    let cases: [(&str, PathBuf, &Path); 3] = [
        ("seed 000", seed.clone(), &seed),
        ("10,000-article library", lib.clone(), &first),
        ("13 MB article", big.clone(), &big),
    ];
    println!("first frame at 200x50, medians of {RUNS} (ms)");
    for (name, ibid_arg, less_arg) in cases {
        let needle = first_phrase(less_arg);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let data = tempfile::tempdir().expect("data dir");
        for run in 0..RUNS {
            let dir = if warm {
                data.path().to_path_buf()
            } else {
                data.path().join(format!("run{run}"))
            };
            let env = vec![
                ("IBID_DATA_DIR".to_string(), dir.display().to_string()),
                (
                    "IBID_CACHE_DIR".to_string(),
                    dir.join("cache").display().to_string(),
                ),
                ("IBID_CONFIG_DIR".to_string(), dir.display().to_string()),
                (
                    "IBID_STATE_DIR".to_string(),
                    dir.join("state").display().to_string(),
                ),
            ];
            a.push(time_to(
                ibid,
                &[ibid_arg.display().to_string()],
                &env,
                &needle,
            ));
            b.push(time_to(
                "less",
                &[less_arg.display().to_string()],
                &[],
                &needle,
            ));
        }
        let (ma, mb) = (median(a), median(b));
        println!(
            "{name:<24} ibid {:>7.1}  less {:>6.1}  ratio {:.2}",
            ma.as_secs_f64() * 1e3,
            mb.as_secs_f64() * 1e3,
            ma.as_secs_f64() / mb.as_secs_f64()
        );
    }
}

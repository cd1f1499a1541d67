//! Writes generated inputs for the scaling benchmarks (`benches/scaling.sh`):
//!
//! ```text
//! cargo run --release --example gen -- library DIR N      N articles (~21 KB each) from the seeds
//! cargo run --release --example gen -- markers FILE N     N one-line paragraphs citing `[1]`, one note
//! cargo run --release --example gen -- article FILE MB    seed 000's body repeated to MB megabytes
//! ```

use std::io::Write;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage =
        || std::io::Error::other("usage: gen library DIR N | markers FILE N | article FILE MB");
    let (what, path, n) = match args.as_slice() {
        [w, p, n] => (
            w.as_str(),
            Path::new(p),
            n.parse::<usize>().map_err(|_| usage())?,
        ),
        _ => return Err(usage()),
    };
    match what {
        "library" => {
            ibid::finder::generate::generate_library(path, n, 17)?;
        }
        "markers" => {
            // The issue's adversarial input: N one-line paragraphs, each with a `[1]` marker,
            // and one note they all cite.
            let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
            writeln!(out, "Many Markers\n")?;
            for i in 0..n {
                writeln!(out, "Word {i} said.[1]\n")?;
            }
            writeln!(out, "Notes\n\n1. The note.")?;
            out.flush()?;
        }
        "article" => {
            let seeds = ibid::finder::generate::seed_texts()?;
            let base = seeds.first().ok_or_else(usage)?;
            let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
            let mut written = 0;
            while written < n * 1_000_000 {
                out.write_all(base.as_bytes())?;
                written += base.len();
            }
            out.flush()?;
        }
        _ => return Err(usage()),
    }
    Ok(())
}

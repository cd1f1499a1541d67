//! Parses a file N times (for profiling): `cargo run --release --example parse_file FILE [N]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: parse_file FILE [N]");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let bytes = std::fs::read(&path).expect("readable file");
    let t = std::time::Instant::now();
    let mut markers = 0;
    for _ in 0..n {
        let d = ibid::document::parse_bytes(&bytes, ibid::document::Format::Plain);
        markers += d.markers.len();
    }
    let secs = t.elapsed().as_secs_f64() / n as f64;
    println!(
        "{} bytes, {markers} markers, {:.1} ms, {:.1} MB/s",
        bytes.len(),
        secs * 1e3,
        bytes.len() as f64 / secs / 1e6
    );
}

//! Pure work over many items split over two cores when it is big enough to
//! pay for a thread (a 12 MB article), in order; small inputs stay on one.

/// Below this many bytes of input a second thread costs more than it saves.
pub const PARALLEL_MIN: usize = 1 << 20;

/// `f(0)…f(n-1)` in order; when `bytes` (the size of what `f` reads) is at
/// least [`PARALLEL_MIN`], the second half runs on another thread.
pub fn map<R: Send>(n: usize, bytes: usize, f: impl Fn(usize) -> R + Sync) -> Vec<R> {
    let mut out = Vec::new();
    extend(&mut out, n, bytes, f);
    out
}

/// [`map`] appended to `out` (the first half written in place: a list
/// being built is not copied once more).
pub fn extend<R: Send>(out: &mut Vec<R>, n: usize, bytes: usize, f: impl Fn(usize) -> R + Sync) {
    if bytes < PARALLEL_MIN || n < 2 {
        out.extend((0..n).map(f));
        return;
    }
    let mid = n / 2;
    out.reserve(n);
    std::thread::scope(|s| {
        let tail = s.spawn(|| (mid..n).map(&f).collect::<Vec<R>>());
        out.extend((0..mid).map(&f));
        match tail.join() {
            Ok(tail) => out.extend(tail),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn in_order_on_one_core_or_two() {
        let small = super::map(5, 10, |i| i * i);
        assert_eq!(small, [0, 1, 4, 9, 16]);
        let big = super::map(100_001, super::PARALLEL_MIN, |i| i * 3);
        assert_eq!(big.len(), 100_001);
        assert!(big.iter().enumerate().all(|(i, v)| *v == i * 3));
        let mut more = vec![7, 8];
        super::extend(&mut more, 100_001, super::PARALLEL_MIN, |i| i);
        assert_eq!(&more[..2], [7, 8]);
        assert!(more[2..].iter().enumerate().all(|(i, v)| *v == i));
    }
}

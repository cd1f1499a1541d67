//! A synthetic library for benches and tests: articles built from the seed texts with words
//! varied by a deterministic PRNG (never committed data; written on demand).
//!
//! Structure survives: only words of four or more ASCII letters are substituted (case
//! pattern kept), and words the parser keys on (notes, references, months, by-lines) never are.

use std::io;
use std::path::{Path, PathBuf};

/// Fraction of eligible words replaced, in percent.
const REPLACE_PERCENT: u64 = 35;
/// Size of the invented-word vocabulary.
const INVENTED: usize = 6000;
/// Words the parser relies on; never replaced.
const PROTECTED: &[&str] = &[
    "notes",
    "note",
    "references",
    "reference",
    "sources",
    "source",
    "endnotes",
    "footnotes",
    "bibliography",
    "works",
    "cited",
    "ibid",
    "author",
    "authors",
    "posted",
    "written",
    "published",
    "produced",
    "background",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "sept",
    "october",
    "november",
    "december",
    "video",
    "photo",
    "podcast",
    "watch",
    "page",
    "professor",
    "with",
    "from",
    "that",
    "than",
    "over",
    "without",
    "series",
    "bulletin",
    "views",
    "expressed",
    "think",
    "tank",
    "institute",
    "research",
    "nonprofit",
    "nonpartisan",
    "promotes",
    "said",
];

/// A small deterministic PRNG (`SplitMix64`).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % (n.max(1) as u64)).unwrap_or(0)
    }
}

/// The seed article texts shipped in `seeds/`.
///
/// # Errors
/// When the seeds folder cannot be read.
pub fn seed_texts() -> io::Result<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).map(|b| String::from_utf8_lossy(&b).into_owned()))
        .collect()
}

fn invented_words(rng: &mut Rng) -> Vec<String> {
    const ONSETS: &[&str] = &[
        "b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "k", "kh", "l", "m", "n", "p", "pr",
        "r", "s", "sh", "st", "t", "tr", "v", "z", "zh",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "ya", "io"];
    (0..INVENTED)
        .map(|_| {
            let syllables = 2 + rng.below(3);
            let mut w = String::new();
            for _ in 0..syllables {
                w.push_str(ONSETS[rng.below(ONSETS.len())]);
                w.push_str(VOWELS[rng.below(VOWELS.len())]);
            }
            if rng.below(2) == 0 {
                w.push_str(["n", "k", "sk", "v", "r", "t"][rng.below(6)]);
            }
            w
        })
        .collect()
}

fn with_case_of(word: &str, like: &str) -> String {
    let mut letters = like.chars();
    let first_upper = letters.next().is_some_and(|c| c.is_ascii_uppercase());
    let all_upper = first_upper && like.chars().all(|c| c.is_ascii_uppercase());
    if all_upper {
        word.to_ascii_uppercase()
    } else if first_upper {
        let mut c = word.chars();
        c.next().map_or_else(String::new, |f| {
            f.to_ascii_uppercase().to_string() + c.as_str()
        })
    } else {
        word.to_owned()
    }
}

/// One varied article: `base` with a share of its words substituted.
#[must_use]
pub fn vary(base: &str, vocab: &[String], rng: &mut Rng) -> String {
    let mut out = String::with_capacity(base.len() + base.len() / 8);
    let bytes = base.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word = &base[start..i];
            let glued = start > 0 && !bytes[start - 1].is_ascii()
                || i < bytes.len() && !bytes[i].is_ascii();
            let protected = PROTECTED.iter().any(|p| p.eq_ignore_ascii_case(word));
            if word.len() >= 4
                && !glued
                && !protected
                && rng.next_u64() % 100 < REPLACE_PERCENT
                && !vocab.is_empty()
            {
                out.push_str(&with_case_of(&vocab[rng.below(vocab.len())], word));
            } else {
                out.push_str(word);
            }
        } else {
            let start = i;
            while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push_str(&base[start..i]);
        }
    }
    out
}

/// Writes `n_articles` varied articles (`a00000.txt`, ...) into `dir`, deterministic in
/// `seed`; returns their paths. About 20 KB each (the seeds' mean size).
///
/// # Errors
/// When the seeds cannot be read or a file cannot be written.
pub fn generate_library(dir: &Path, n_articles: usize, seed: u64) -> io::Result<Vec<PathBuf>> {
    let seeds = seed_texts()?;
    if seeds.is_empty() {
        return Err(io::Error::new(io::ErrorKind::NotFound, "no seed texts"));
    }
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(seed);
    let mut vocab = invented_words(&mut rng);
    for s in &seeds {
        vocab.extend(
            s.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 4)
                .map(str::to_ascii_lowercase),
        );
    }
    let mut paths = Vec::with_capacity(n_articles);
    for k in 0..n_articles {
        let base = &seeds[rng.below(seeds.len())];
        let text = vary(base, &vocab, &mut rng);
        let path = dir.join(format!("a{k:05}.txt"));
        std::fs::write(&path, text)?;
        paths.push(path);
    }
    Ok(paths)
}

/// Like [`generate_library`], but reuses `dir` when a previous call with the same
/// arguments completed there (a marker file records them).
///
/// # Errors
/// As [`generate_library`].
pub fn ensure_library(dir: &Path, n_articles: usize, seed: u64) -> io::Result<Vec<PathBuf>> {
    let marker = dir.join(".ibid-gen");
    let want = format!("{n_articles} {seed}");
    if std::fs::read_to_string(&marker).is_ok_and(|s| s == want) {
        return Ok((0..n_articles)
            .map(|k| dir.join(format!("a{k:05}.txt")))
            .collect());
    }
    let paths = generate_library(dir, n_articles, seed)?;
    std::fs::write(marker, want)?;
    Ok(paths)
}

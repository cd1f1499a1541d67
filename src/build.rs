//! Build script: turns the shipped keymap into a Rust table, and links the `ibid`
//! binary as a position-dependent executable on Linux.
//!
//! `assets/keymap.toml` is read here into `$OUT_DIR/keymap_defaults.rs`, an array of
//! (context, keys, action, description) that `Keymap::defaults` builds from: parsing
//! the TOML at start-up took 0.2-0.9 ms of a ~5 ms first frame (a test checks that
//! the table gives the same keymap as parsing the file).
//!
//! A PIE binary of this size carries ~50,000 relative relocations, which the
//! loader applies at every start, copying and dirtying each of the ~250 pages of
//! `.data.rel.ro` (vtables, string tables). Linked without PIE those pages are
//! only mapped from the file when read: `ibid --version` takes 1.5-1.9 ms instead
//! of 2.5-2.7 (130 page faults instead of 390), a third of the gap to `less`'s
//! first screen. The cost is that the binary's own code is not at a random
//! address (libraries, heap and stacks still are).
fn main() {
    println!("cargo:rerun-if-changed=src/build.rs");
    println!("cargo:rerun-if-changed=assets/keymap.toml");
    keymap_table();
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// Writes the shipped keymap as a Rust array literal.
fn keymap_table() {
    let text = std::fs::read_to_string("assets/keymap.toml").expect("assets/keymap.toml");
    let table: toml::Table = toml::from_str(&text).expect("assets/keymap.toml is TOML");
    let text_of = |v: Option<&toml::Value>| v.and_then(toml::Value::as_str).map(str::to_string);
    let mut out = String::from("&[\n");
    for (context, list) in &table {
        for b in list.as_array().into_iter().flatten() {
            let keys: Vec<String> = b
                .get("keys")
                .and_then(toml::Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|k| k.as_str().map(|k| format!("{k:?}")))
                .collect();
            let action = text_of(b.get("action")).unwrap_or_default();
            let desc = text_of(b.get("desc")).unwrap_or_default();
            out.push_str(&format!(
                "    ({context:?}, &[{}], {action:?}, {desc:?}),\n",
                keys.join(", ")
            ));
        }
    }
    out.push_str("]\n");
    let dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(std::path::Path::new(&dir).join("keymap_defaults.rs"), out)
        .expect("write keymap_defaults.rs");
}

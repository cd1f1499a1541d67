//! The command-line tools: `ibid inspect`, `ibid sources`, `ibid export`.

use std::path::Path;
use std::process::Command;

fn ibid() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ibid"));
    c.env(
        "IBID_DATA_DIR",
        std::env::temp_dir().join("ibid-cli-test-data"),
    );
    c
}

fn seed(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn inspect_prints_the_model_as_json() {
    let out = ibid()
        .args(["inspect", &seed("003_04c237401e8a2960.txt")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["markers"].as_array().map(Vec::len), Some(41));
    assert_eq!(v["notes"].as_array().map(Vec::len), Some(41));
    assert_eq!(v["health"]["unresolved_op_cit"]["count"], 1);
    let compact = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        compact.trim_end().lines().count(),
        1,
        "compact unless --pretty"
    );
    let pretty = ibid()
        .args(["inspect", "--pretty", &seed("002_665c716cc0b4a646.txt")])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&pretty.stdout).lines().count() > 10);
}

#[test]
fn inspect_refuses_directories_and_binary_files_with_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bin = dir.path().join("image.txt");
    std::fs::write(&bin, [0x89, b'P', b'N', b'G', 0, 0, 1, 2]).expect("write");
    for target in [
        dir.path().to_path_buf(),
        bin,
        dir.path().join("missing.txt"),
    ] {
        let out = ibid().arg("inspect").arg(&target).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{}", target.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = ibid()
        .arg("inspect")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a text document"));
}

#[test]
fn sources_exports_each_format() {
    let s000 = seed("000_90ed57cec86e1d59.txt");
    let csl = ibid()
        .args(["sources", &s000, "--format", "csl-json"])
        .output()
        .expect("runs");
    assert!(csl.status.success());
    let v: serde_json::Value = serde_json::from_slice(&csl.stdout).expect("CSL-JSON");
    let items = v.as_array().expect("array");
    assert!(
        items.len() < 36,
        "identical sources and Ibid. merge into works"
    );
    assert!(
        items[0]["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Russia, Japan Agree"))
    );
    let bib = ibid()
        .args(["sources", &s000, "--format", "bibtex"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&bib.stdout).contains("@"));
    let md = ibid().args(["sources", &s000]).output().expect("runs");
    assert!(String::from_utf8_lossy(&md.stdout).contains("Notes 1, 2, 5"));
}

#[test]
fn print_default_config_prints_the_embedded_defaults() {
    let out = ibid().arg("--print-default-config").output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text, ibid::config::DEFAULT_TOML);
    let parsed =
        ibid::config::Config::from_user_toml(&text, Path::new("printed")).expect("parses back");
    assert_eq!(parsed, ibid::config::Config::default());
}

#[test]
fn inspect_into_a_reader_that_stops_early_ends_quietly() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().expect("tmp");
    let big = dir.path().join("big.txt");
    let body: String = (0..20_000)
        .map(|i| format!("Paragraph {i} says something.[{}]\n\n", i % 50 + 1))
        .collect();
    std::fs::write(&big, format!("A Long Article\n\n{body}")).expect("write");
    let mut child = ibid()
        .args(["inspect", "--pretty", &big.display().to_string()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut first)
        .expect("first line");
    assert_eq!(first.trim(), "{");
    // The pipe is closed here, like `| head -1`, long before the output ends.
    let out = child.wait_with_output().expect("waits");
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn inspect_reports_the_format_it_used() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (file, format) in [
        ("markup.rst", "rst"),
        ("markup.org", "org"),
        ("markup.adoc", "asciidoc"),
        ("markup.md", "markdown"),
    ] {
        let out = ibid()
            .args(["inspect", &fixtures.join(file).display().to_string()])
            .output()
            .expect("runs");
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        assert_eq!(v["format"], format, "{file}");
    }
    let out = ibid()
        .args(["inspect", &seed("003_04c237401e8a2960.txt")])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["format"], "plain");
}

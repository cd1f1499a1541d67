//! `ibid add` end to end: the real binary against a small HTTP server this
//! test starts on 127.0.0.1 (redirects, 404, a timeout, a PDF, a Latin-1
//! page, a Wikipedia-style page), and copies of local files with duplicate
//! warnings.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

const WIKI: &str = r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test article - Wikipedia</title></head>
<body><h1 id="firstHeading" class="firstHeading">Test article</h1><div id="mw-content-text"><div class="mw-parser-output">
<p>The <b>test article</b> is a page in the shape Wikipedia writes.<sup id="cite_ref-a_1-0" class="reference"><a href="#cite_note-a-1">[1]</a></sup> It cites a second work.<sup id="cite_ref-2" class="reference"><a href="#cite_note-2">[2]</a></sup></p>
<h2><span class="mw-headline" id="References">References</span></h2>
<ol class="references">
<li id="cite_note-a-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-a_1-0">^</a></b></span> <span class="reference-text">Grafton, Anthony (1997). <i>The Footnote</i>.</span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span class="reference-text">Second work (2001).</span></li>
</ol></div></div></body></html>"##;

/// Serves a few routes on 127.0.0.1 for at most `max` connections; returns
/// the base URL.
fn serve(max: usize) -> String {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", l.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for s in l.incoming().take(max) {
            let Ok(mut s) = s else { continue };
            std::thread::spawn(move || {
                let mut line = String::new();
                let mut r = BufReader::new(s.try_clone().expect("clone"));
                let _ = r.read_line(&mut line);
                loop {
                    let mut h = String::new();
                    if r.read_line(&mut h).map_or(true, |n| n == 0) || h == "\r\n" {
                        break;
                    }
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (status, ctype, body, extra): (&str, &str, Vec<u8>, String) =
                    match path.as_str() {
                        "/wiki" => (
                            "200 OK",
                            "text/html; charset=utf-8",
                            WIKI.into(),
                            String::new(),
                        ),
                        "/old" => (
                            "301 Moved Permanently",
                            "text/plain",
                            Vec::new(),
                            "Location: /wiki\r\n".into(),
                        ),
                        "/missing" => (
                            "404 Not Found",
                            "text/html",
                            b"<h1>Not found</h1>".to_vec(),
                            String::new(),
                        ),
                        "/paper.pdf" => (
                            "200 OK",
                            "application/pdf",
                            b"%PDF-1.4\n%\xe2\xe3".to_vec(),
                            String::new(),
                        ),
                        "/latin1" => {
                            let mut b = b"<html><head><title>Caf".to_vec();
                            b.push(0xE9);
                            b.extend_from_slice(b"</title></head><body><p>Un caf");
                            b.push(0xE9);
                            b.extend_from_slice(b" au lait, s'il vous pla");
                            b.push(0xEE);
                            b.extend_from_slice(b"t.</p></body></html>");
                            ("200 OK", "text/html; charset=ISO-8859-1", b, String::new())
                        }
                        "/slow" => {
                            std::thread::sleep(Duration::from_secs(4));
                            (
                                "200 OK",
                                "text/html",
                                b"<p>late</p>".to_vec(),
                                String::new(),
                            )
                        }
                        _ => ("404 Not Found", "text/plain", Vec::new(), String::new()),
                    };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
                    body.len()
                );
                let _ = s.write_all(head.as_bytes());
                let _ = s.write_all(&body);
            });
        }
    });
    base
}

fn ibid(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ibid"))
        .args(args)
        .env("IBID_DATA_DIR", data)
        .env("IBID_CONFIG_DIR", data.join("config"))
        .env("IBID_FETCH_TIMEOUT", "1")
        .output()
        .expect("run ibid")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_redirected_wikipedia_page_is_stored_with_its_source_and_notes() {
    let base = serve(4);
    let dir = tempfile::tempdir().expect("tmp");
    let out = ibid(dir.path(), &["add", &format!("{base}/old")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("added Test article (html, 2 notes)"),
        "{said}"
    );
    let lib = dir.path().join("library");
    let stored = std::fs::read_to_string(lib.join("test-article.html")).expect("stored page");
    assert!(
        stored.contains(&format!(
            "saved from url=(00{}){base}/wiki",
            format!("{base}/wiki").len()
        )),
        "{stored:.200}"
    );
    let side = std::fs::read_to_string(lib.join(".ibid/test-article.html.json")).expect("sidecar");
    let v: serde_json::Value = serde_json::from_str(&side).expect("json");
    assert_eq!(v["url"], format!("{base}/old"));
    assert_eq!(v["final_url"], format!("{base}/wiki"));
    assert!(
        v["added"]
            .as_str()
            .is_some_and(|d| d.len() == 20 && d.ends_with('Z'))
    );
    // Offline: the stored page reads with its notes and its own address.
    let doc = ibid::library::read_document(&lib.join("test-article.html")).expect("read");
    assert_eq!(doc.notes.len(), 2);
    assert_eq!(
        doc.meta.source_url.as_deref(),
        Some(format!("{base}/wiki").as_str())
    );
    assert!(doc.note_text(0).starts_with("Grafton, Anthony (1997)"));
    // The same URL again: a warning, nothing added.
    let again = ibid(dir.path(), &["add", &format!("{base}/old")]);
    assert!(again.status.success());
    assert!(
        text(&again.stderr).contains("already in the library as test-article.html"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(
        std::fs::read_dir(&lib).expect("lib").count(),
        2,
        "page + .ibid"
    );
}

#[test]
fn failures_say_what_happened() {
    let base = serve(3);
    let dir = tempfile::tempdir().expect("tmp");
    for (path, expect) in [
        ("/missing", "HTTP 404 Not Found: no page at that address"),
        ("/paper.pdf", "a PDF document (application/pdf)"),
        ("/slow", "timed out"),
    ] {
        let out = ibid(dir.path(), &["add", &format!("{base}{path}")]);
        assert_eq!(out.status.code(), Some(1), "{path}");
        let err = text(&out.stderr);
        assert!(err.contains(expect), "{path}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
    }
    // Nothing listens here any more: offline / refused.
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("a")
        .port();
    let out = ibid(dir.path(), &["add", &format!("http://127.0.0.1:{port}/x")]);
    assert!(
        text(&out.stderr).contains("connection refused"),
        "{}",
        text(&out.stderr)
    );
    let lib = dir.path().join("library");
    assert!(std::fs::read_dir(&lib).map_or(0, |d| d.count()) == 0);
}

#[test]
fn a_charset_only_the_server_names_is_kept() {
    let base = serve(1);
    let dir = tempfile::tempdir().expect("tmp");
    let out = ibid(dir.path(), &["add", &format!("{base}/latin1")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("added Café"),
        "{}",
        text(&out.stdout)
    );
    let lib = dir.path().join("library");
    let f = std::fs::read_dir(&lib)
        .expect("lib")
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "html"))
        .expect("page");
    let doc = ibid::library::read_document(&f.path()).expect("read");
    assert!(
        doc.text.contains("Un café au lait, s'il vous plaît."),
        "{}",
        doc.text
    );
}

#[test]
fn files_and_folders_are_copied_byte_for_byte_with_duplicate_warnings() {
    let dir = tempfile::tempdir().expect("tmp");
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).expect("mkdir");
    let bytes = b"Title of a note-taking essay\n\nA claim.[1]\n\n[1] Source, 2001.\n";
    std::fs::write(src.join("essay.txt"), bytes).expect("write");
    std::fs::write(src.join("same-text.txt"), bytes).expect("write");
    std::fs::write(src.join("picture.png"), b"\x89PNG").expect("write");
    let out = ibid(dir.path(), &["add", src.to_str().expect("utf-8")]);
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert!(said.contains("(plain, 1 note) as essay.txt"), "{said}");
    assert!(
        err.contains("same-text.txt: already in the library as essay.txt"),
        "{err}"
    );
    let lib = dir.path().join("library");
    assert_eq!(std::fs::read(lib.join("essay.txt")).expect("copy"), bytes);
    let one = ibid(
        dir.path(),
        &["add", src.join("picture.png").to_str().expect("utf-8")],
    );
    assert_eq!(one.status.code(), Some(1));
    assert!(text(&one.stderr).contains("not a format ibid reads (.png)"));
}

//! Fetching a web page for `ibid add URL` (ureq): redirects followed, a
//! timeout, a size limit, the `Content-Type` checked and its charset kept.
//! Every failure is one line that says what happened (404, timeout, no
//! connection, not a web page — naming what it is).

use std::time::Duration;

/// Largest page fetched, in bytes.
pub const MAX_BYTES: u64 = 32 << 20;
/// Seconds before a fetch gives up (`IBID_FETCH_TIMEOUT` overrides, for tests).
pub const TIMEOUT_SECS: f64 = 30.0;

/// A fetched resource.
#[derive(Debug)]
pub struct Fetched {
    /// The address asked for.
    pub url: String,
    /// The address after redirects.
    pub final_url: String,
    /// The body, as sent.
    pub bytes: Vec<u8>,
    /// The media type, lowercased, without parameters (`text/html`).
    pub media: String,
    /// The `charset` parameter, if any.
    pub charset: Option<String>,
}

/// What kind of file a media type names, for messages.
#[must_use]
pub fn describe(media: &str) -> String {
    let what = match media {
        "application/pdf" => "a PDF document",
        "application/json" => "JSON data",
        "application/zip" => "a zip archive",
        "application/octet-stream" => "binary data",
        "application/msword"
        | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            "a Word document"
        }
        m if m.starts_with("image/") => "an image",
        m if m.starts_with("video/") => "a video",
        m if m.starts_with("audio/") => "audio",
        m if m.starts_with("font/") => "a font",
        _ => "not a web page",
    };
    format!("{what} ({media})")
}

/// Fetches `url`.
///
/// # Errors
/// A one-line message naming what went wrong.
pub fn fetch(url: &str) -> Result<Fetched, String> {
    let secs = std::env::var("IBID_FETCH_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .unwrap_or(TIMEOUT_SECS);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs_f64(secs)))
        .max_redirects(10)
        .http_status_as_error(false)
        .user_agent(concat!("ibid/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut resp = agent.get(url).call().map_err(|e| failure(url, &e, secs))?;
    let status = resp.status();
    if !status.is_success() {
        let reason = status.canonical_reason().unwrap_or("error");
        let what = match status.as_u16() {
            404 | 410 => "no page at that address",
            401 | 403 => "the site refused access",
            429 => "the site asks to wait before trying again",
            500..=599 => "the site had an error",
            _ => "the site did not send the page",
        };
        return Err(format!("{url}: HTTP {} {reason}: {what}", status.as_u16()));
    }
    let final_url = ureq::ResponseExt::get_uri(&resp).to_string();
    let ctype = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let (media, charset) = parse_content_type(&ctype);
    let bytes = resp
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => {
                format!("{url}: the page is larger than {} MB", MAX_BYTES >> 20)
            }
            e => failure(url, &e, secs),
        })?;
    Ok(Fetched {
        url: url.to_string(),
        final_url,
        bytes,
        media,
        charset,
    })
}

/// `text/html; charset=ISO-8859-1` → (`text/html`, `Some("iso-8859-1")`).
#[must_use]
pub fn parse_content_type(v: &str) -> (String, Option<String>) {
    let mut parts = v.split(';');
    let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| v.trim().trim_matches('"').to_ascii_lowercase())
    });
    (media, charset.filter(|c| !c.is_empty()))
}

fn failure(url: &str, e: &ureq::Error, secs: f64) -> String {
    let what = match e {
        ureq::Error::Timeout(_) => format!("no answer within {secs} seconds (timed out)"),
        ureq::Error::HostNotFound => "no such host (or no network connection)".to_string(),
        ureq::Error::ConnectionFailed => "could not connect (offline?)".to_string(),
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => {
                "connection refused (is the site up?)".to_string()
            }
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                format!("no answer within {secs} seconds (timed out)")
            }
            _ => format!("could not connect (offline?): {io}"),
        },
        ureq::Error::TooManyRedirects => "too many redirects".to_string(),
        ureq::Error::BadUri(u) => format!("not a valid address ({u})"),
        e => e.to_string(),
    };
    crate::document::sanitize(&format!("{url}: {what}"))
}

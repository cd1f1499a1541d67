//! The `ibid` binary: parses the command line and runs the chosen command.
#![warn(clippy::pedantic)]

mod cli;

use cli::{Cli, Command};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

// mimalloc's option setter (the allocator is linked in through `ibid`).
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// Turns transparent huge pages off (`false`) or back on for this process.
///
/// The reader starts with them off: each first touch of a 2 MiB region of
/// mimalloc's arena otherwise faults in (and zeroes) a whole huge page, ~1 ms
/// of a ~6 ms first frame for a few hundred kilobytes used. They are turned
/// back on once the first frame is drawn, for the big parses that follow
/// (`inspect` on a 10 MB article is 10-25 % slower without them).
fn huge_pages(on: bool) {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(PR_SET_THP_DISABLE, flag, 0, 0, 0) only sets a flag of the
    // process; a failure (an old kernel) is harmless and ignored.
    unsafe {
        let _ = libc::prctl(libc::PR_SET_THP_DISABLE, libc::c_ulong::from(!on), 0, 0, 0);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = on;
}

/// `mi_option_purge_delay` in mimalloc's option enum (v3).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

fn main() -> ExitCode {
    // Memory freed is given back at once instead of after 10 ms: a parse or
    // an index build frees tens of megabytes at a time, which otherwise stay
    // resident (peak RSS of a 10,000-article library 500 -> 362 MB, of
    // `inspect` on a 10 MB article 90 -> 60 MB, time unchanged; BENCHMARKS.md).
    // SAFETY: mimalloc's `mi_option_set(mi_option_t, long)` takes any value;
    // it is not thread safe, and no other thread exists yet.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    huge_pages(false);
    ibid::trace::start();
    let cli = parse_args();
    ibid::trace::mark("arguments parsed");
    if cli.command.is_some() {
        huge_pages(true);
    }
    if cli.print_default_config {
        print!("{}", ibid::config::DEFAULT_TOML);
        return ExitCode::SUCCESS;
    }
    match cli.command {
        Some(Command::Add { inputs }) => {
            apply_limits(cli.config.as_deref());
            add(&inputs, cli.data_dir.as_deref())
        }
        Some(Command::Inspect { file, pretty }) => {
            apply_limits(cli.config.as_deref());
            inspect(&file, pretty)
        }
        Some(Command::Sources { article, format }) => {
            apply_limits(cli.config.as_deref());
            print_result(ibid::commands::sources(&article, format))
        }
        Some(Command::Export { articles, format }) => {
            let data = ibid::library::data_dir(cli.data_dir.as_deref())
                .unwrap_or_else(|| PathBuf::from(".ibid"));
            let dir = data.join("annotations");
            print_result(
                ibid::commands::export(&dir, &articles, format).map(|(text, warnings)| {
                    for w in warnings {
                        say(&w);
                    }
                    text
                }),
            )
        }
        None => match read(cli.paths, cli.data_dir.as_deref(), cli.config.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                say(format!("{e:#}"));
                ExitCode::from(1)
            }
        },
    }
}

/// One line on stderr, sanitised: messages quote file names and file
/// contents, which must not reach the terminal raw. A closed stderr is ignored.
fn say(msg: impl AsRef<str>) {
    let _ = writeln!(
        std::io::stderr(),
        "ibid: {}",
        ibid::document::sanitize(msg.as_ref())
    );
}

/// Prints a command's output, or its error as one line on stderr (exit 2).
fn print_result(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(text) => {
            print!("{text}");
            if !text.ends_with('\n') {
                println!();
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            say(&e);
            ExitCode::from(2)
        }
    }
}

/// Applies the configured file-size limit for a one-shot command (a bad
/// configuration is reported and the defaults used).
fn apply_limits(config_path: Option<&std::path::Path>) {
    match ibid::config::Config::load(config_path) {
        Ok(c) => ibid::library::set_max_file_bytes(c.max_file_bytes()),
        Err(e) => eprintln!("ibid: configuration: {e} (using the defaults)"),
    }
}

/// Parses the command line; `--help` names the actual library folder.
fn parse_args() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let lib = ibid::library::data_dir(None).map_or_else(
        || "unknown (no home directory); use --data-dir".to_string(),
        |d| d.join("library").display().to_string(),
    );
    let cmd = Cli::command().after_help(format!(
        "Library folder: {lib}\n(override the data directory with --data-dir or IBID_DATA_DIR)"
    ));
    let matches = cmd.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The reader's settings from `config` and the environment (links, furniture,
/// measure, theme); an invalid colour is the returned message.
fn apply_reader_config(
    state: &mut ibid::app::AppState,
    config: &ibid::config::Config,
) -> Option<String> {
    state.hyperlinks = match config.reader.hyperlinks {
        ibid::config::Hyperlinks::Always => true,
        ibid::config::Hyperlinks::Never => false,
        ibid::config::Hyperlinks::Auto => ibid::app::view::links::terminal_supports_osc8(
            std::env::var("TERM").ok().as_deref(),
            std::env::var_os("IBID_NO_HYPERLINKS").is_some(),
        ),
    };
    state.show_furniture = config.reader.show_furniture;
    state.measure = config.reader.measure;
    let theme = ibid::app::palette::pick(
        &config.theme.name,
        std::env::var("COLORFGBG").ok().as_deref(),
    );
    let no_color = ibid::app::palette::no_color(std::env::var("NO_COLOR").ok().as_deref());
    match ibid::app::palette::Palette::with_colors(theme, no_color, &config.theme.colors) {
        Ok(p) => {
            state.palette = p;
            None
        }
        Err(e) => {
            state.palette = ibid::app::palette::Palette::new(theme, no_color);
            Some(format!("configuration: {e} (using the theme's colours)"))
        }
    }
}

/// The list's reading times and the last article read, from the data
/// directory `d`; a broken last-read file is the returned message.
fn resume_last_read(state: &mut ibid::app::AppState, d: &std::path::Path) -> Option<String> {
    let times = ibid::positions::load_times(d);
    state.list_view.read_at = state
        .articles
        .iter()
        .map(|a| times.get(&a.path).copied().unwrap_or(0))
        .collect();
    match ibid::last_read::load(d) {
        Ok(Some((path, anchor))) => {
            ibid::app::list_view::resume(state, &path, anchor);
            None
        }
        Ok(None) => None,
        Err(e) => Some(e),
    }
}

/// Key conflicts and a bad configuration: on stderr before the screen is
/// taken, and in the status line.
fn config_messages(
    state: &mut ibid::app::AppState,
    config: &ibid::config::Config,
    config_error: Option<String>,
) {
    for c in &config.key_conflicts {
        say(format!("configuration: key conflict: {c}"));
    }
    if let Some(c) = config.key_conflicts.first() {
        let more = match config.key_conflicts.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        state.message = Some(ibid::app::Message::warning(format!(
            "configuration: key conflict: {c}{more}"
        )));
    }
    if let Some(e) = config_error {
        state.message = Some(ibid::app::Message::error(format!(
            "configuration: {e} (using the defaults)"
        )));
    }
}

/// Runs the reader on `paths`, or on the library when there are none.
fn read(
    paths: Vec<PathBuf>,
    data_dir: Option<&std::path::Path>,
    config_path: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    // A bad configuration is reported here, before the screen is taken, and
    // again in the status line; the reader then runs with the defaults.
    let (config, config_error) = match ibid::config::Config::load(config_path) {
        Ok(c) => (c, None),
        Err(e) => {
            say(format!("configuration: {e} (using the defaults)"));
            (ibid::config::Config::default(), Some(e.to_string()))
        }
    };
    ibid::trace::mark("config loaded");
    ibid::library::set_max_file_bytes(config.max_file_bytes());
    let data = ibid::library::data_dir(data_dir);
    let roots = if paths.is_empty() {
        let mut roots: Vec<PathBuf> = ibid::library::seeds_dir().into_iter().collect();
        if let Some(d) = &data {
            match ibid::library::library_dir(d) {
                Ok(lib) => roots.push(lib),
                Err(e) => say(format!(
                    "cannot create the library folder in {}: {e}",
                    d.display()
                )),
            }
        }
        roots.extend(config.folders());
        roots
    } else {
        paths
    };
    ibid::trace::mark("roots known");
    let cache_dir = ibid::finder::default_cache_dir();
    let files = ibid::library::scan_cached(&roots, cache_dir.as_deref());
    ibid::trace::mark("library scanned");
    let finder_roots = roots.clone();
    let positions = data
        .as_deref()
        .map(ibid::positions::load)
        .unwrap_or_default();
    ibid::trace::mark("positions loaded");
    let mut state = ibid::app::AppState::new(files, &positions);
    ibid::trace::mark("state built");
    let mut startup_error = apply_reader_config(&mut state, &config);
    if let Some(e) = data
        .as_deref()
        .and_then(|d| resume_last_read(&mut state, d))
    {
        startup_error = Some(e);
    }
    if let Some(e) = startup_error {
        state.message = Some(ibid::app::Message::error(ibid::document::sanitize(&e)));
    }
    ibid::trace::mark("last-read resumed");
    state.keymap = config.keymap.clone();
    config_messages(&mut state, &config, config_error);
    let opts = ibid::app::RunOptions {
        data_dir: data,
        test_panic: std::env::var_os("IBID_TEST_PANIC").is_some_and(|v| v == "1"),
        roots: finder_roots,
        cache_dir,
        state_dir: Some(ibid::annotations::store::default_state_dir()),
        after_first_frame: Some(|| huge_pages(true)),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    // The open article is read and parsed while the terminal is taken.
    let started = ibid::app::start(&mut state, &tx)?;
    // Signals first: one arriving while the screen is being taken still
    // ends the session through the normal path.
    ibid::tui::spawn_signals(tx.clone())?;
    let (mut terminal, guard) = ibid::tui::enter()?;
    ibid::trace::mark("terminal entered");
    ibid::tui::spawn_input(tx.clone());
    let result = ibid::app::run(
        &mut terminal,
        state,
        started,
        &tx,
        &rx,
        &opts,
        &mut ibid::tui::suspend,
        ibid::ui::draw,
    );
    drop(guard);
    let exit = result?;
    // After the terminal is restored, so the message stays readable; a
    // closed terminal (SIGHUP) makes writing fail, which is fine.
    let mut err = std::io::stderr();
    for p in &exit.problems {
        let _ = writeln!(err, "ibid: {}", ibid::document::sanitize(p));
    }
    if exit.problems.is_empty() {
        Ok(())
    } else {
        Err(anyhow::anyhow!("some work was not saved"))
    }
}

/// `ibid add INPUT…`: one line per input on stdout (warnings and failures on
/// stderr); exit 1 when any input could not be added.
fn add(inputs: &[String], data_dir: Option<&std::path::Path>) -> ExitCode {
    let Some(data) = ibid::library::data_dir(data_dir) else {
        eprintln!("ibid: no data directory (no home directory); use --data-dir");
        return ExitCode::from(2);
    };
    let library = match ibid::library::library_dir(&data) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "ibid: cannot create the library folder in {}: {e}",
                data.display()
            );
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    ibid::add::add(inputs, &library, &mut |ev| match ev {
        ibid::add::Event::Added {
            path,
            title,
            notes,
            format,
        } => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let notes = if notes == 1 {
                "1 note".to_string()
            } else {
                format!("{notes} notes")
            };
            println!(
                "added {title} ({format}, {notes}) as {}",
                ibid::document::sanitize(&name)
            );
        }
        ibid::add::Event::Duplicate(m) => eprintln!("ibid: warning: {m}"),
        ibid::add::Event::Failed(m) => {
            failed = true;
            eprintln!("ibid: {m}");
        }
        ibid::add::Event::Progress(m) => eprintln!("{m}"),
    });
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `ibid inspect FILE`: the document model as JSON on stdout, streamed
/// through a buffer; a reader that stops early (`| head -1`) ends it quietly.
fn inspect(file: &std::path::Path, pretty: bool) -> ExitCode {
    use std::io::Write;
    let doc = match ibid::library::read_document(file) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("ibid: {}", ibid::document::sanitize(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    if doc
        .diagnostics
        .iter()
        .any(|d| d.kind == ibid::document::DiagnosticKind::Unreadable)
    {
        eprintln!(
            "ibid: {}: {}",
            ibid::document::sanitize(&file.display().to_string()),
            doc.block_text(0)
        );
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout().lock();
    let buffered = std::io::BufWriter::with_capacity(1 << 16, stdout);
    // Document text is sanitised when read; this also keeps C1, DEL and bidi
    // characters of any other field off the terminal (as JSON escapes). The
    // serialiser's many small writes are gathered first, so the escaping
    // looks at 64 KiB at a time.
    let escaping = ibid::document::EscapingWriter::new(buffered);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, escaping);
    let written = ibid::inspect::write_json(&doc, &mut out, pretty)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| {
            out.into_inner()
                .map_err(std::io::IntoInnerError::into_error)
        })
        .and_then(ibid::document::EscapingWriter::into_inner)
        .and_then(|mut b| b.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(e.to_string());
            ExitCode::from(2)
        }
    }
}

//! The `ibid` binary: parses the command line and runs the chosen command.

mod cli;

use cli::{Cli, Command};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = parse_args();
    if cli.print_default_config {
        print!("{}", ibid::config::DEFAULT_TOML);
        return ExitCode::SUCCESS;
    }
    match cli.command {
        Some(Command::Inspect { file, pretty }) => inspect(&file, pretty),
        Some(Command::Sources { article, format }) => {
            print_result(ibid::commands::sources(&article, format))
        }
        Some(Command::Export { articles, format }) => {
            let data = ibid::library::data_dir(cli.data_dir.as_deref())
                .unwrap_or_else(|| PathBuf::from(".ibid"));
            let dir = data.join("annotations");
            print_result(
                ibid::commands::export(&dir, &articles, format).map(|(text, warnings)| {
                    for w in warnings {
                        eprintln!("ibid: {w}");
                    }
                    text
                }),
            )
        }
        None => match read(cli.paths, cli.data_dir, cli.config.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("ibid: {e:#}");
                ExitCode::from(1)
            }
        },
    }
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
            eprintln!("ibid: {e}");
            ExitCode::from(2)
        }
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

/// Runs the reader on `paths`, or on the library when there are none.
fn read(
    paths: Vec<PathBuf>,
    data_dir: Option<PathBuf>,
    config_path: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    // A bad configuration is reported here, before the screen is taken, and
    // again in the status line; the reader then runs with the defaults.
    let (config, config_error) = match ibid::config::Config::load(config_path) {
        Ok(c) => (c, None),
        Err(e) => {
            eprintln!("ibid: configuration: {e} (using the defaults)");
            (ibid::config::Config::default(), Some(e.to_string()))
        }
    };
    let data = ibid::library::data_dir(data_dir.as_deref());
    let roots = if paths.is_empty() {
        let mut roots: Vec<PathBuf> = ibid::library::seeds_dir().into_iter().collect();
        if let Some(d) = &data {
            match ibid::library::library_dir(d) {
                Ok(lib) => roots.push(lib),
                Err(e) => eprintln!(
                    "ibid: cannot create the library folder in {}: {e}",
                    d.display()
                ),
            }
        }
        roots.extend(config.folders());
        roots
    } else {
        paths
    };
    let files = ibid::library::scan(&roots);
    let finder_roots = roots.clone();
    let positions = data
        .as_deref()
        .map(ibid::library::load_positions)
        .unwrap_or_default();
    let mut state = ibid::app::AppState::new(files, &positions);
    state.hyperlinks = match config.reader.hyperlinks {
        ibid::config::Hyperlinks::Always => true,
        ibid::config::Hyperlinks::Never => false,
        ibid::config::Hyperlinks::Auto => ibid::ui::hyperlink::terminal_supports_osc8(
            std::env::var("TERM").ok().as_deref(),
            std::env::var_os("IBID_NO_HYPERLINKS").is_some(),
        ),
    };
    state.show_furniture = config.reader.show_furniture;
    if let Some(e) = config_error {
        state.message = Some((format!("configuration: {e} (using the defaults)"), true));
    }
    let opts = ibid::app::RunOptions {
        data_dir: data,
        test_panic: std::env::var_os("IBID_TEST_PANIC").is_some_and(|v| v == "1"),
        roots: finder_roots,
        cache_dir: ibid::finder::default_cache_dir(),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let (mut terminal, guard) = ibid::tui::enter()?;
    ibid::tui::spawn_input(tx.clone());
    ibid::tui::spawn_signals(tx.clone())?;
    let result = ibid::app::run(&mut terminal, state, &tx, &rx, &opts);
    drop(guard);
    result
}

/// `ibid inspect FILE`: the document model as JSON on stdout.
fn inspect(file: &std::path::Path, pretty: bool) -> ExitCode {
    match ibid::library::read_document(file) {
        Ok(doc)
            if doc
                .diagnostics
                .iter()
                .any(|d| d.kind == ibid::document::DiagnosticKind::Unreadable) =>
        {
            eprintln!("ibid: {}: {}", file.display(), doc.block_text(0));
            ExitCode::from(2)
        }
        Ok(doc) => {
            let v = ibid::inspect::to_json(&doc);
            let out = if pretty {
                serde_json::to_string_pretty(&v)
            } else {
                serde_json::to_string(&v)
            };
            match out {
                Ok(s) => {
                    println!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("ibid: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(e) => {
            eprintln!("ibid: {e}");
            ExitCode::from(2)
        }
    }
}

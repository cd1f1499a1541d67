//! The `ibid` binary: parses the command line and runs the chosen command.

mod cli;

use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Inspect { file, pretty }) => inspect(&file, pretty),
        Some(Command::Sources { article, format }) => {
            print_result(ibid::commands::sources(&article, format))
        }
        Some(Command::Export { articles, format }) => {
            let dir = ibid::dirs::annotations_dir(&ibid::dirs::data_dir(cli.data_dir.clone()));
            print_result(
                ibid::commands::export(&dir, &articles, format).map(|(text, warnings)| {
                    for w in warnings {
                        eprintln!("ibid: {w}");
                    }
                    text
                }),
            )
        }
        None => {
            eprintln!("ibid: the reader is not built yet; try `ibid inspect FILE`");
            ExitCode::from(2)
        }
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

/// `ibid inspect FILE`: the document model as JSON on stdout.
fn inspect(file: &std::path::Path, pretty: bool) -> ExitCode {
    match ibid::library::read_document(file) {
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

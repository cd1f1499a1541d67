//! The `ibid` binary: parses the command line and runs the chosen command.

mod cli;

use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Inspect { file, pretty }) => inspect(&file, pretty),
        None => {
            eprintln!("ibid: the reader is not built yet; try `ibid inspect FILE`");
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

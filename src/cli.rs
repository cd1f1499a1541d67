//! Command-line arguments (clap): the reader, `add`, `inspect`, `export`, `sources`.

use clap::{Parser, Subcommand};
use ibid::commands::{ExportFormat, SourcesFormat};
use std::path::PathBuf;

/// ibid — a keyboard-driven terminal reader for articles with footnotes.
///
/// With no PATH, opens the library: the bundled seeds plus every article
/// (.txt .md .rst .org .adoc .html .epub and the like) in the library folder
/// under the data directory
/// (e.g. ~/.local/share/ibid/library/, created on first run; --data-dir or
/// IBID_DATA_DIR moves it). Press ? in the reader for the keys.
// Shown as plain text by `--help`, so no Markdown backticks.
#[allow(clippy::doc_markdown)]
#[derive(Debug, Parser)]
#[command(name = "ibid", version, about)]
pub struct Cli {
    /// Files or folders to open instead of the library.
    pub paths: Vec<PathBuf>,
    /// Data directory (annotations, library, reading positions).
    #[arg(long, env = "IBID_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Configuration file (default: <config dir>/ibid/config.toml, e.g.
    /// ~/.config/ibid/config.toml; see --print-default-config).
    #[arg(long, env = "IBID_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// Print the default configuration and exit.
    #[arg(long)]
    pub print_default_config: bool,
    /// What to do instead of reading.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add files, folders or web pages (http/https URLs) to the library
    /// folder: files are copied as they are, pages are fetched and kept with
    /// their address and retrieval date (a sidecar in <library>/.ibid/).
    Add {
        /// Files (.txt, .md, .html, .xhtml, .epub), folders, or URLs.
        #[arg(required = true)]
        inputs: Vec<String>,
    },
    /// Print the document model of FILE as JSON.
    Inspect {
        /// The article.
        file: PathBuf,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
    /// Print an article's sources (its bibliography, built from its notes).
    Sources {
        /// The article.
        article: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "markdown")]
        format: SourcesFormat,
    },
    /// Print annotations with their quotes, notes and locations.
    Export {
        /// Articles to export (all annotated articles when none are given).
        articles: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "markdown")]
        format: ExportFormat,
    },
}

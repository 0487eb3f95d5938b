//! `crosswire serve`: browse the store's stories in a browser, fetch them as JSON.

use std::io::Write;
use std::net::ToSocketAddrs;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use crosswire_serve::{App, Server};

/// Arguments of `crosswire serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The store (read only: `crosswire ingest` may keep writing to it meanwhile).
    #[arg(long, default_value = crosswire::store::DEFAULT_PATH)]
    db: PathBuf,
    /// Address to listen on (port 0 picks a free port). Keep it on localhost unless everyone
    /// who can reach the address may read the store.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Word budget of the summaries (as `crosswire digest --words`).
    #[arg(long, default_value_t = 100)]
    words: usize,
    /// Worker threads (requests served at once).
    #[arg(long, default_value_t = 4)]
    threads: usize,
    /// Log only errors, not every request.
    #[arg(long, short = 'q')]
    quiet: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.is_file() {
        anyhow::bail!(
            "no store at {} (run `crosswire ingest` first)",
            args.db.display()
        );
    }
    let app = App::new(&args.db, args.words);
    let server = Server::bind(&args.addr, app)
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", args.addr))?
        .log_requests(!args.quiet);
    let addr = server.local_addr().context("no listening address")?;
    let exposed = args
        .addr
        .to_socket_addrs()
        .map(|mut a| a.any(|a| !a.ip().is_loopback()))
        .unwrap_or(true);
    if exposed {
        eprintln!(
            "crosswire: warning: listening on {addr}, beyond this machine: anyone who can reach \
             it can read the store"
        );
    }
    // The URL goes to stdout (scripts read it, e.g. with --addr 127.0.0.1:0); logs to stderr.
    let host = if addr.ip().is_unspecified() {
        "localhost".to_string()
    } else if addr.is_ipv6() {
        format!("[{}]", addr.ip())
    } else {
        addr.ip().to_string()
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "http://{host}:{}/", addr.port())?;
    out.flush()?;
    drop(out);
    eprintln!(
        "crosswire: serving {} with {} threads (Ctrl-C to stop)",
        args.db.display(),
        args.threads.max(1)
    );
    server.run(args.threads)?;
    Ok(ExitCode::SUCCESS)
}

use std::process::ExitCode;

/// Arguments of `crosswire ingest`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`crosswire ingest` is not built yet")
}

use std::process::ExitCode;

/// Arguments of `crosswire cluster`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`crosswire cluster` is not built yet")
}

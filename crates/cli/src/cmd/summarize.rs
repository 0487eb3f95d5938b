use std::process::ExitCode;

/// Arguments of `crosswire summarize`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`crosswire summarize` is not built yet")
}

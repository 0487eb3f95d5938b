use std::process::ExitCode;

/// Arguments of `crosswire clean`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`crosswire clean` is not built yet")
}

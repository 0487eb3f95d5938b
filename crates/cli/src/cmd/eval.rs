use std::process::ExitCode;

/// Arguments of `crosswire eval`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`crosswire eval` is not built yet")
}

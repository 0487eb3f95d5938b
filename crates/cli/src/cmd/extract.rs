use std::process::ExitCode;

/// Arguments of `crosswire extract`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`crosswire extract` is not built yet")
}

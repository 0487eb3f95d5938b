use std::process::ExitCode;

/// Arguments of `crosswire stories`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`crosswire stories` is not built yet")
}

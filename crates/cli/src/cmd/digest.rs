use std::process::ExitCode;

/// Arguments of `crosswire digest`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`crosswire digest` is not built yet")
}

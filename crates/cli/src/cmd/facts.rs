use std::process::ExitCode;

/// Arguments of `crosswire facts`.
#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`crosswire facts` is not built yet")
}

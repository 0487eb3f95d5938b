#!/usr/bin/env bash
# How long a writer's start takes on an existing store (open + resume: clusterer state,
# dedup window, LSH key filter), run on a copy so that the store itself is not upgraded.
#
#   bench/store/open_time.sh /tmp/cws/store-synthetic-1000000.db   # from bench/scale/run.sh
#
# The first start of a version-2 store upgrades it and builds the key filter from the
# lsh_bands table (one pass); later starts read the persisted filter.
set -euo pipefail
src="${1:?usage: open_time.sh STORE.db [WINDOW]}"
window="${2:-100000}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$src" "$work/store.db"
(cd "$here" && cargo build --release -q -p crosswire-store --example open_time)
bin="$here/target/release/examples/open_time"
echo "first start:"
CROSSWIRE_PROFILE=1 "$bin" "$work/store.db" "$window"
echo "later starts:"
for _ in 1 2 3; do "$bin" "$work/store.db" "$window"; done
echo "key filter at the last start (CPU time):"
CROSSWIRE_PROFILE=1 "$bin" "$work/store.db" "$window" | grep ResumeKeyFilter

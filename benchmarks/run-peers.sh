#!/usr/bin/env bash
# The standard-pipeline benchmark, industryts side by side with pandas, Polars and DuckDB
# (../shared/bench/README.md). Run from anywhere:
#
#   benchmarks/run-peers.sh 1000000          # ROWS: 100000, 1000000 or 10000000
#   TOOLS=industryts benchmarks/run-peers.sh 1000000
#   SHAPE=keyed SERIES=1000 benchmarks/run-peers.sh 1000000   # keyed variant: one series per tag
#
# Builds runners/target/industryts.jar if needed, then hands the shared runner the command it
# calls for industryts: `industryts bench` on the standard pipeline (built into the jar), through
# the ./industryts wrapper, so JVM flags and the class-data-sharing archive are a user's: the
# untimed warm-up run writes the archive when it is missing or older than the jar.
set -euo pipefail

rows="${1:?usage: benchmarks/run-peers.sh ROWS (e.g. 1000000)}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${BENCH_DIR:-$root/../shared/bench}"

if [[ ! -f "$bench/run_peers.sh" ]]; then
  echo "run-peers.sh: the shared benchmark is not at $bench (set BENCH_DIR)." >&2
  exit 1
fi
# ./industryts --version builds the jar when it is missing or older than the sources
"$root/industryts" --version >&2

cd "$root"
# (not ${INDUSTRYTS_CMD:-...}: the "}" of a placeholder would end that expansion)
if [[ -z "${INDUSTRYTS_CMD:-}" ]]; then
  INDUSTRYTS_CMD="INDUSTRYTS_NO_BUILD=1 '$root/industryts' bench --mode {mode} --input {csv} --output {out} --threads {threads} --repeats {repeats}"
  # SHAPE=keyed: the keyed job (benchmarks/standard_keyed_pipeline.toml, built into the jar)
  if [[ "${SHAPE:-single}" == keyed ]]; then
    INDUSTRYTS_CMD="$INDUSTRYTS_CMD --shape {shape}"
  fi
fi
export INDUSTRYTS_CMD
export TOOLS="${TOOLS:-pandas,polars,duckdb,industryts}"
exec bash "$bench/run_peers.sh" "$rows"

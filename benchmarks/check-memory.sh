#!/usr/bin/env bash
# Larger than the heap: runs the benchmark pipeline on ROWS rows (default 10,000,000) with a small
# heap (HEAP, default 1g) on the DirectRunner and on the FlinkRunner's embedded cluster, and
# reports each run's exit status and its last lines. Heavy (minutes, GBs of disk for the data and
# Flink's spill files), so it is a script and not part of `mvn verify`:
#
#   benchmarks/check-memory.sh                 # 10M rows, -Xmx1g
#   HEAP=2g benchmarks/check-memory.sh 5000000
#
# Expected today (README, "Memory limits"): the DirectRunner fails with exit 1 and the
# out-of-memory paragraph; the FlinkRunner spills its groupings to disk but the writer gathers the
# whole result on one worker's heap, so it fails the same way once the output exceeds the heap.
# Builds runners/target/industryts-flink.jar when it is missing.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-10000000}"
heap="${HEAP:-1g}"
jar_direct="$root/runners/target/industryts.jar"
jar_flink="$root/runners/target/industryts-flink.jar"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/industryts-runners"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jvm=(-XX:+UseParallelGC "-Xmx$heap" -Xss4m -XX:TieredStopAtLevel=1)

[[ -f "$jar_direct" ]] || mvn -q -B -f "$root/pom.xml" -DskipTests -pl runners -am package >&2
[[ -f "$jar_flink" ]] || mvn -q -B -f "$root/pom.xml" -DskipTests -Pflink -pl runners -am package >&2
mkdir -p "$cache"
input="$cache/wide_$rows.csv"
[[ -f "$input" ]] || "$java" "$root/benchmarks/GenerateRunnerData.java" wide "$rows" "$input"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
for runner in DirectRunner FlinkRunner; do
  jar="$jar_direct"
  [[ "$runner" == FlinkRunner ]] && jar="$jar_flink"
  echo "== $runner, $rows rows, -Xmx$heap"
  "$java" "${jvm[@]}" -jar "$jar" run examples/configs/standard_pipeline.toml --input "$input" \
    --output "$work/$runner.parquet" --runner="$runner" > "$work/$runner.log" 2>&1
  status=$?
  tail -n 4 "$work/$runner.log"
  echo "exit status $status"
done

#!/usr/bin/env bash
# Larger than the heap: runs the benchmark pipeline on ROWS rows (default 10,000,000) with a small
# heap (HEAP, default 1g) on the DirectRunner and on the FlinkRunner's embedded cluster, and
# reports each run's exit status, its last lines, wall and CPU time (user+sys), peak resident
# memory (GNU time's maximum RSS) and the machine's load before the run. Heavy (minutes, GBs of disk
# for the data, Flink's spill files and the writer's part files), so it is a script and not part of
# `mvn verify`:
#
#   benchmarks/check-memory.sh                 # 10M rows, -Xmx1g
#   HEAP=2g benchmarks/check-memory.sh 5000000
#   RUNNERS=FlinkRunner benchmarks/check-memory.sh   # only Flink
#   JAR_FLINK=/path/to/industryts-flink.jar ...       # another build (JAR_DIRECT likewise)
#
# Expected (README, "Memory limits"): the DirectRunner fails with exit 1 and the out-of-memory
# paragraph; the FlinkRunner completes (exit 0): it groups in managed memory and spills to disk,
# and its writer holds one segment of the output at a time (FileOutput's part files).
# Builds runners/target/industryts.jar and industryts-flink.jar when they are missing.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-10000000}"
heap="${HEAP:-1g}"
jar_direct="${JAR_DIRECT:-$root/runners/target/industryts.jar}"
jar_flink="${JAR_FLINK:-$root/runners/target/industryts-flink.jar}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/industryts-runners"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jvm=(-XX:+UseParallelGC "-Xmx$heap" -Xss4m -XX:TieredStopAtLevel=1)

runners="${RUNNERS:-DirectRunner FlinkRunner}"
if [[ "$runners" == *DirectRunner* && ! -f "$jar_direct" ]]; then
  mvn -q -B -f "$root/pom.xml" -DskipTests -pl runners -am package >&2
fi
if [[ "$runners" == *FlinkRunner* && ! -f "$jar_flink" ]]; then
  mvn -q -B -f "$root/pom.xml" -DskipTests -Pflink -pl runners -am package >&2
fi
mkdir -p "$cache"
input="$cache/wide_$rows.csv"
[[ -f "$input" ]] || "$java" "$root/benchmarks/GenerateRunnerData.java" wide "$rows" "$input"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
for runner in $runners; do
  jar="$jar_direct"
  [[ "$runner" == FlinkRunner ]] && jar="$jar_flink"
  echo "== $runner, $rows rows, -Xmx$heap ($(uptime | sed 's/.*load/load/'))"
  /usr/bin/time -f 'wall %e s, cpu %U s user + %S s sys, peak RSS %M KB' -o "$work/$runner.time" \
    "$java" "${jvm[@]}" -jar "$jar" run examples/configs/standard_pipeline.toml --input "$input" \
    --output "$work/$runner.parquet" --runner="$runner" > "$work/$runner.log" 2>&1
  status=$?
  tail -n 4 "$work/$runner.log"
  tail -n 1 "$work/$runner.time"
  echo "exit status $status"
done

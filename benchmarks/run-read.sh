#!/usr/bin/env bash
# The CSV reading phase alone (inspection, byte ranges, parsing into chunks; no pipeline), on the
# peer benchmark's data, with io.industryts.io.CsvReadThroughput. Run from anywhere:
#
#   benchmarks/run-read.sh FILE.csv [FILE.csv ...]
#   BASE=<commit> benchmarks/run-read.sh FILE.csv     # also the reader of <commit>, interleaved
#   BASE=<commit> AB=1 benchmarks/run-read.sh FILE.csv  # both in one JVM, read alternately
#
# env: RUNS (reads per JVM, default 3: the first is cold), ROUNDS (JVMs per side, default 2),
#      AB_READS (with AB=1: reads per build after 2 warm-up reads each, default 10),
#      THREADS (default: the cores), JAVA_OPTS (default: the launcher's, C1 only and ParallelGC).
# Data: /usr/bin/python3 ../shared/bench/gen_data.py 1000000 sensors_1000000.csv (or
# SETUP_ONLY=1 bash ../shared/bench/run_peers.sh 1000000, into ~/.cache/industryts-peers/data).
# Each line gives wall seconds, CPU seconds (user + system) of the process and of the parsing
# threads, and rows per second; the machine is shared, so compare CPU seconds and same-run ratios.
set -euo pipefail

[[ $# -ge 1 ]] || { sed -n 2,15p "$0" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
rounds="${ROUNDS:-2}"
threads="${THREADS:-$(nproc)}"
read -r -a jopts <<< "${JAVA_OPTS:--XX:+UseParallelGC -XX:MaxRAMPercentage=70 -Xss4m -XX:TieredStopAtLevel=1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# the io module's classes of today (and of BASE): deps, after_cp, before_cp, sides
source "$root/benchmarks/io-classes.sh"

if [[ -n "${BASE:-}" && -n "${AB:-}" ]]; then
  # both builds in one JVM, read alternately (benchmarks/CsvReadAB.java); AB_READS reads each
  mkdir -p "$work/ab"
  javac -nowarn -d "$work/ab" -cp "$deps" "$root/benchmarks/CsvReadAB.java" >&2
  echo "# $(date -u +%FT%TZ) $(uptime)"
  echo "# java ${jopts[*]}; threads $threads; one JVM, ${AB_READS:-10} reads per build; before = $BASE"
  for file in "$@"; do
    java "${jopts[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$work/ab:$deps" \
      CsvReadAB "$file" "${AB_READS:-10}" "$threads" "$work/base-classes" "$work/after-classes"
  done
  echo "# $(date -u +%FT%TZ) $(uptime)"
  exit 0
fi

echo "# $(date -u +%FT%TZ) $(uptime)"
echo "# java ${jopts[*]}; threads $threads; $runs reads per JVM, $rounds JVMs per side${BASE:+; before = $BASE}"
for file in "$@"; do
  for ((round = 1; round <= rounds; round++)); do
    for side in "${sides[@]}"; do
      cp_var="${side}_cp"
      java "${jopts[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=error -Dbench.label="$side $(basename "$file") jvm $round" \
        -cp "${!cp_var}" io.industryts.io.CsvReadThroughput "$file" "$runs" "$threads"
    done
  done
done
echo "# $(date -u +%FT%TZ) $(uptime)"

#!/usr/bin/env bash
# The CSV writing phase alone (a job's output rows formatted and written by the CSV writer; no
# pipeline), with io.industryts.io.CsvWriteThroughput. Run from anywhere:
#
#   benchmarks/run-write.sh OUT.csv [OUT.csv ...]
#   BASE=<commit> benchmarks/run-write.sh OUT.csv     # also the writer of <commit>, interleaved
#
# OUT.csv: a CSV the standard pipeline wrote (time column, then doubles), e.g.
#   ./industryts run examples/configs/standard_pipeline.toml \
#       --input ~/.cache/industryts-peers/data/sensors_10000000.csv --output /tmp/out10m.csv
# env: RUNS (writes per JVM, default 5: the first is cold), ROUNDS (JVMs per side, default 2),
#      PATTERN (time_format, default the standard pipeline's), JAVA_OPTS (default: the
#      launcher's, C1 only and ParallelGC).
# Each line gives wall seconds and CPU seconds (user + system) of the process, which formats on
# several threads; the machine is shared, so compare CPU seconds and same-run ratios.
set -euo pipefail

[[ $# -ge 1 ]] || { sed -n 2,15p "$0" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
rounds="${ROUNDS:-2}"
pattern="${PATTERN:-yyyy-MM-dd'T'HH:mm:ss}"
read -r -a jopts <<< "${JAVA_OPTS:--XX:+UseParallelGC -XX:MaxRAMPercentage=70 -Xss4m -XX:TieredStopAtLevel=1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# the io module's classes of today (and of BASE): deps, after_cp, before_cp, sides
source "$root/benchmarks/io-classes.sh"

echo "# $(date -u +%FT%TZ) $(uptime)"
echo "# java ${jopts[*]}; $runs writes per JVM, $rounds JVMs per side; pattern $pattern${BASE:+; before = $BASE}"
for file in "$@"; do
  for ((round = 1; round <= rounds; round++)); do
    for side in "${sides[@]}"; do
      cp_var="${side}_cp"
      java "${jopts[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=error -Dbench.label="$side $(basename "$file") jvm $round" \
        -cp "${!cp_var}" io.industryts.io.CsvWriteThroughput "$file" "$runs" "$pattern"
    done
  done
done
echo "# $(date -u +%FT%TZ) $(uptime)"

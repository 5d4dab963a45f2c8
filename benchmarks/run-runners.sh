#!/usr/bin/env bash
# The benchmark pipeline on DirectRunner, FlinkRunner (embedded) and SparkRunner (local[N]), and
# the work split over Flink's workers. Run from anywhere:
#
#   benchmarks/run-runners.sh 1000000              # wall times, one row per runner
#   benchmarks/run-runners.sh --split 10000000 1000 10000
#       # Flink worker shares: one series of 10,000,000 rows, then 1,000 series of 10,000 rows
#
# PARALLELISM (default 2) sets --parallelism. Input: the peer benchmark's cached CSV
# (~/.cache/industryts-peers/data/sensors_ROWS.csv, benchmarks/run-peers.sh) when present, else
# benchmarks/GenerateRunnerData.java writes one into ~/.cache/industryts-runners. Builds
# runners/target/industryts-flink-spark.jar when it is missing. Outputs go to a temporary
# directory; each runner's output is compared with the DirectRunner's (identical bytes, or the
# largest relative difference of a number).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/runners/target/industryts-flink-spark.jar"
par="${PARALLELISM:-2}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/industryts-runners"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jvm=(-XX:+UseParallelGC -XX:MaxRAMPercentage=70 -Xss4m -XX:TieredStopAtLevel=1)

usage() {
  echo "usage: benchmarks/run-runners.sh ROWS | --split ROWS SERIES ROWS_PER_SERIES" >&2
  exit 2
}

if [[ ! -f "$jar" ]]; then
  echo "run-runners.sh: building $jar (mvn -Pflink,spark package, tests skipped)..." >&2
  mvn -q -B -f "$root/pom.xml" -DskipTests -Pflink,spark -pl runners -am package >&2
fi
mkdir -p "$cache"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

wide_input() {
  local rows="$1" peer="$HOME/.cache/industryts-peers/data/sensors_$1.csv"
  if [[ -f "$peer" ]]; then
    echo "$peer"
  else
    [[ -f "$cache/wide_$rows.csv" ]] || "$java" "$root/benchmarks/GenerateRunnerData.java" wide "$rows" "$cache/wide_$rows.csv"
    echo "$cache/wide_$rows.csv"
  fi
}

if [[ "${1:-}" == --split ]]; then
  [[ $# -eq 4 ]] || usage
  rows="$2"; series="$3"; per="$4"
  wide="$(wide_input "$rows")"
  long="$cache/long_${series}x${per}.csv"
  [[ -f "$long" ]] || "$java" "$root/benchmarks/GenerateRunnerData.java" long "$series" "$per" "$long"
  cd "$root"
  echo "== one series, $rows rows ($wide), FlinkRunner parallelism $par"
  "$java" benchmarks/WorkerCpu.java -- "$java" "${jvm[@]}" -jar "$jar" run \
    examples/configs/standard_pipeline.toml --input "$wide" --output "$work/one.csv" \
    --runner=FlinkRunner --parallelism "$par"
  echo "== $series series of $per rows ($long), FlinkRunner parallelism $par"
  "$java" benchmarks/WorkerCpu.java -- "$java" "${jvm[@]}" -jar "$jar" run \
    benchmarks/keyed_pipeline.toml --input "$long" --output "$work/many.csv" \
    --runner=FlinkRunner --parallelism "$par"
  exit 0
fi

# The largest difference of two CSV files cell by cell: |a - b| / max(1, |b|) over numbers;
# "DIFFERENT" when the row counts or a non-numeric cell differ.
max_diff() {
  paste -d '\n' "$1" "$2" | awk -F, '
    NR % 2 == 1 { n = split($0, e, ","); next }
    {
      if (NF != n) { bad = 1; exit }
      for (i = 1; i <= NF; i++) if ($i != e[i]) {
        if ($i !~ /^-?[0-9.]+([Ee][-+]?[0-9]+)?$/ || e[i] !~ /^-?[0-9.]+([Ee][-+]?[0-9]+)?$/) { bad = 1; exit }
        d = $i - e[i]; if (d < 0) d = -d
        m = e[i] < 0 ? -e[i] : e[i]; if (m < 1) m = 1
        if (d / m > max) max = d / m
      }
    }
    END { if (bad || NR % 2) print "DIFFERENT"; else printf "max rel. diff %.1e\n", max }'
}

[[ $# -eq 1 ]] || usage
rows="$1"
input="$(wide_input "$rows")"
cd "$root"
results=()
for runner in DirectRunner FlinkRunner SparkRunner; do
  start=$(date +%s.%N)
  "$java" "${jvm[@]}" -jar "$jar" run examples/configs/standard_pipeline.toml --input "$input" \
    --output "$work/$runner.csv" --runner=$runner --parallelism "$par" 2> "$work/$runner.log" \
    || { cat "$work/$runner.log" >&2; exit 1; }
  end=$(date +%s.%N)
  out_rows=$(( $(wc -l < "$work/$runner.csv") - 1 ))
  if cmp -s "$work/DirectRunner.csv" "$work/$runner.csv"; then
    same="identical bytes"
  else
    same="$(max_diff "$work/DirectRunner.csv" "$work/$runner.csv")"
  fi
  results+=("$(printf '%-13s %9.1f %10d   %s' "$runner" "$(echo "$end - $start" | bc)" "$out_rows" "$same")")
done
echo "standard pipeline, $rows rows ($input), parallelism $par, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-13s %9s %10s   %s\n' runner wall_s rows_out vs_direct
printf '%s\n' "${results[@]}"

# Sourced by run-read.sh and run-write.sh (not run alone): builds the io module's main and test
# classes and sets, for the benchmarks that time one of its phases without a pipeline:
#   deps       the io module's test class path (dependencies and sibling modules)
#   after_cp   today's classes (copied, so the sources can be rebuilt while a benchmark runs)
#   before_cp  with BASE=<commit>: the io module's main classes at BASE, compiled against today's
#              dependencies
#   sides      (after) or (before after)
# Needs root and work (a temporary directory) set by the caller; leaves the shell in $root.
cd "$root"
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}"
# the reactor writes one class path per module (the last one is the io module's)
mvn -B -q -o -pl transforms/io -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2
io="$root/transforms/io/target"
deps="$(cat "$work/cp.txt")"
cp -r "$io/classes" "$work/after-classes"
cp -r "$io/test-classes" "$work/test-classes"
after_cp="$work/test-classes:$work/after-classes:$deps"

sides=(after)
if [[ -n "${BASE:-}" ]]; then
  mkdir -p "$work/base-src" "$work/base-classes"
  git archive "$BASE" transforms/io/src/main/java | tar -x -C "$work/base-src"
  find "$work/base-src" -name '*.java' > "$work/base-files.txt"
  javac -nowarn -encoding UTF-8 --release 17 -d "$work/base-classes" -cp "$deps" @"$work/base-files.txt" >&2
  before_cp="$work/test-classes:$work/base-classes:$deps"
  sides=(before after)
fi

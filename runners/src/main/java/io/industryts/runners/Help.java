package io.industryts.runners;

import io.industryts.runners.CommandLine.Command;

/** The text of {@code industryts --help} and {@code industryts <command> --help}. */
final class Help {
  private Help() {}

  static final String MAIN =
      String.join(
          "\n",
          "industryts - clean, regularize and enrich industrial time series with Apache Beam",
          "",
          "Usage: industryts <command> [options]",
          "",
          "Commands:",
          "  run JOB.toml       run a job: read the input, apply its operations, write the outputs",
          "  validate JOB.toml  check a job file and report every problem at once",
          "  explain JOB.toml   show the resolved time column, keys, schemas, defaults and passes",
          "  ops [TYPE]         list the operations, or describe one with all its keys",
          "  help [COMMAND]     show this help, or a command's",
          "",
          "Global options:",
          "  -h, --help         show help (also after a command: industryts run --help)",
          "  -v, --verbose      info logging; stack traces on failure",
          "  --version          print the version",
          "",
          "Exit status: 0 success, 1 the job failed, 2 invalid job file or command line.",
          "Example: industryts run examples/configs/quickstart.toml --output out/quickstart.csv",
          "Documentation: docs/cli.md",
          "");

  static final String RUN =
      String.join(
          "\n",
          "Usage: industryts run JOB.toml [options] [-- BEAM_OPTIONS...]",
          "",
          "Runs the job: reads the input, applies the [[operations]] in order, writes every output,",
          "and prints a summary on stderr (rows read, written, dropped per step, dead-lettered).",
          "Relative paths in the job file are resolved against the job file's directory; paths on",
          "the command line against the current directory.",
          "",
          "Options:",
          "  --input PATH_OR_GLOB   main input (CSV, Parquet or Arrow IPC); replaces [input] path",
          "  --input NAME=PATH      a named input (asof_join right = \"NAME\"); replaces [inputs.NAME]",
          "  --output PATH          output file, format by extension (.csv, .parquet, .arrow);",
          "                         repeatable; replaces [output] path",
          "  --errors PATH          dead-letter file for bad rows (.csv or .jsonl); without it the",
          "                         job fails on the first bad row; replaces [output] errors",
          "  --report PATH          job report: one self-contained HTML page (steps, counters,",
          "                         input/output plots); replaces [output] report",
          "  --runner NAME          DirectRunner (default), FlinkRunner or SparkRunner",
          "                         (Flink and Spark need a jar built with -Pflink / -Pspark)",
          "  --parallelism N        worker threads (Direct) or parallelism (Flink, Spark);",
          "                         default: the number of cores",
          "  --max-columns N        the most header columns a CSV input may have (default 10000)",
          "  -v, --verbose          info logging; stack traces on failure",
          "  -- BEAM_OPTIONS        passed to Beam unchanged, e.g. -- --flinkMaster=host:8081",
          "");

  static final String VALIDATE =
      String.join(
          "\n",
          "Usage: industryts validate JOB.toml [--input NAME=PATH]...",
          "",
          "Checks the job file without reading data: syntax, unknown keys (with suggestions), types,",
          "values, required keys, duplicate step names and unknown operation types. Every problem is",
          "reported, one per line, as FILE:LINE:COL: SCOPE: MESSAGE.",
          "",
          "Options:",
          "  --input NAME=PATH      declare a named input the job refers to (as for run)",
          "",
          "Exit status: 0 valid, 2 invalid.",
          "");

  static final String EXPLAIN =
      String.join(
          "\n",
          "Usage: industryts explain JOB.toml [--input PATH_OR_GLOB]",
          "",
          "Validates the job, inspects the input's header / schema (no rows are processed) and",
          "prints: the time column and why it was chosen, the key columns, the input schema as read,",
          "every operation with all its keys including defaults, the output schema, and how the",
          "operations fuse into passes over the data.",
          "",
          "Options:",
          "  --input PATH_OR_GLOB   main input; replaces [input] path",
          "  --input NAME=PATH      a named input; replaces [inputs.NAME]",
          "");

  static final String OPS =
      String.join(
          "\n",
          "Usage: industryts ops [TYPE]",
          "",
          "Without TYPE: lists every operation type with a one-line description.",
          "With TYPE: its keys (type, default, allowed values, meaning) and a TOML example.",
          "");

  static final String BENCH =
      String.join(
          "\n",
          "Usage: industryts bench --mode full|micro --input CSV --output PREFIX [--threads N]",
          "                        [--repeats N] [--shape single|keyed] [--job JOB.toml]",
          "",
          "Benchmark command for ../shared/bench/run_peers.sh (see benchmarks/run-peers.sh). Runs the",
          "standard pipeline (examples/configs/standard_pipeline.toml, built into the jar) on CSV,",
          "writes PREFIX.parquet and PREFIX.csv and prints one line RESULT {json} on stdout.",
          "--mode micro times the resample step alone and the rolling step alone (each --repeats",
          "times, default 5) on the deduplicated and filled series, and writes no file.",
          "--shape keyed runs the keyed variant instead: the same steps per tag on long-format input",
          "(DateTime, tag, sensors; benchmarks/standard_keyed_pipeline.toml, built into the jar).",
          "--threads N: at most N DirectRunner threads (default: the cores); one when the input is",
          "one series read from CSV in one piece, as for run.",
          "");

  /** The help of {@code command}. */
  static String of(Command command) {
    switch (command) {
      case RUN:
        return RUN;
      case VALIDATE:
        return VALIDATE;
      case EXPLAIN:
        return EXPLAIN;
      case OPS:
        return OPS;
      case BENCH:
        return BENCH;
      default:
        return MAIN;
    }
  }
}

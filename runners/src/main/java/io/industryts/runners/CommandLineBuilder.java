package io.industryts.runners;

import io.industryts.runners.CommandLine.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of one invocation while {@link CommandLine#parse} reads them; each setter checks its
 * option against the command, and {@link CommandLine} copies the result.
 */
final class CommandLineBuilder {
  Command command;
  boolean help;
  boolean verbose;
  final List<String> positionals = new ArrayList<>();
  String mainInput;
  final Map<String, String> namedInputs = new LinkedHashMap<>();
  final List<String> outputs = new ArrayList<>();
  String errors;
  String report;
  String runner = "DirectRunner";
  Integer parallelism;
  Integer maxColumns;
  final Map<String, String> benchOptions = new LinkedHashMap<>();
  final List<String> beamArgs = new ArrayList<>();

  void set(String name, String value) throws UsageException {
    if (name.equals("help")) {
      help = true;
    } else if (name.equals("verbose")) {
      verbose = true;
    } else if (value.isEmpty()) {
      throw new UsageException(
          "option --" + name + " needs a non-empty value, e.g. " + CommandLine.example(name) + ".");
    } else if (command == Command.BENCH) {
      setBench(name, value);
    } else if (name.equals("input")) {
      setInput(value);
    } else if (name.equals("output")) {
      outputs.add(value);
    } else if (name.equals("errors")) {
      once(name, errors);
      errors = value;
    } else if (name.equals("report")) {
      once(name, report);
      report = value;
    } else if (name.equals("runner")) {
      runner = runnerName(value);
    } else if (name.equals("parallelism")) {
      parallelism = positiveInt(name, value);
    } else if (name.equals("max-columns")) {
      maxColumns = positiveInt(name, value);
    }
  }

  private void setBench(String name, String value) throws UsageException {
    if (name.equals("mode") && !value.equals("full") && !value.equals("micro")) {
      throw new UsageException("option --mode must be full or micro. Got \"" + value + "\".");
    }
    if (name.equals("shape") && !value.equals("single") && !value.equals("keyed")) {
      throw new UsageException(
          "option --shape must be single (one wide series) or keyed (one series per tag, long"
              + " format). Got \""
              + value
              + "\".");
    }
    if (name.equals("threads") || name.equals("repeats")) {
      positiveInt(name, value);
    }
    once(name, benchOptions.get(name));
    benchOptions.put(name, value);
  }

  private void setInput(String value) throws UsageException {
    int eq = value.indexOf('=');
    if (eq > 0 && CommandLine.INPUT_NAME.matcher(value.substring(0, eq)).matches()) {
      String name = value.substring(0, eq);
      String path = value.substring(eq + 1);
      if (path.isEmpty()) {
        throw new UsageException(
            "option --input "
                + value
                + " has no path after \"=\". "
                + "Expected --input "
                + name
                + "=PATH.");
      }
      if (namedInputs.put(name, path) != null) {
        throw new UsageException(
            "input \""
                + name
                + "\" is given twice on the command line. "
                + "Give each --input name=PATH once.");
      }
      return;
    }
    once("input", mainInput);
    mainInput = value;
  }

  private static void once(String name, Object previous) throws UsageException {
    if (previous != null) {
      throw new UsageException("option --" + name + " is given twice. Give it once.");
    }
  }

  private static String runnerName(String value) throws UsageException {
    String v = value.toLowerCase(Locale.ROOT);
    for (String r : CommandLine.RUNNERS) {
      String lower = r.toLowerCase(Locale.ROOT);
      if (v.equals(lower) || v.equals(lower.substring(0, lower.length() - "runner".length()))) {
        return r;
      }
    }
    throw new UsageException(
        "unknown runner \""
            + value
            + "\". Expected one of "
            + CommandLine.RUNNERS
            + Suggestions.didYouMean(value, CommandLine.RUNNERS)
            + ".");
  }

  private static int positiveInt(String name, String value) throws UsageException {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "option --"
            + name
            + " must be a positive integer. Got \""
            + value
            + "\"; expected e.g. "
            + CommandLine.example(name)
            + ".");
  }

  void checkPositionals() throws UsageException {
    if (help) {
      return;
    }
    switch (command) {
      case RUN:
      case VALIDATE:
      case EXPLAIN:
        if (positionals.isEmpty()) {
          throw new UsageException(
              command.word()
                  + " needs a job file, e.g. industryts "
                  + command.word()
                  + " examples/configs/quickstart.toml.");
        }
        atMost(1);
        break;
      case OPS:
      case HELP:
        atMost(1);
        break;
      default:
        atMost(0);
    }
  }

  private void atMost(int n) throws UsageException {
    if (positionals.size() > n) {
      throw new UsageException(
          "unexpected argument \""
              + positionals.get(n)
              + "\" for "
              + command.word()
              + ". "
              + (n == 0
                  ? "It takes no arguments"
                  : "It takes " + (n == 1 ? "one argument" : n + " arguments"))
              + "; options start with --.");
    }
  }
}

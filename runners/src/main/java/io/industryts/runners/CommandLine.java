package io.industryts.runners;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parsed arguments of one {@code industryts} invocation. Options take their value either as
 * {@code --name=value} or as the next argument; everything after a bare {@code --} is passed to
 * Beam unchanged as pipeline options.
 *
 * <pre>{@code
 * CommandLine cl = CommandLine.parse("run", "job.toml", "--input", "data/*.csv", "--output=out.parquet");
 * cl.command();     // Command.RUN
 * cl.mainInput();   // Optional[data/*.csv]
 * }</pre>
 *
 * <p>Immutable. Parsing checks only the shape of the arguments (known options for the command,
 * values present and well formed); whether files exist is checked when the command runs.
 */
public final class CommandLine {

  /** The launcher's subcommands. */
  public enum Command {
    RUN("run"),
    VALIDATE("validate"),
    EXPLAIN("explain"),
    OPS("ops"),
    BENCH("bench"),
    HELP("help"),
    VERSION("version");

    private final String word;

    Command(String word) {
      this.word = word;
    }

    /** The word typed on the command line. */
    public String word() {
      return word;
    }

    static Optional<Command> of(String word) {
      for (Command c : values()) {
        if (c.word.equals(word)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  /** The runners {@code --runner} accepts, by their Beam class simple names. */
  public static final List<String> RUNNERS = List.of("DirectRunner", "FlinkRunner", "SparkRunner");

  /** Names usable in {@code --input name=PATH}. */
  static final Pattern INPUT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final Map<Command, Set<String>> OPTIONS =
      Map.of(
          Command.RUN,
              Set.of(
                  "input",
                  "output",
                  "errors",
                  "report",
                  "runner",
                  "parallelism",
                  "max-columns",
                  "verbose",
                  "help"),
          Command.VALIDATE, Set.of("input", "verbose", "help"),
          Command.EXPLAIN, Set.of("input", "verbose", "help"),
          Command.OPS, Set.of("verbose", "help"),
          Command.BENCH,
              Set.of(
                  "mode", "shape", "input", "output", "threads", "repeats", "job", "verbose",
                  "help"),
          Command.HELP, Set.of("verbose", "help"),
          Command.VERSION, Set.of("verbose", "help"));

  /** Options that take no value. */
  private static final Set<String> FLAGS = Set.of("verbose", "help");

  private final Command command;
  private final boolean help;
  private final boolean verbose;
  private final List<String> positionals;
  private final String mainInput;
  private final Map<String, String> namedInputs;
  private final List<String> outputs;
  private final String errors;
  private final String report;
  private final String runner;
  private final Integer parallelism;
  private final Integer maxColumns;
  private final Map<String, String> benchOptions;
  private final List<String> beamArgs;

  private CommandLine(CommandLineBuilder b) {
    this.command = b.command;
    this.help = b.help;
    this.verbose = b.verbose;
    this.positionals = List.copyOf(b.positionals);
    this.mainInput = b.mainInput;
    this.namedInputs = Collections.unmodifiableMap(new LinkedHashMap<>(b.namedInputs));
    this.outputs = List.copyOf(b.outputs);
    this.errors = b.errors;
    this.report = b.report;
    this.runner = b.runner;
    this.parallelism = b.parallelism;
    this.maxColumns = b.maxColumns;
    this.benchOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.benchOptions));
    this.beamArgs = List.copyOf(b.beamArgs);
  }

  /**
   * Parses the launcher's arguments.
   *
   * @throws UsageException naming the offending argument and the fix
   */
  public static CommandLine parse(String... args) throws UsageException {
    CommandLineBuilder b = new CommandLineBuilder();
    int i = 0;
    // Global options may precede the command: industryts --verbose run job.toml
    while (i < args.length && args[i].startsWith("-") && !args[i].equals("--")) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        b.help = true;
      } else if (a.equals("--verbose") || a.equals("-v")) {
        b.verbose = true;
      } else if (a.equals("--version")) {
        b.command = Command.VERSION;
      } else {
        throw new UsageException(
            "unknown option "
                + quote(a)
                + " before the command. Expected a "
                + "command first: run, validate, explain or ops (e.g. industryts run JOB.toml "
                + a
                + " ...).");
      }
      i++;
    }
    if (b.command == null) {
      if (i >= args.length) {
        b.command = Command.HELP;
        return new CommandLine(b);
      }
      String word = args[i++];
      b.command =
          Command.of(word)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "unknown command "
                              + quote(word)
                              + ". Expected one of: run, validate, explain, ops, help"
                              + Suggestions.didYouMean(
                                  word,
                                  List.of("run", "validate", "explain", "ops", "help", "bench"))
                              + "."));
    }
    Set<String> allowed = OPTIONS.get(b.command);
    for (; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        for (int j = i + 1; j < args.length; j++) {
          b.beamArgs.add(args[j]);
        }
        break;
      }
      if (a.equals("-h")) {
        b.help = true;
        continue;
      }
      if (a.equals("-v")) {
        b.verbose = true;
        continue;
      }
      if (!a.startsWith("--") || a.length() == 2) {
        if (a.startsWith("-") && a.length() > 1) {
          throw new UsageException(
              "unknown option "
                  + quote(a)
                  + " for "
                  + b.command.word()
                  + ". Options are written with two dashes, e.g. --output PATH.");
        }
        b.positionals.add(a);
        continue;
      }
      int eq = a.indexOf('=');
      String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
      if (!allowed.contains(name)) {
        throw new UsageException(
            "unknown option --"
                + name
                + " for "
                + b.command.word()
                + ". Valid options: "
                + sortedOptions(allowed)
                + Suggestions.didYouMean(name, new ArrayList<>(allowed))
                + ". Beam pipeline options go after a bare --.");
      }
      String value = null;
      if (FLAGS.contains(name)) {
        if (eq >= 0) {
          throw new UsageException("option --" + name + " takes no value. Got " + quote(a) + ".");
        }
      } else if (eq >= 0) {
        value = a.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].equals("--")) {
        value = args[++i];
      } else {
        throw new UsageException(
            "option --" + name + " needs a value, e.g. " + example(name) + ".");
      }
      b.set(name, value);
    }
    b.checkPositionals();
    return new CommandLine(b);
  }

  static String example(String option) {
    switch (option) {
      case "input":
        return "--input data/sensors.csv or --input name=PATH";
      case "output":
        return "--output out/clean.parquet";
      case "errors":
        return "--errors out/bad_rows.csv";
      case "report":
        return "--report out/report.html";
      case "runner":
        return "--runner=DirectRunner";
      case "parallelism":
        return "--parallelism 4";
      case "max-columns":
        return "--max-columns 20000";
      case "mode":
        return "--mode full";
      case "threads":
        return "--threads 2";
      case "repeats":
        return "--repeats 5";
      default:
        return "--" + option + " VALUE";
    }
  }

  private static String sortedOptions(Set<String> options) {
    List<String> list = new ArrayList<>();
    for (String o : options) {
      list.add("--" + o);
    }
    Collections.sort(list);
    return list.toString();
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  public Command command() {
    return command;
  }

  /** {@code --help} / {@code -h} was given: print the command's help instead of running it. */
  public boolean isHelp() {
    return help;
  }

  /** {@code --verbose} / {@code -v}: info logging and stack traces on failure. */
  public boolean isVerbose() {
    return verbose;
  }

  /** The job file of {@code run}, {@code validate} and {@code explain}. */
  public String jobFile() {
    return positionals.isEmpty() ? null : positionals.get(0);
  }

  /** The operation type of {@code ops TYPE}, if given. */
  public Optional<String> opsType() {
    return command == Command.OPS && !positionals.isEmpty()
        ? Optional.of(positionals.get(0))
        : Optional.empty();
  }

  /** The topic of {@code help TOPIC}, if given. */
  public Optional<String> helpTopic() {
    return command == Command.HELP && !positionals.isEmpty()
        ? Optional.of(positionals.get(0))
        : Optional.empty();
  }

  /** {@code --input PATH_OR_GLOB}: replaces {@code [input] path}. */
  public Optional<String> mainInput() {
    return Optional.ofNullable(mainInput);
  }

  /** {@code --input name=PATH}, in command-line order: replace or add {@code [inputs.<name>]}. */
  public Map<String, String> namedInputs() {
    return namedInputs;
  }

  /** {@code --output PATH}, repeatable: replace {@code [output] path}. */
  public List<String> outputs() {
    return outputs;
  }

  /** {@code --errors PATH}: replaces {@code [output] errors}. */
  public Optional<String> errors() {
    return Optional.ofNullable(errors);
  }

  /** {@code --report PATH}: writes the job report there; replaces {@code [output] report}. */
  public Optional<String> report() {
    return Optional.ofNullable(report);
  }

  /** {@code --runner}: one of {@link #RUNNERS}, default {@code DirectRunner}. */
  public String runner() {
    return runner;
  }

  /**
   * {@code --max-columns N}: the most header columns a CSV input may have; default {@value
   * ColumnLimit#DEFAULT}.
   */
  public int maxColumns() {
    return maxColumns == null ? ColumnLimit.DEFAULT : maxColumns;
  }

  /** {@code --parallelism N}: worker threads / slots; default the number of cores. */
  public OptionalInt parallelism() {
    return parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism);
  }

  /** An option of {@code bench} ({@code mode}, {@code input}, {@code output}, ...), if given. */
  public Optional<String> benchOption(String name) {
    return Optional.ofNullable(benchOptions.get(name));
  }

  /** Arguments after a bare {@code --}, passed to Beam's {@code PipelineOptionsFactory}. */
  public List<String> beamArgs() {
    return beamArgs;
  }

  @Override
  public String toString() {
    return "CommandLine{"
        + command.word()
        + ", positionals="
        + positionals
        + ", input="
        + mainInput
        + ", inputs="
        + namedInputs
        + ", outputs="
        + outputs
        + ", errors="
        + errors
        + ", runner="
        + runner
        + ", parallelism="
        + parallelism
        + ", bench="
        + benchOptions
        + ", beam="
        + beamArgs
        + "}";
  }
}

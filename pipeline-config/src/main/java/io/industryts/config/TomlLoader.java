package io.industryts.config;

import io.industryts.engine.spi.Operation;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.io.FileInput;
import io.industryts.time.TimeParser;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

// Over 500 lines: one loader — the sections, the operations, the inputs and the key checks of a
// job file. Every check reports into the same problem list with its TOML position, so all
// problems of a file come out together; the sections stay in one class.

/**
 * Turns a parsed TOML document into a {@link JobConfig}, collecting every problem (SEMANTICS §1.13)
 * before giving up. One instance per file.
 */
final class TomlLoader {
  static final List<String> TOP_LEVEL =
      List.of("pipeline", "input", "inputs", "output", "operations");

  static final List<ParamSpec> PIPELINE_KEYS =
      List.of(
          ParamSpec.of("name", ParamType.STRING)
              .defaultsTo("pipeline")
              .doc("Job name; used in step names and messages."),
          ParamSpec.of("time_column", ParamType.STRING)
              .defaultsToDescribed("auto (§1.2)")
              .doc("Time column, exact field name."),
          ParamSpec.of("key_columns", ParamType.STRING_LIST)
              .defaultsTo(List.of())
              .doc("Fields whose values identify a series."),
          ParamSpec.of("time_zone", ParamType.ZONE)
              .defaultsTo("UTC")
              .doc("Zone for zone-less times, calendar features and start_day."),
          ParamSpec.of("time_format", ParamType.TIME_PATTERN)
              .defaultsToDescribed("built-in list (§1.3)")
              .doc("java.time pattern replacing the built-in string formats."),
          ParamSpec.of("epoch_unit", ParamType.STRING)
              .defaultsTo("auto")
              .allowed("auto", "s", "ms")
              .doc("Unit of numeric times."),
          ParamSpec.of("ambiguous", ParamType.STRING)
              .defaultsTo("earliest")
              .allowed("earliest", "latest", "error")
              .doc("Zone-less time in a DST overlap."),
          ParamSpec.of("nonexistent", ParamType.STRING)
              .defaultsTo("shift_forward")
              .allowed("shift_forward", "error")
              .doc("Zone-less time in a DST gap."),
          ParamSpec.of("nan_as_null", ParamType.BOOL)
              .defaultsTo(true)
              .doc("NaN read from input becomes null."),
          ParamSpec.of("sequence_column", ParamType.STRING).doc("Tie order for equal timestamps."),
          ParamSpec.of("allowed_lateness", ParamType.NON_NEGATIVE_DURATION)
              .defaultsTo(org.joda.time.Duration.ZERO)
              .doc(
                  "Unbounded input: how far behind the watermark a row may arrive and still be"
                      + " processed; later rows go to the errors output as late_row"
                      + " (docs/streaming.md)."));

  static final List<ParamSpec> INPUT_KEYS =
      List.of(
          ParamSpec.of("path", ParamType.STRING).required().doc("File path or glob."),
          ParamSpec.of("format", ParamType.STRING)
              .defaultsToDescribed("by extension")
              .allowed("csv", "parquet", "arrow")
              .doc("File format."),
          ParamSpec.of("delimiter", ParamType.STRING)
              .defaultsToDescribed("detected from the header")
              .doc("CSV delimiter, one character."),
          ParamSpec.of("types", ParamType.STRING_TABLE)
              .defaultsToDescribed("inferred")
              .allowed(ColumnTypes.NAMES)
              .doc("Column type overrides, column -> type."),
          ParamSpec.of("na_values", ParamType.STRING_LIST)
              .defaultsToDescribed("none")
              .doc(
                  "CSV cell texts read as missing besides pandas' NA tokens, e.g. status words"
                      + " [\"Bad Input\", \"Shutdown\"]."),
          ParamSpec.of("encoding", ParamType.STRING)
              .defaultsTo("utf-8")
              .doc(
                  "CSV character encoding: utf-8, latin-1, windows-1252 or another Java"
                      + " charset of one byte per character."));

  static final List<ParamSpec> OUTPUT_KEYS =
      List.of(
          ParamSpec.of("path", ParamType.STRING_OR_STRING_LIST)
              .doc("Output path, or several; format by extension."),
          ParamSpec.of("errors", ParamType.STRING).doc("Dead-letter path (.csv or .jsonl)."),
          ParamSpec.of("time_format", ParamType.TIME_PATTERN)
              .defaultsToDescribed("ISO-8601 UTC")
              .doc("java.time pattern for CSV times, rendered in UTC."),
          ParamSpec.of("delimiter", ParamType.STRING).defaultsTo(",").doc("CSV delimiter."),
          ParamSpec.of("report", ParamType.STRING)
              .doc("Job report path (.html): one self-contained page; --report PATH overrides."),
          ParamSpec.of("report_columns", ParamType.STRING_LIST)
              .defaultsToDescribed("every numeric value column")
              .doc("Value columns the report plots."),
          ParamSpec.of("report_max_series", ParamType.INT)
              .defaultsTo(6)
              .atLeast(1)
              .doc("The report plots the first this many series (in key order)."),
          ParamSpec.of("report_series", ParamType.STRING_LIST)
              .defaultsToDescribed("the first report_max_series series")
              .doc("Series the report plots, by key values joined with \"/\" (e.g. \"pump1\")."));

  private final String file;
  private final OperationRegistry registry;
  private final Set<String> cliInputs;
  private final List<ConfigProblem> problems = new ArrayList<>();

  TomlLoader(String file, OperationRegistry registry, Set<String> cliInputs) {
    this.file = file;
    this.registry = registry;
    this.cliInputs = cliInputs;
  }

  JobConfig load(TomlParseResult doc, java.nio.file.Path source) {
    if (doc.hasErrors()) {
      for (TomlParseError e : doc.errors()) {
        TomlPosition p = e.position();
        problems.add(
            new ConfigProblem(
                file,
                p == null ? 1 : p.line(),
                p == null ? 1 : p.column(),
                "",
                "syntax error: " + e.getMessage()));
      }
      throw failure();
    }
    for (String key : doc.keySet()) {
      if (!TOP_LEVEL.contains(key)) {
        problem(
            doc.inputPositionOf(List.of(key)),
            "",
            "unknown key \""
                + key
                + "\"."
                + Suggestions.didYouMean(key, TOP_LEVEL)
                + " Valid keys: "
                + TOP_LEVEL);
      }
    }

    // [pipeline]
    TomlTable pipeline = table(doc, "pipeline", "pipeline");
    Map<String, Object> p =
        pipeline == null
            ? Map.of()
            : section(pipeline, PIPELINE_KEYS, "pipeline", headerOf(doc, "pipeline"));
    String pipelineName = (String) orDefault(p, PIPELINE_KEYS, "name");
    SeriesOptions options =
        SeriesOptions.defaults()
            .withTimeColumn((String) p.get("time_column"))
            .withKeyColumns(stringList(orDefault(p, PIPELINE_KEYS, "key_columns")))
            .withTimeZone(ZoneId.of((String) orDefault(p, PIPELINE_KEYS, "time_zone")))
            .withSequenceColumn((String) p.get("sequence_column"))
            .withNanAsNull((Boolean) orDefault(p, PIPELINE_KEYS, "nan_as_null"))
            .withAllowedLateness(
                (org.joda.time.Duration) orDefault(p, PIPELINE_KEYS, "allowed_lateness"));
    TimeSettings time =
        TimeSettings.defaults()
            .withTimeFormat((String) p.get("time_format"))
            .withEpochUnit(
                TimeParser.EpochUnit.valueOf(upper(orDefault(p, PIPELINE_KEYS, "epoch_unit"))))
            .withAmbiguous(
                TimeParser.Ambiguous.valueOf(upper(orDefault(p, PIPELINE_KEYS, "ambiguous"))))
            .withNonexistent(
                TimeParser.Nonexistent.valueOf(upper(orDefault(p, PIPELINE_KEYS, "nonexistent"))))
            .withNanAsNull((Boolean) orDefault(p, PIPELINE_KEYS, "nan_as_null"));

    // [input], [inputs.<name>], [output]
    InputConfig input = null;
    TomlTable in = table(doc, "input", "input");
    if (in != null) {
      input = input(InputConfig.MAIN, in, "input", headerOf(doc, "input"));
    }
    Map<String, InputConfig> extra = new LinkedHashMap<>();
    TomlTable inputs = table(doc, "inputs", "inputs");
    if (inputs != null) {
      for (String name : inputs.keySet()) {
        String scope = "inputs." + name;
        TomlPosition pos = inputs.inputPositionOf(List.of(name));
        if (name.equals(InputConfig.MAIN)) {
          problem(pos, scope, "\"main\" is the main input; declare it as [input]");
          continue;
        }
        Object v = inputs.get(List.of(name));
        if (!(v instanceof TomlTable)) {
          problem(
              pos,
              scope,
              "must be a table [inputs."
                  + name
                  + "] with a path. Got "
                  + ParamType.literal(v)
                  + ".");
          continue;
        }
        InputConfig c = input(name, (TomlTable) v, scope, pos);
        if (c != null) {
          extra.put(name, c);
        }
      }
    }
    OutputConfig output = null;
    TomlTable out = table(doc, "output", "output");
    if (out != null) {
      Map<String, Object> o = section(out, OUTPUT_KEYS, "output", headerOf(doc, "output"));
      output =
          new OutputConfig(
              stringList(o.getOrDefault("path", List.of())),
              (String) o.get("errors"),
              (String) o.get("time_format"),
              (String) o.get("delimiter"),
              new OutputConfig.Report(
                  (String) o.get("report"),
                  stringList(o.getOrDefault("report_columns", List.of())),
                  (Integer) o.getOrDefault("report_max_series", 6),
                  stringList(o.getOrDefault("report_series", List.of()))));
    }

    Set<String> inputNames = new LinkedHashSet<>();
    inputNames.add(InputConfig.MAIN);
    inputNames.addAll(extra.keySet());
    inputNames.addAll(cliInputs);

    List<StepConfig> steps = operations(doc, options, inputNames);
    if (!problems.isEmpty()) {
      throw failure();
    }
    return new JobConfig(source, pipelineName, options, time, steps, input, output, extra);
  }

  private List<StepConfig> operations(
      TomlParseResult doc, SeriesOptions options, Set<String> inputNames) {
    List<StepConfig> steps = new ArrayList<>();
    if (!doc.contains(List.of("operations"))) {
      return steps;
    }
    Object raw = doc.get(List.of("operations"));
    if (!(raw instanceof TomlArray)) {
      problem(
          doc.inputPositionOf(List.of("operations")),
          "",
          "operations must be an array of tables, one [[operations]] per step. Got "
              + ParamType.literal(raw)
              + ".");
      return steps;
    }
    TomlArray ops = (TomlArray) raw;
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      int index = i + 1;
      TomlPosition header = ops.inputPositionOf(i);
      Object element = ops.get(i);
      if (!(element instanceof TomlTable)) {
        problem(
            header,
            "operations[" + index + "]",
            "must be a table. Got " + ParamType.literal(element) + ".");
        continue;
      }
      StepConfig step = operation(index, (TomlTable) element, header, options, inputNames, names);
      if (step != null) {
        steps.add(step);
      }
    }
    return steps;
  }

  private StepConfig operation(
      int index,
      TomlTable t,
      TomlPosition header,
      SeriesOptions options,
      Set<String> inputNames,
      Map<String, Integer> names) {
    Object typeValue = t.get(List.of("type"));
    String typeText = typeValue instanceof String ? (String) typeValue : "?";
    String scope = "operations[" + index + "] (" + typeText + ")";
    if (typeValue == null) {
      problem(header, scope, "missing required key \"type\". Valid types: " + registry.types());
      return null;
    }
    TomlPosition typePos = t.inputPositionOf(List.of("type"));
    if (!(typeValue instanceof String)) {
      problem(typePos, scope, "type must be a string. Got " + ParamType.literal(typeValue) + ".");
      return null;
    }
    OperationProvider provider = registry.find(typeText).orElse(null);
    if (provider == null) {
      problem(
          typePos,
          scope,
          "unknown type \""
              + typeText
              + "\"."
              + Suggestions.didYouMean(typeText, registry.types())
              + " Valid types: "
              + registry.types());
      return null;
    }
    OperationDescription d = provider.description();
    int before = problems.size();
    Map<String, Object> explicit = validate(t, d.params(), Set.of("type"), scope, header);
    String name =
        explicit.containsKey("name") ? (String) explicit.get("name") : index + "_" + d.type();
    Integer first = names.putIfAbsent(name, index);
    if (first != null) {
      TomlPosition pos = explicit.containsKey("name") ? t.inputPositionOf(List.of("name")) : header;
      problem(
          pos,
          scope,
          "duplicate step name \""
              + name
              + "\": also used by operations["
              + first
              + "]. Step names must be unique; set name.");
    }
    if (problems.size() > before) {
      return null;
    }
    ValidatedParams params = ValidatedParams.of(d, explicit);
    for (ParamRule rule : d.rules()) {
      String message = rule.check(params);
      if (message != null) {
        TomlPosition pos = header;
        for (String k : rule.keys()) {
          if (params.isSet(k)) {
            pos = t.inputPositionOf(List.of(k));
            break;
          }
        }
        problem(pos, scope, message);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    try {
      Operation op = provider.create(params, new StepContext(index, name, options, inputNames));
      return new StepConfig(index, name, params, op, header.line(), header.column());
    } catch (KeyProblem e) {
      TomlPosition pos = t.inputPositionOf(List.of(e.key()));
      problem(pos != null ? pos : header, scope, e.getMessage());
      return null;
    } catch (IllegalArgumentException e) {
      problem(header, scope, e.getMessage());
      return null;
    }
  }

  private InputConfig input(String name, TomlTable t, String scope, TomlPosition header) {
    int before = problems.size();
    Map<String, Object> v = section(t, INPUT_KEYS, scope, header);
    Object delimiter = v.get("delimiter");
    if (delimiter != null && ((String) delimiter).length() != 1) {
      problem(
          t.inputPositionOf(List.of("delimiter")),
          scope,
          "delimiter must be one character. Got \"" + delimiter + "\".");
    }
    @SuppressWarnings("unchecked")
    List<String> naValues = (List<String>) v.getOrDefault("na_values", List.of());
    try {
      FileInput.of("-").withNaValues(naValues);
    } catch (IllegalArgumentException e) {
      problem(t.inputPositionOf(List.of("na_values")), scope, withoutReaderPrefix(e));
    }
    String encoding = (String) v.get("encoding");
    if (encoding != null) {
      try {
        FileInput.of("-").withEncoding(encoding);
      } catch (IllegalArgumentException e) {
        problem(t.inputPositionOf(List.of("encoding")), scope, withoutReaderPrefix(e));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> types = (Map<String, String>) v.getOrDefault("types", Map.of());
    return new InputConfig(
        name,
        (String) v.get("path"),
        (String) v.get("format"),
        (String) delimiter,
        types,
        naValues,
        encoding);
  }

  /** The reader's message without its {@code "FileInput: "} prefix: the scope says where. */
  private static String withoutReaderPrefix(IllegalArgumentException e) {
    String m = e.getMessage();
    return m.startsWith("FileInput: ") ? m.substring("FileInput: ".length()) : m;
  }

  /** Validates a fixed section; problems are recorded, valid keys returned. */
  private Map<String, Object> section(
      TomlTable t, List<ParamSpec> specs, String scope, TomlPosition header) {
    return validate(t, specs, Set.of(), scope, header);
  }

  /**
   * Checks every key of {@code t} against {@code specs}: unknown keys, types, allowed values,
   * bounds, then missing required keys. Returns the converted values of the keys that passed.
   */
  private Map<String, Object> validate(
      TomlTable t, List<ParamSpec> specs, Set<String> ignored, String scope, TomlPosition header) {
    Map<String, ParamSpec> byKey =
        specs.stream()
            .collect(
                Collectors.toMap(
                    ParamSpec::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    List<String> validKeys = List.copyOf(byKey.keySet());
    Map<String, Object> out = new LinkedHashMap<>();
    Set<String> suggested = new java.util.HashSet<>();
    for (String key : t.keySet()) {
      if (ignored.contains(key)) {
        continue;
      }
      TomlPosition pos = t.inputPositionOf(List.of(key));
      ParamSpec spec = byKey.get(key);
      if (spec == null) {
        Suggestions.closest(key, validKeys).ifPresent(suggested::add);
        problem(
            pos,
            scope,
            "unknown key \""
                + key
                + "\"."
                + Suggestions.didYouMean(key, validKeys)
                + " Valid keys: "
                + validKeys);
        continue;
      }
      Object converted;
      try {
        converted = spec.type().convert(t.get(List.of(key)));
      } catch (ParamType.Mismatch m) {
        problem(pos, scope, key + " " + m.getMessage());
        continue;
      }
      String bad = checkAllowed(spec, converted);
      if (bad == null) {
        bad = checkMinimum(spec, converted);
      }
      if (bad != null) {
        problem(pos, scope, bad);
        continue;
      }
      out.put(key, converted);
    }
    for (ParamSpec spec : specs) {
      // A misspelt required key is reported once, as the unknown key with its suggestion.
      if (spec.isRequired()
          && !t.contains(List.of(spec.key()))
          && !suggested.contains(spec.key())) {
        problem(
            header,
            scope,
            "missing required key \"" + spec.key() + "\" (" + spec.type().display() + ")");
      }
    }
    return out;
  }

  private static String checkAllowed(ParamSpec spec, Object value) {
    List<String> allowed = spec.allowedValues();
    if (allowed.isEmpty()) {
      return null;
    }
    String label = spec.key();
    List<Object> values = new ArrayList<>();
    if (value instanceof List) {
      values.addAll((List<?>) value);
      label = singular(label);
    } else if (value instanceof Map) {
      for (Object v : ((Map<?, ?>) value).values()) {
        if (v instanceof List) {
          values.addAll((List<?>) v);
        } else {
          values.add(v);
        }
      }
      label = singular(label);
    } else {
      values.add(value);
    }
    for (Object v : values) {
      if (v instanceof String && !allowed.contains(v)) {
        return label + " \"" + v + "\" is not one of " + allowed;
      }
    }
    return null;
  }

  private static String checkMinimum(ParamSpec spec, Object value) {
    Double min = spec.minimum();
    if (min == null) {
      return null;
    }
    List<?> values = value instanceof List ? (List<?>) value : List.of(value);
    for (Object v : values) {
      if (v instanceof Number) {
        double d = ((Number) v).doubleValue();
        boolean ok = spec.isMinimumExclusive() ? d > min : d >= min;
        if (!ok) {
          String bound = min == Math.rint(min) ? Long.toString(min.longValue()) : min.toString();
          return spec.key()
              + " must be "
              + (spec.isMinimumExclusive() ? "> " : ">= ")
              + bound
              + ". Got "
              + v
              + ".";
        }
      }
    }
    return null;
  }

  private static String singular(String key) {
    return key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
  }

  private TomlTable table(TomlTable doc, String key, String scope) {
    if (!doc.contains(List.of(key))) {
      return null;
    }
    Object v = doc.get(List.of(key));
    if (v instanceof TomlTable) {
      return (TomlTable) v;
    }
    problem(
        doc.inputPositionOf(List.of(key)),
        "",
        key + " must be a table [" + key + "]. Got " + ParamType.literal(v) + ".");
    return null;
  }

  private static TomlPosition headerOf(TomlTable doc, String key) {
    TomlPosition p = doc.inputPositionOf(List.of(key));
    return p == null ? TomlPosition.positionAt(1, 1) : p;
  }

  private static Object orDefault(Map<String, Object> values, List<ParamSpec> specs, String key) {
    Object v = values.get(key);
    if (v != null) {
      return v;
    }
    return specs.stream()
        .filter(s -> s.key().equals(key))
        .findFirst()
        .map(ParamSpec::defaultValue)
        .orElse(null);
  }

  @SuppressWarnings("unchecked")
  private static List<String> stringList(Object v) {
    return v == null ? List.of() : (List<String>) v;
  }

  private static String upper(Object v) {
    return v.toString().toUpperCase(Locale.ROOT);
  }

  private void problem(TomlPosition pos, String scope, String message) {
    int line = pos == null ? 1 : pos.line();
    int column = pos == null ? 1 : pos.column();
    problems.add(new ConfigProblem(file, line, column, scope, message));
  }

  private ConfigException failure() {
    List<ConfigProblem> sorted = new ArrayList<>(problems);
    sorted.sort(ConfigProblem.BY_POSITION);
    return new ConfigException(sorted);
  }
}

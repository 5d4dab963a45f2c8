package io.industryts.schematransforms;

import io.industryts.config.JobConfig;
import io.industryts.config.OperationDescription;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.TomlLiterals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/**
 * The Beam configuration schema of an operation, derived from its {@link OperationDescription} (the
 * TOML loader's keys: one source of truth), and the conversion of a configuration {@link Row} back
 * into the TOML document the loader validates.
 *
 * <p>Fields: the operation's keys in documentation order, then the {@code [pipeline]} series keys
 * ({@code time_column}, {@code key_columns}, ...). Every field is nullable: an unset field means
 * the key's default, and the loader reports a missing required key. Key types map as follows:
 * string-like keys (strings, durations, zones, patterns) to {@code STRING}; {@code int} to {@code
 * INT64}; {@code float} to {@code DOUBLE}; {@code bool} to {@code BOOLEAN}; lists to arrays of
 * their element; tables to maps. A key that takes one of two types ({@code int | duration}, a fill
 * {@code value}) becomes a {@code STRING} holding the TOML value as written: {@code "3"}, {@code
 * "5min"}; a bare number or {@code true}/{@code false} is read as such.
 */
final class ConfigurationSchemas {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[+-]?([0-9]+\\.?[0-9]*([eE][+-]?[0-9]+)?|\\.[0-9]+([eE][+-]?[0-9]+)?|nan|inf)");

  private ConfigurationSchemas() {}

  /**
   * The {@code [pipeline]} keys a provider's configuration also accepts ({@code name} is the
   * step's).
   */
  static List<ParamSpec> seriesKeys() {
    return JobConfig.pipelineKeys().stream()
        .filter(p -> !p.key().equals("name"))
        .collect(Collectors.toList());
  }

  /** The configuration schema of {@code d}: its keys, then {@link #seriesKeys()}. */
  static Schema of(OperationDescription d) {
    Schema.Builder b = Schema.builder();
    for (ParamSpec p : allKeys(d)) {
      b.addField(Field.nullable(p.key(), fieldType(p.type())).withDescription(describe(p)));
    }
    return b.build();
  }

  static List<ParamSpec> allKeys(OperationDescription d) {
    List<ParamSpec> out = new ArrayList<>(d.params());
    for (ParamSpec p : seriesKeys()) {
      if (d.param(p.key()).isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** The Beam type carrying a key of {@code type}. */
  static FieldType fieldType(ParamType type) {
    switch (type) {
      case STRING:
      case DURATION:
      case OFFSET:
      case NON_NEGATIVE_DURATION:
      case ZONE:
      case TIME_PATTERN:
      case INT_OR_DURATION:
      case FLOAT_OR_DURATION:
      case SCALAR:
        return FieldType.STRING;
      case INT:
        return FieldType.INT64;
      case FLOAT:
        return FieldType.DOUBLE;
      case BOOL:
        return FieldType.BOOLEAN;
      case STRING_LIST:
      case STRING_OR_STRING_LIST:
      case INT_OR_DURATION_LIST:
      case INT_LIST_OR_STRING_LIST:
        return FieldType.array(FieldType.STRING);
      case INT_OR_INT_LIST:
        return FieldType.array(FieldType.INT64);
      case FLOAT_PAIR:
        return FieldType.array(FieldType.DOUBLE);
      case STRING_TABLE:
        return FieldType.map(FieldType.STRING, FieldType.STRING);
      case AGGREGATION_TABLE:
        return FieldType.map(FieldType.STRING, FieldType.array(FieldType.STRING));
      default:
        throw new AssertionError("no Beam type for " + type);
    }
  }

  /** The field's description: the key's doc, its TOML type, default and allowed values. */
  static String describe(ParamSpec p) {
    StringBuilder sb = new StringBuilder(p.doc());
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '.') {
      sb.append('.');
    }
    sb.append(sb.length() > 0 ? " " : "").append("Type: ").append(p.type().display());
    sb.append("; default: ").append(p.defaultDisplay());
    if (!p.allowedValues().isEmpty()) {
      sb.append("; one of: ").append(String.join(", ", p.allowedValues()));
    }
    return sb.append('.').toString();
  }

  /**
   * The {@code [pipeline]} table and one {@code [[operations]]} table holding the set fields of
   * {@code config}, as TOML text for {@link JobConfig#parse}.
   */
  static String toToml(OperationDescription d, Row config) {
    StringBuilder pipeline = new StringBuilder("[pipeline]\n");
    StringBuilder step =
        new StringBuilder("[[operations]]\ntype = ").append(TomlLiterals.string(d.type()));
    step.append('\n');
    for (ParamSpec p : allKeys(d)) {
      Object v = config.getSchema().hasField(p.key()) ? config.getValue(p.key()) : null;
      if (v == null) {
        continue;
      }
      StringBuilder target = d.param(p.key()).isPresent() ? step : pipeline;
      target.append(p.key()).append(" = ").append(literal(p.type(), v)).append('\n');
    }
    return pipeline.append('\n').append(step).toString();
  }

  private static String literal(ParamType type, Object v) {
    switch (type) {
      case INT_OR_DURATION:
        return INTEGER.matcher(v.toString().trim()).matches()
            ? v.toString().trim()
            : TomlLiterals.string(String.valueOf(v));
      case FLOAT_OR_DURATION:
        return FLOAT.matcher(v.toString().trim()).matches()
            ? v.toString().trim()
            : TomlLiterals.string(String.valueOf(v));
      case SCALAR:
        {
          String s = v.toString().trim();
          boolean bare = FLOAT.matcher(s).matches() || s.equals("true") || s.equals("false");
          return bare ? s : TomlLiterals.string(String.valueOf(v));
        }
      case INT_OR_DURATION_LIST:
        return ((Collection<?>) v)
            .stream()
                .map(e -> literal(ParamType.INT_OR_DURATION, e))
                .collect(Collectors.joining(", ", "[", "]"));
      case INT_LIST_OR_STRING_LIST:
        {
          // all integers: a list of codes; otherwise a list of words (the key takes one or the
          // other)
          Collection<?> items = (Collection<?>) v;
          boolean codes =
              items.stream().allMatch(e -> INTEGER.matcher(e.toString().trim()).matches());
          return items.stream()
              .map(e -> codes ? e.toString().trim() : TomlLiterals.string(String.valueOf(e)))
              .collect(Collectors.joining(", ", "[", "]"));
        }
      default:
        return TomlLiterals.render(v);
    }
  }
}

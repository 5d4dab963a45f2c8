package io.industryts;

import io.industryts.time.Durations;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.joda.time.Duration;

/**
 * Every column name an operation generates (SEMANTICS §1.9), in one place so that Java and TOML
 * runs, docs and tests agree: {@code <source column>_<operation><parameter>} plus the step's {@code
 * suffix}, lower snake case except the source column, which is copied verbatim. The operations
 * build their output names here and check them with {@link #checkNoClash}, so a name documented
 * here is the name a job writes.
 *
 * <pre>{@code
 * OutputNames.lag("temp", 1);                                        // "temp_lag1"
 * OutputNames.lag("temp", Duration.standardMinutes(5));              // "temp_lag_5min"
 * OutputNames.rolling("temp", "mean", 10);                           // "temp_rolling_mean_10"
 * OutputNames.ewm("temp", "mean", "alpha", 0.3);                     // "temp_ewm_mean_alpha0_3"
 * OutputNames.suffixed(OutputNames.lag("temp", 1), "_raw");          // "temp_lag1_raw"
 * OutputNames.checkNoClash("Lag", schema, List.of("temp_lag1"));     // throws if it exists
 * }</pre>
 *
 * <p>Function, aggregation and feature names are the lower snake case TOML spellings; the {@code
 * Enum} overloads convert a Java constant ({@code Agg.MEAN}) with {@link #snake(Enum)}.
 */
public final class OutputNames {
  /** The single column added by {@code cumulative} with function {@code cumcount}. */
  public static final String CUMCOUNT = "cumcount";

  private OutputNames() {}

  /** {@code {c}_lag{n}}: row lag. */
  public static String lag(String column, int periods) {
    return column + "_lag" + periods;
  }

  /** {@code {c}_lag_{d}}: time lag, {@code d} canonical (§1.6). */
  public static String lag(String column, Duration period) {
    return column + "_lag_" + Durations.canonical(period);
  }

  /** {@code {c}_lead{n}}: row lead. */
  public static String lead(String column, int periods) {
    return column + "_lead" + periods;
  }

  /** {@code {c}_lead_{d}}: time lead. */
  public static String lead(String column, Duration period) {
    return column + "_lead_" + Durations.canonical(period);
  }

  /** {@code {c}_diff{n}}. */
  public static String diff(String column, int periods) {
    return column + "_diff" + periods;
  }

  /** {@code {c}_pct_change{n}}. */
  public static String pctChange(String column, int periods) {
    return column + "_pct_change" + periods;
  }

  /** {@code {c}_rolling_{fn}_{n}}: row window of {@code n} rows. */
  public static String rolling(String column, String function, int rows) {
    return column + "_rolling_" + function + "_" + rows;
  }

  /** {@code {c}_rolling_{fn}_{d}}: time window. */
  public static String rolling(String column, String function, Duration window) {
    return column + "_rolling_" + function + "_" + Durations.canonical(window);
  }

  /** As {@link #rolling(String, String, int)} with a Java function constant. */
  public static String rolling(String column, Enum<?> function, int rows) {
    return rolling(column, snake(function), rows);
  }

  /** As {@link #rolling(String, String, Duration)} with a Java function constant. */
  public static String rolling(String column, Enum<?> function, Duration window) {
    return rolling(column, snake(function), window);
  }

  /**
   * {@code {c}_ewm_{fn}_{param}{v}} for a numeric decay parameter ({@code span}, {@code alpha},
   * {@code com}, {@code halflife}): {@code temp_ewm_mean_span10}, {@code temp_ewm_std_alpha0_3}.
   */
  public static String ewm(String column, String function, String parameter, double value) {
    return column + "_ewm_" + function + "_" + parameter + number(value);
  }

  /** As {@link #ewm(String, String, String, double)} with a Java function constant. */
  public static String ewm(String column, Enum<?> function, String parameter, double value) {
    return ewm(column, snake(function), parameter, value);
  }

  /**
   * {@code {c}_ewm_{fn}_halflife_{d}} for a time-aware half-life: {@code
   * temp_ewm_mean_halflife_1h}.
   */
  public static String ewmHalflife(String column, String function, Duration halflife) {
    return column + "_ewm_" + function + "_halflife_" + Durations.canonical(halflife);
  }

  /** As {@link #ewmHalflife(String, String, Duration)} with a Java function constant. */
  public static String ewmHalflife(String column, Enum<?> function, Duration halflife) {
    return ewmHalflife(column, snake(function), halflife);
  }

  /**
   * {@code {c}_{fn}} for a cumulative function ({@code temp_cumsum}); {@code cumcount} is one
   * column named {@link #CUMCOUNT} whatever the column.
   */
  public static String cumulative(String column, String function) {
    return CUMCOUNT.equals(function) ? CUMCOUNT : column + "_" + function;
  }

  /** As {@link #cumulative(String, String)} with a Java function constant. */
  public static String cumulative(String column, Enum<?> function) {
    return cumulative(column, snake(function));
  }

  /**
   * {@code {c}_{agg}}: an entry of a {@code resample} aggregation list or of {@code group_by_time}
   * ({@code temp_mean}). A {@code resample} string aggregation keeps {@code {c}} itself.
   */
  public static String aggregate(String column, String aggregation) {
    return column + "_" + aggregation;
  }

  /** As {@link #aggregate(String, String)} with a Java aggregation constant. */
  public static String aggregate(String column, Enum<?> aggregation) {
    return aggregate(column, snake(aggregation));
  }

  /**
   * {@code {c}_{output}}: an output of {@code counter} ({@code energy_increase}, {@code
   * energy_rate}).
   */
  public static String counter(String column, Enum<?> output) {
    return column + "_" + snake(output);
  }

  /**
   * {@code {c}_state}: the state column of {@code state_intervals} with {@code above}/{@code
   * below}.
   */
  public static String state(String column) {
    return column + "_state";
  }

  /**
   * {@code {c}_is_filled}: the flag of {@code fill_null}, {@code interpolate}, {@code regularize}.
   */
  public static String isFilled(String column) {
    return column + "_is_filled";
  }

  /** {@code {c}_is_outlier}: the flag of {@code outliers} with action {@code flag}. */
  public static String isOutlier(String column) {
    return column + "_is_outlier";
  }

  /** {@code {c}_boxcox_lambda}. */
  public static String boxCoxLambda(String column) {
    return column + "_boxcox_lambda";
  }

  /** {@code {c}_yeojohnson_lambda}. */
  public static String yeoJohnsonLambda(String column) {
    return column + "_yeojohnson_lambda";
  }

  /** {@code {prefix}{feature}}: a calendar feature ({@code hour}, {@code dt_hour}). */
  public static String datetimeFeature(String prefix, String feature) {
    return prefix + feature;
  }

  /** {@code {prefix}{feature}_sin}. */
  public static String cyclicSin(String prefix, String feature) {
    return prefix + feature + "_sin";
  }

  /** {@code {prefix}{feature}_cos}. */
  public static String cyclicCos(String prefix, String feature) {
    return prefix + feature + "_cos";
  }

  /**
   * The output of an in-place transform ({@code scale}, {@code log}, ...): {@code {c}} itself
   * (replaced) when {@code suffix} is empty, else the new column {@code {c}{suffix}}.
   */
  public static String inPlace(String column, String suffix) {
    return suffixed(column, suffix);
  }

  /** {@code true} if an in-place transform with {@code suffix} writes a new column. */
  public static boolean addsColumn(String suffix) {
    return suffix != null && !suffix.isEmpty();
  }

  /** {@code name + suffix}; a {@code null} suffix counts as empty. */
  public static String suffixed(String name, String suffix) {
    return suffix == null ? name : name + suffix;
  }

  /**
   * The shortest plain decimal of {@code v} with {@code .} replaced by {@code _}: {@code 10.0 ->
   * "10"}, {@code 0.3 -> "0_3"}, {@code 1e-7 -> "0_0000001"}.
   */
  public static String number(double v) {
    String plain = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return plain.replace('.', '_');
  }

  /** The lower snake case TOML spelling of a Java constant: {@code PCT_CHANGE -> "pct_change"}. */
  public static String snake(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Rejects a generated name that already exists in {@code input} (or twice among {@code
   * generated}) with the construction error of §1.9: {@code Lag: output column "temp_lag1" already
   * exists. Set suffix or rename the existing column.} The one clash check of every operation that
   * adds columns.
   *
   * @param operation the operation's Java class name used as message prefix ({@code "Lag"})
   */
  public static void checkNoClash(String operation, Schema input, Collection<String> generated) {
    Set<String> seen = new HashSet<>(input.getFieldNames());
    for (String name : generated) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            String.format(
                "%s: output column \"%s\" already exists. Set suffix or rename the existing"
                    + " column.",
                operation, name));
      }
    }
  }
}

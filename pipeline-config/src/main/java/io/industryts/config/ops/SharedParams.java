package io.industryts.config.ops;

import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.ParamRule;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import java.util.List;
import org.joda.time.Duration;

/**
 * Parameters several operations declare identically — bucket edges and origin of {@code resample}
 * and {@code group_by_time}, {@code ddof}, the periods of {@code lag}/{@code lead} and of {@code
 * diff}/{@code pct_change} — declared once so their TOML surface cannot drift apart.
 */
final class SharedParams {
  /** {@code closed}: the inclusive bucket edge. */
  static final ParamSpec BUCKET_CLOSED =
      ParamSpec.of("closed", ParamType.STRING)
          .defaultsTo("left")
          .allowed("left", "right")
          .doc("Which bucket edge is inclusive.");

  /** {@code label}: the bucket edge naming the output row. */
  static final ParamSpec BUCKET_LABEL =
      ParamSpec.of("label", ParamType.STRING)
          .defaultsTo("left")
          .allowed("left", "right")
          .doc("Which bucket edge labels the output row.");

  /** {@code origin} of the bucket grid. */
  static final ParamSpec BUCKET_ORIGIN =
      ParamSpec.of("origin", ParamType.STRING)
          .defaultsTo("epoch")
          .doc("epoch, start_day, start, or a time.");

  /** {@code offset} added to the bucket origin. */
  static final ParamSpec BUCKET_OFFSET =
      ParamSpec.of("offset", ParamType.OFFSET)
          .defaultsTo(Duration.ZERO)
          .doc("Added to the origin; may be negative.");

  /** {@code ddof} of the std and var statistics. */
  static final ParamSpec DDOF =
      ParamSpec.of("ddof", ParamType.INT)
          .defaultsTo(1)
          .atLeast(0)
          .doc("Delta degrees of freedom for std and var.");

  /** {@code interpolation} of the {@code twa} / {@code integral} signal (SEMANTICS §2.8.1). */
  static final ParamSpec SIGNAL_INTERPOLATION =
      ParamSpec.of("interpolation", ParamType.STRING)
          .defaultsTo("previous")
          .allowed("previous", "linear")
          .doc("twa/integral signal: previous (a value holds until the next sample) or linear.");

  /** {@code integral_unit}: the integral is in value × this duration. */
  static final ParamSpec SIGNAL_INTEGRAL_UNIT =
      ParamSpec.of("integral_unit", ParamType.DURATION)
          .defaultsTo(Duration.standardSeconds(1))
          .doc("integral in value x this unit (\"1h\": kW -> kWh).");

  /** {@code max_gap}: samples further apart do not connect. */
  static final ParamSpec SIGNAL_MAX_GAP =
      ParamSpec.of("max_gap", ParamType.DURATION)
          .doc("twa/integral: consecutive samples further apart do not connect (undefined).");

  /**
   * {@code interpolation}, {@code integral_unit} and {@code max_gap} only mean something with a
   * {@code twa} or {@code integral} aggregation; setting them without one is a mistake.
   */
  static ParamRule signalKeysNeedTimeWeighted() {
    List<String> keys = List.of("interpolation", "integral_unit", "max_gap");
    return ParamRule.of(
        "interpolation, integral_unit and max_gap need a twa or integral aggregation",
        keys,
        p -> {
          for (String k : keys) {
            if (p.isSet(k) && !hasTimeWeighted(p)) {
              return "\"" + k + "\" is only valid with a twa or integral aggregation";
            }
          }
          return null;
        });
  }

  private static boolean hasTimeWeighted(io.industryts.config.ValidatedParams p) {
    List<Object> names = new java.util.ArrayList<>();
    if (p.isSet("aggregation")) {
      names.add(p.string("aggregation"));
    }
    if (p.isSet("aggregations")) {
      for (Object v : p.<Object>table("aggregations").values()) {
        if (v instanceof List) {
          names.addAll((List<?>) v);
        } else {
          names.add(v);
        }
      }
    }
    return names.contains("twa") || names.contains("integral");
  }

  private SharedParams() {}

  /**
   * The description of {@code lag} or {@code lead}: row or time periods, a tolerance for time
   * periods only, and the generated-name doc {@code doc}.
   */
  static OperationDescription shift(String type, String doc) {
    return OperationDescription.builder(type)
        .doc(doc)
        .param(CommonParams.columns("value columns"))
        .param(
            ParamSpec.of("periods", ParamType.INT_OR_DURATION_LIST)
                .defaultsTo(List.of(1))
                .atLeast(1)
                .doc("Ints >= 1 (rows) and/or durations > 0 (time)."))
        .param(
            ParamSpec.of("tolerance", ParamType.DURATION)
                .doc("Largest distance to the as-of match; duration periods only."))
        .param(CommonParams.suffix())
        .rule(durationPeriodsOnly("tolerance"))
        .example(
            "[[operations]]\ntype = \"" + type + "\"\ncolumns = [\"temp\"]\nperiods = [1, 2, 3]\n")
        .build();
  }

  /** The description of {@code diff} or {@code pct_change}: row distances only. */
  static OperationDescription rowChange(String type, String doc) {
    return OperationDescription.builder(type)
        .doc(doc)
        .param(CommonParams.columns("value columns"))
        .param(
            ParamSpec.of("periods", ParamType.INT_OR_INT_LIST)
                .defaultsTo(List.of(1))
                .atLeast(1)
                .doc("Row distances n >= 1."))
        .param(CommonParams.suffix())
        .example("[[operations]]\ntype = \"" + type + "\"\nperiods = 1\n")
        .build();
  }

  /** {@code tolerance is only valid with duration periods}. */
  private static ParamRule durationPeriodsOnly(String key) {
    return ParamRule.of(
        key + " is only valid with duration periods",
        List.of(key),
        p ->
            p.isSet(key) && p.list("periods").stream().allMatch(v -> v instanceof Integer)
                ? key + " is only valid with duration periods"
                : null);
  }
}

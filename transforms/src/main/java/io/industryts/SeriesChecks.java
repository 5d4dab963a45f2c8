package io.industryts;

import io.industryts.engine.spi.SeriesOptions;
import io.industryts.engine.spi.TimeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * Checks of the series options against the input schema, run at construction ({@code expand()},
 * before any data flows) by a lone operation and by {@link TimeSeriesPipeline}. Messages name who
 * is wrong (the operation, or the pipeline) and the fix in the caller's terms: the Java methods
 * ({@code .withTimeColumn(...)}, {@code .keyedBy(...)}) for Java callers, the TOML keys ({@code
 * [pipeline].time_column}, {@code [pipeline].key_columns}) for a pipeline built from a file.
 */
final class SeriesChecks {
  private SeriesChecks() {}

  /**
   * STRING field names (lower case) that usually identify a series in industrial data: a lone
   * operation on such an input without keys would mix the series (SEMANTICS §1.4).
   */
  static final Set<String> LIKELY_KEY_NAMES =
      Set.of(
          "tag",
          "tagname",
          "tag_name",
          "tag_id",
          "tagid",
          "asset",
          "asset_id",
          "assetid",
          "sensor",
          "sensor_id",
          "sensorid",
          "device",
          "device_id",
          "deviceid",
          "machine",
          "machine_id",
          "equipment",
          "equipment_id",
          "site",
          "site_id",
          "plant",
          "series",
          "series_id",
          "signal",
          "meter",
          "meter_id",
          "point",
          "point_id",
          "station",
          "station_id",
          "well",
          "unit_id");

  /**
   * Resolves the time column and checks that every key column exists.
   *
   * @param who the operation's name ({@code "Lag"}) or {@code "TimeSeriesPipeline"}
   * @param toml whether the caller configured a TOML file (messages then name its keys)
   * @throws IllegalArgumentException naming {@code who}, the missing field, the available fields
   *     and the fix
   */
  static TimeColumn check(String who, Schema schema, SeriesOptions options, boolean toml) {
    TimeColumn tc;
    try {
      tc = TimeColumn.resolve(schema, options.timeColumn());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      if (!toml) {
        String fix = "Set it with .withTimeColumn(\"<field>\").";
        message =
            message
                .replace("Fix [pipeline].time_column.", fix)
                .replace("Set [pipeline].time_column.", fix)
                .replace("(set by time_column)", "(set by withTimeColumn)")
                .replaceFirst("^industryts: ", who + ": ");
      }
      throw new IllegalArgumentException(message, e);
    }
    List<String> seen = new ArrayList<>();
    for (String key : options.keyColumns()) {
      if (!schema.hasField(key)) {
        throw new IllegalArgumentException(
            who
                + ": key column \""
                + key
                + "\" not found. "
                + "Available fields: "
                + schema.getFieldNames()
                + ". "
                + (toml ? "Fix [pipeline].key_columns." : "Fix the names given to .keyedBy(...)."));
      }
      if (key.equals(tc.name())) {
        throw new IllegalArgumentException(
            who
                + ": \""
                + key
                + "\" is the time column and cannot "
                + "be a key column. "
                + (toml ? "Fix [pipeline].key_columns." : "Remove it from .keyedBy(...)."));
      }
      if (seen.contains(key)) {
        throw new IllegalArgumentException(
            who
                + ": key column \""
                + key
                + "\" is listed twice. "
                + (toml ? "Fix [pipeline].key_columns." : "Fix the names given to .keyedBy(...)."));
      }
      seen.add(key);
    }
    return tc;
  }

  /**
   * The warning for an input that has a likely key column (a STRING field named like {@code tag},
   * {@code asset} or {@code sensor}, see {@link #LIKELY_KEY_NAMES}) while no keys were declared:
   * every row would then belong to one series. Empty when keys were declared, even as none.
   */
  static Optional<String> unkeyedWarning(
      String who, Schema schema, SeriesOptions options, boolean toml) {
    if (options.keysDeclared()) {
      return Optional.empty();
    }
    for (Field f : schema.getFields()) {
      if (f.getType().getTypeName() == TypeName.STRING
          && LIKELY_KEY_NAMES.contains(f.getName().toLowerCase(Locale.ROOT))
          && !f.getName().equals(options.timeColumn())) {
        return Optional.of(
            who
                + ": no key columns are set, so all rows form one series, but the "
                + "input has a field \""
                + f.getName()
                + "\" that looks like a series key. "
                + (toml
                    ? "If it identifies series, set [pipeline].key_columns = [\""
                        + f.getName()
                        + "\"]; if the input is one series, set key_columns = [] to say so."
                    : "If it identifies series, call .keyedBy(\""
                        + f.getName()
                        + "\"); if the input "
                        + "is one series, call .keyedBy() with no columns to say so."));
      }
    }
    return Optional.empty();
  }
}

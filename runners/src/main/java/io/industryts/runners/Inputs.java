package io.industryts.runners;

import io.industryts.config.ColumnTypes;
import io.industryts.config.InputConfig;
import io.industryts.config.JobConfig;
import io.industryts.config.JobPlan;
import io.industryts.io.FileInput;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Turns a job's input table ({@code [input]}, {@code [inputs.<name>]}) and its {@code [pipeline]}
 * time settings into a configured file reader.
 */
final class Inputs {
  private Inputs() {}

  /**
   * The reader of {@code path} with the format, delimiter and types of {@code input} (null: all
   * detected) under {@code job}'s series options and time settings.
   */
  static FileInput reader(String path, InputConfig input, JobConfig job) {
    FileInput in = JobPlan.withSeries(job, FileInput.of(path));
    if (input == null) {
      return in;
    }
    if (input.format() != null) {
      in = in.withFormat(FileInput.Format.valueOf(input.format().toUpperCase(Locale.ROOT)));
    }
    if (input.delimiter() != null) {
      in = in.withDelimiter(delimiter(input.delimiter()));
    }
    if (!input.naValues().isEmpty()) {
      in = in.withNaValues(input.naValues());
    }
    if (input.encoding() != null) {
      in = in.withEncoding(input.encoding());
    }
    if (!input.types().isEmpty()) {
      Map<String, FieldType> types = new LinkedHashMap<>();
      input.types().forEach((column, type) -> types.put(column, fieldType(column, type)));
      in = in.withTypes(types);
    }
    return in;
  }

  static char delimiter(String d) {
    if (d.equals("\\t") || d.equalsIgnoreCase("tab")) {
      return '\t';
    }
    if (d.length() != 1) {
      throw new IllegalArgumentException(
          "industryts: [input] delimiter must be one character. "
              + "Got \""
              + d
              + "\"; expected one of \",\", \";\", \"\\t\", \"|\".");
    }
    return d.charAt(0);
  }

  /** The Beam type of {@code [input.types] column = "type"}; an unknown name is an error. */
  static FieldType fieldType(String column, String type) {
    return ColumnTypes.fieldType("industryts: [input.types] " + column, type);
  }
}

package io.industryts.engine.spi;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/**
 * The errors output (SEMANTICS §1.13, §2.7): one row per input row that could not be read or
 * processed. The same schema serves readers (with {@code source}, {@code line}, {@code raw} = the
 * line text) and operations ({@code raw} = the row as JSON).
 */
public final class ErrorRecords {
  private ErrorRecords() {}

  public static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("source", FieldType.STRING)
          .addNullableField("line", FieldType.INT64)
          .addStringField("step")
          .addStringField("operation")
          .addStringField("reason")
          .addNullableField("field", FieldType.STRING)
          .addStringField("message")
          .addNullableField("raw", FieldType.STRING)
          .build();

  /** An error record. {@code source}, {@code line}, {@code field} and {@code raw} may be null. */
  public static Row of(
      String source,
      Long line,
      String step,
      String operation,
      String reason,
      String field,
      String message,
      String raw) {
    return Row.withSchema(SCHEMA)
        .addValues(source, line, step, operation, reason, field, message, raw)
        .build();
  }

  /**
   * The one-line message the launcher prints when a job fails on this record: {@code file:line:
   * message}, without repeating a position the message already starts with.
   */
  public static String describe(Row error) {
    StringBuilder sb = new StringBuilder();
    String message = error.getString("message");
    String source = error.getString("source");
    if (source != null && !message.startsWith(source)) {
      sb.append(source);
      if (error.getInt64("line") != null) {
        sb.append(':').append(error.getInt64("line"));
      }
      sb.append(": ");
    }
    sb.append(message);
    return sb.toString();
  }
}

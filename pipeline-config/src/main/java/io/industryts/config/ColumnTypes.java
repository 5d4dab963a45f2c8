package io.industryts.config;

import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * The column type names a job file may write ({@code [input] types}, the {@code cast} operation's
 * {@code types}) and the Beam type each stands for: the one place that maps one to the other.
 *
 * <pre>{@code
 * FieldType t = ColumnTypes.fieldType("[input.types] level", "double");   // FieldType.DOUBLE
 * }</pre>
 */
public final class ColumnTypes {
  /** The type names, in the order messages and docs list them. */
  public static final List<String> NAMES =
      List.of("double", "float", "int64", "int32", "string", "boolean");

  private ColumnTypes() {}

  /**
   * The Beam type named {@code name} (case-insensitive).
   *
   * @param where what names the type, for the message, e.g. {@code "[input.types] level"}
   * @throws IllegalArgumentException when {@code name} is none of {@link #NAMES}; the message names
   *     {@code where}, the name given and the allowed names
   */
  public static FieldType fieldType(String where, String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "double":
        return FieldType.DOUBLE;
      case "float":
        return FieldType.FLOAT;
      case "int64":
        return FieldType.INT64;
      case "int32":
        return FieldType.INT32;
      case "string":
        return FieldType.STRING;
      case "boolean":
        return FieldType.BOOLEAN;
      default:
        throw new IllegalArgumentException(
            where
                + " = \""
                + name
                + "\" is not a type. Expected one of "
                + String.join(", ", NAMES)
                + ".");
    }
  }
}

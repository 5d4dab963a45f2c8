package io.industryts.ops;

import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * A column an operation needs numeric is not (SEMANTICS §2): thrown by {@link OpColumns#resolve}
 * with the shared message {@code Log: column "status" is not numeric (STRING).}, and carrying the
 * column and its type so that an operation with a more specific message ({@code FillNull: method
 * "mean" needs numeric columns. ...}) rewords it from these fields, never from the message text.
 *
 * <pre>{@code
 * try {
 *   idx = OpColumns.resolve("FillNull", layout, columns, true);
 * } catch (NotNumericColumnException e) {
 *   throw new IllegalArgumentException("... Got \"" + e.column() + "\" (" + e.type() + ").", e);
 * }
 * }</pre>
 */
final class NotNumericColumnException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final TypeName type;

  NotNumericColumnException(String operation, String column, TypeName type) {
    super(operation + ": column \"" + column + "\" is not numeric (" + type + ").");
    this.column = column;
    this.type = type;
  }

  /** The column that is not numeric. */
  String column() {
    return column;
  }

  /** Its type. */
  TypeName type() {
    return type;
  }
}

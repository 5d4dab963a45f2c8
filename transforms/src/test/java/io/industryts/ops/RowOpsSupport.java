package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * The unkeyed schema {@code (t, a DOUBLE, b INT64)} shared by the row-operation conformance tests:
 * {@link ClipTest}, {@link DropNullTest}, {@link FilterTimeTest}, {@link SnapTimeTest}.
 */
final class RowOpsSupport {
  private RowOpsSupport() {}

  static final Schema AB =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("a", FieldType.DOUBLE)
          .addNullableField("b", FieldType.INT64)
          .build();
  static final ChunkLayout LAYOUT = KernelHarness.layout(AB, "t");
}

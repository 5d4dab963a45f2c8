package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/**
 * The keyed input shared by {@link SelectTest}, {@link DropColumnsTest} and {@link RenameTest}: a
 * value column before the time column, key {@code tag}, and a derived column {@code flow_lag1}.
 */
final class ColumnUtilitySupport {
  private ColumnUtilitySupport() {}

  static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("temp", FieldType.DOUBLE)
          .addDateTimeField("DateTime")
          .addStringField("tag")
          .addNullableField("flow", FieldType.DOUBLE)
          .addField(OpColumns.derived("flow_lag1", FieldType.DOUBLE))
          .build();
  static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "DateTime", "tag");

  /** Series "a": {@code temp = [20, 21]}, {@code flow = [1, 2]}, {@code flow_lag1 = [·, 1]}. */
  static Chunk input() {
    return chunk(
        LAYOUT,
        Row.withSchema(LAYOUT.keySchema()).addValue("a").build(),
        hms("00:00", "01:00"),
        col(20.0, 21.0),
        col(1.0, 2.0),
        col(null, 1.0));
  }
}

package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.hms;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Inputs shared by {@link NormalizeTest} and {@link LogTest}: one unkeyed hourly series with a
 * DOUBLE column {@code x} and an INT32 column {@code n}.
 */
final class NormalizeLogSupport {
  private NormalizeLogSupport() {}

  static void assertClose(List<Object> got, Double... expected) {
    KernelHarness.assertCells(got, 1e-12, 0, expected);
  }

  static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("x", FieldType.DOUBLE)
          .addNullableField("n", FieldType.INT32)
          .build();
  static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  /** Hourly rows from 00:00 with the given {@code x} and {@code n} cells. */
  static Chunk series(Object[] x, Object[] n) {
    String[] t = new String[x.length];
    for (int i = 0; i < x.length; i++) {
      t[i] = String.format("%02d:00", i);
    }
    return chunk(LAYOUT, hms(t), x, n);
  }
}

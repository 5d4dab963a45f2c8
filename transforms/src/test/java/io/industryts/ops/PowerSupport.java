package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Inputs and runners shared by the power-transform conformance tests ({@link BoxCoxTest}, {@link
 * YeoJohnsonTest}): one unkeyed hourly series of a DOUBLE column {@code x}.
 */
final class PowerSupport {
  private PowerSupport() {}

  static void assertCellsWithin(List<Object> got, double tol, Double... expected) {
    KernelHarness.assertCells(got, tol, 0, expected);
  }

  static final Schema SCHEMA =
      Schema.builder().addDateTimeField("t").addNullableField("x", FieldType.DOUBLE).build();
  static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  /** Hourly rows from 00:00 with {@code x} as given. */
  static Chunk series(Double... x) {
    String[] t = new String[x.length];
    for (int i = 0; i < x.length; i++) {
      t[i] = String.format("%02d:00", i);
    }
    return chunk(LAYOUT, hms(t), col((Object[]) x));
  }

  /** Runs as one segment and cut into three; both must agree exactly. */
  static Chunk run(Kernel k, Chunk in, Map<String, Long> counters) {
    Chunk whole = KernelHarness.run(k, in, counters);
    int n = in.size();
    if (n >= 3) {
      Chunk cut = KernelHarness.run(k, in, new int[] {1, n / 2}, new HashMap<>());
      assertEquals(values(whole, "x"), values(cut, "x"));
    }
    return whole;
  }
}

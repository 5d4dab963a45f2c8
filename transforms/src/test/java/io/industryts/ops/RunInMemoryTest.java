package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.industryts.engine.Engine;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Engine#runInMemory}: kernels over one whole series without a pipeline. */
class RunInMemoryTest {
  private static final Schema SCHEMA =
      Schema.builder().addDateTimeField("t").addNullableField("x", FieldType.DOUBLE).build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  @Test
  void statisticsAreFittedOnTheWholeSeries() {
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(1.0, 2.0, 3.0));
    Kernel k = Scale.standard("x").plan(LAYOUT, plan("s"));
    List<Object> v = values(Engine.runInMemory(in, List.of(k)), "x");
    // mean 2, population std sqrt(2/3)
    double sd = Math.sqrt(2.0 / 3.0);
    assertThat((Double) v.get(0), closeTo(-1 / sd, 1e-12));
    assertThat((Double) v.get(1), closeTo(0.0, 1e-12));
    assertThat((Double) v.get(2), closeTo(1 / sd, 1e-12));
  }

  @Test
  void kernelsRunOnEachOthersOutput() {
    // forward fill gives 1, 1, 3, 3, 5; hourly means of [00:00, 01:00): 1; [01:00, 02:00): 3;
    // [02:00, 03:00): 5
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:00", "00:30", "01:00", "01:30", "02:00"),
            col(1.0, null, 3.0, null, 5.0));
    Kernel fill = FillNull.forward().plan(LAYOUT, plan("f"));
    Kernel resample =
        Resample.every(Duration.standardHours(1)).plan(fill.outputLayout(), plan("r"));
    Chunk out = Engine.runInMemory(in, List.of(fill, resample));
    assertArrayEquals(hms("00:00", "01:00", "02:00"), out.times());
    assertThat(values(out, "x"), contains(1.0, 3.0, 5.0));
  }

  @Test
  void emptyBucketBetweenRowsIsEmitted() {
    Chunk in = chunk(LAYOUT, hms("00:10", "02:10"), col(1.0, 5.0));
    Kernel resample = Resample.every(Duration.standardHours(1)).plan(LAYOUT, plan("r"));
    Chunk out = Engine.runInMemory(in, List.of(resample));
    assertArrayEquals(hms("00:00", "01:00", "02:00"), out.times());
    assertNull(values(out, "x").get(1));
  }
}

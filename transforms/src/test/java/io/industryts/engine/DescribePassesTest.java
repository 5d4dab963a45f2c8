package io.industryts.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribePassesTest {
  private static final ChunkLayout IN = ChunkLayout.of(EngineTest.IN, "time", List.of("tag"));

  @Test
  void carryAndStatisticsKernelsEachStartAPass() {
    Kernel lag = new TestKernels.Lag(IN, 2);
    Kernel cum = new TestKernels.CumSum(lag.outputLayout());
    Kernel center = new TestKernels.Center(cum.outputLayout());
    assertThat(
        Engine.compile(IN, List.of(lag, cum, center)).describe(),
        contains(
            "segment: one shuffle by (series, time segment)",
            "pass 1: lag (context: halo 2 rows before, 0 after)",
            "pass 2: cum (context: carry from neighbouring segments)",
            "pass 3: center (context: statistics per series)"));
  }

  @Test
  void noKernelsIsOnlyTheSegmentation() {
    assertThat(
        Engine.compile(IN, List.of()).describe(),
        contains("segment: one shuffle by (series, time segment)"));
  }
}

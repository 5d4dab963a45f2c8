package io.industryts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/**
 * Rows keep their origin (file and line) up to the last kernel that may report bad rows, and lose
 * it after: the error records still name file:line, the rows after carry no origin column.
 */
class OriginsThroughPlanTest {
  private static final ChunkLayout IN = ChunkLayout.of(EngineTest.IN, "time", List.of("tag"));

  /** Reports rows with a negative v as bad and drops them; declares it or not. */
  static final class RejectNegative implements Kernel {
    private final ChunkLayout layout;
    private final boolean declared;

    RejectNegative(ChunkLayout layout, boolean declared) {
      this.layout = layout;
      this.declared = declared;
    }

    @Override
    public String stepName() {
      return "reject";
    }

    @Override
    public ChunkLayout outputLayout() {
      return layout;
    }

    @Override
    public ContextSpec context() {
      return declared ? ContextSpec.segmentLocal().withRowErrors() : ContextSpec.segmentLocal();
    }

    @Override
    public Chunk apply(Chunk in, KernelContext ctx) {
      DoubleColumn v = (DoubleColumn) in.column("v");
      int[] keep = new int[in.size()];
      int n = 0;
      for (int i = 0; i < in.size(); i++) {
        if (v.value(i) < 0) {
          ctx.rowError(in, i, "negative", "v", "v is negative");
        } else {
          keep[n++] = i;
        }
      }
      return in.take(keep, n);
    }
  }

  /** Five rows at 0..4 s, v = 1, -1, 2, -2, 3, read from lines 2..6 of {@code in.csv}. */
  private static Chunk input() {
    Row key = Row.withSchema(IN.keySchema()).addValue("a").build();
    long[] times = {0, 1000, 2000, 3000, 4000};
    Column[] cols = new Column[3];
    cols[2] = new DoubleColumn(new double[] {1, -1, 2, -2, 3}, new boolean[5]);
    long[] origins = new long[5];
    for (int i = 0; i < 5; i++) {
      origins[i] = Chunk.origin(0, i + 2);
    }
    return new Chunk(
        IN, key, times, new long[] {0, 1, 2, 3, 4}, cols, new String[] {"in.csv"}, origins);
  }

  /** Runs the plan of {@code kernels} on {@link #input()}; adds "source:line" of each bad row. */
  private static Chunk run(List<Kernel> kernels, List<String> errors) {
    ExecutionPlan plan = Engine.compile(IN, kernels);
    StageContext.Sink sink =
        new StageContext.Sink() {
          @Override
          public void count(String step, String name, long n) {}

          @Override
          public void rowError(Row record) {
            errors.add(record.getString("source") + ":" + record.getInt64("line"));
          }
        };
    return InMemoryExecutor.run(
            plan.stagesAfterSegmenting(),
            KV.of(input().key(), 0L),
            input(),
            plan.segmentGrid(),
            Integer.MAX_VALUE,
            sink)
        .getValue();
  }

  private static List<Integer> dropPoints(List<Kernel> kernels) {
    List<Integer> out = new ArrayList<>();
    for (ExecutionPlan.Stage s : Engine.compile(IN, kernels).stages()) {
      if (s instanceof Pass) {
        out.add(((Pass) s).dropOriginsAt);
      }
    }
    return out;
  }

  @Test
  void originsReachTheRejectingKernelAndAreDroppedAfterIt() {
    Kernel lag = new TestKernels.Lag(IN, 1);
    List<Kernel> kernels =
        List.of(
            lag,
            new RejectNegative(lag.outputLayout(), true),
            new TestKernels.CumSum(lag.outputLayout()));
    // lag | reject | cum: the first pass keeps them, the second drops them after reject (its
    // kernel 0, so before kernel 1), the third never has them
    assertEquals(List.of(Pass.KEEP_ORIGINS, 1, 0), dropPoints(kernels));
    assertTrue(Engine.compile(IN, kernels).reportsRowErrors());
    List<String> errors = new ArrayList<>();
    Chunk out = run(kernels, errors);
    assertEquals(List.of("in.csv:3", "in.csv:5"), errors);
    assertEquals(3, out.size());
    assertFalse(out.hasOrigins());
  }

  @Test
  void withoutARejectingKernelNoPassCarriesOrigins() {
    Kernel lag = new TestKernels.Lag(IN, 1);
    List<Kernel> kernels = List.of(lag, new TestKernels.CumSum(lag.outputLayout()));
    assertEquals(List.of(0, 0), dropPoints(kernels));
    assertFalse(Engine.compile(IN, kernels).reportsRowErrors());
    Chunk out = run(kernels, new ArrayList<>());
    assertEquals(5, out.size());
    assertNull(out.origins());
  }

  @Test
  void anUndeclaredReportFailsNamingTheFix() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> run(List.of(new RejectNegative(IN, false)), new ArrayList<>()));
    assertTrue(e.getMessage().startsWith("reject: the kernel reported a bad row (negative)"));
    assertTrue(e.getMessage().contains("ContextSpec.withRowErrors()"), e.getMessage());
  }

  @Test
  void contextSpecDeclaresRowErrorsOnlyWhenAsked() {
    assertFalse(ContextSpec.segmentLocal().rowErrors());
    assertTrue(ContextSpec.segmentLocal().withRowErrors().rowErrors());
    assertTrue(ContextSpec.rowLocal().withRowErrors().withHaloRows(2, 0).rowErrors());
    assertFalse(ContextSpec.segmentLocal().withRowErrors().rowPreserving());
  }
}

package io.industryts.ops;

import io.industryts.engine.TestContexts;
import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ColumnBuilder;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.engine.spi.StatsKernel;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * Runs kernels on hand-built chunks the way the engine does: one series, cut into segments at given
 * row positions, with the declared halo, carry, statistics and series facts.
 */
final class KernelHarness {
  private KernelHarness() {}

  static final long DAY0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

  /** {@code "hh:mm"} or {@code "hh:mm:ss"} on 2024-01-01 UTC, as epoch millis. */
  static long hm(String s) {
    String[] p = s.split(":");
    long ms = Long.parseLong(p[0]) * 3_600_000L + Long.parseLong(p[1]) * 60_000L;
    if (p.length > 2) {
      ms += Long.parseLong(p[2]) * 1000L;
    }
    return DAY0 + ms;
  }

  static long[] hms(String... s) {
    long[] out = new long[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = hm(s[i]);
    }
    return out;
  }

  static ChunkLayout layout(Schema schema, String time, String... keys) {
    return ChunkLayout.of(schema, time, List.of(keys));
  }

  static PlanContext plan(String step) {
    return new PlanContext(step, SeriesOptions.defaults());
  }

  /**
   * A chunk of one series: {@code cells[f]} are the Row values of value field {@code f} in schema
   * order, skipping the time and key fields; {@code key} holds the key values.
   */
  static Chunk chunk(ChunkLayout layout, Row key, long[] times, Object[]... cells) {
    Schema s = layout.schema();
    Column[] cols = new Column[s.getFieldCount()];
    int next = 0;
    for (int f = 0; f < cols.length; f++) {
      if (layout.isTimeOrKey(f)) {
        continue;
      }
      Object[] v = cells[next++];
      ColumnBuilder b = ColumnBuilder.forType(s.getField(f).getType(), v.length);
      for (Object o : v) {
        b.appendValue(o);
      }
      cols[f] = b.build();
    }
    long[] seqs = new long[times.length];
    for (int i = 0; i < seqs.length; i++) {
      seqs[i] = i;
    }
    return new Chunk(
        layout, key == null ? Row.nullRow(layout.keySchema()) : key, times, seqs, cols);
  }

  static Chunk chunk(ChunkLayout layout, long[] times, Object[]... cells) {
    return chunk(layout, Row.withSchema(layout.keySchema()).build(), times, cells);
  }

  /** The Row values of a field, boxed as Beam holds them. */
  static List<Object> values(Chunk c, String field) {
    int f = c.schema().indexOf(field);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      out.add(c.row(i).getValue(f));
    }
    return out;
  }

  static Object[] col(Object... v) {
    return v;
  }

  /** Runs the kernel over the series as a single segment. */
  static Chunk run(Kernel k, Chunk series, Map<String, Long> counters) {
    return run(k, series, new int[0], counters);
  }

  static Chunk run(Kernel k, Chunk series) {
    return run(k, series, new HashMap<>());
  }

  /** Runs the kernel over the series cut before each position in {@code cuts}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Chunk run(Kernel k, Chunk series, int[] cuts, Map<String, Long> counters) {
    return run(k, series, cuts, counters, null);
  }

  /**
   * As {@link #run(Kernel, Chunk, int[], Map)}, recording row errors as {@code
   * "reason|field|message"} in {@code errors} (null: a row error fails the test).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Chunk run(
      Kernel k, Chunk series, int[] cuts, Map<String, Long> counters, List<String> errors) {
    int n = series.size();
    List<int[]> segs = new ArrayList<>();
    int from = 0;
    for (int c : cuts) {
      segs.add(new int[] {from, c});
      from = c;
    }
    segs.add(new int[] {from, n});
    List<Chunk> segments = new ArrayList<>();
    for (int[] s : segs) {
      segments.add(series.slice(s[0], s[1]));
    }
    Object stats = null;
    if (k instanceof StatsKernel) {
      StatsKernel sk = (StatsKernel) k;
      Serializable acc = sk.createAccumulator();
      for (Chunk seg : segments) {
        Serializable a = sk.addSegment(sk.createAccumulator(), seg);
        acc = sk.merge(acc, a);
      }
      stats = acc;
    }
    ContextSpec spec = k.context();
    List<Chunk> outs = new ArrayList<>();
    long[] t = series.times();
    // carries as the engine builds them: each segment summarized once, then prefix-combined
    int ns = segs.size();
    Serializable[] before = new Serializable[ns];
    Serializable[] after = new Serializable[ns];
    if (k instanceof CarryKernel) {
      CarryKernel ck = (CarryKernel) k;
      Serializable[] sums = new Serializable[ns];
      for (int j = 0; j < ns; j++) {
        sums[j] = ck.summarize(segments.get(j));
      }
      boolean both = k instanceof BidirectionalCarryKernel;
      if (both || ck.forward()) {
        for (int j = 1; j < ns; j++) {
          before[j] = ck.combine(before[j - 1], sums[j - 1]);
        }
      }
      if (both || !ck.forward()) {
        for (int j = ns - 2; j >= 0; j--) {
          after[j] = ck.combine(sums[j + 1], after[j + 1]);
        }
      }
    }
    for (int si = 0; si < segs.size(); si++) {
      int a = segs.get(si)[0];
      int b = segs.get(si)[1];
      Object carry =
          k instanceof BidirectionalCarryKernel
                  || k instanceof CarryKernel && ((CarryKernel) k).forward()
              ? before[si]
              : after[si];
      Object carryAfter = k instanceof BidirectionalCarryKernel ? after[si] : null;
      int lo = Math.max(0, a - spec.rowsBefore());
      int hi = Math.min(n, b + spec.rowsAfter());
      if (spec.millisBefore() > 0 && b > a) {
        while (lo > 0 && t[lo - 1] >= t[a] - spec.millisBefore()) {
          lo--;
        }
      }
      if (spec.millisAfter() > 0 && b > a) {
        while (hi < n && t[hi] <= t[b - 1] + spec.millisAfter()) {
          hi++;
        }
      }
      long segStart = si == 0 ? Long.MIN_VALUE : t[a];
      long segEnd = si == segs.size() - 1 ? Long.MAX_VALUE : t[b];
      Grid grid = spec.grid();
      if (grid != null) {
        // segments of a grid kernel start on bucket edges, as the engine cuts them
        long anchor = grid.seriesAnchor(t[0]);
        if (si > 0) {
          segStart = grid.bucketStart(grid.bucketIndex(t[a], anchor), anchor);
        }
        if (si < segs.size() - 1) {
          segEnd = grid.bucketStart(grid.bucketIndex(t[b], anchor), anchor);
        }
      }
      KernelContext ctx =
          context(
              k,
              a - lo,
              hi - b,
              (Serializable) carry,
              (Serializable) carryAfter,
              (Serializable) stats,
              n == 0 ? 0 : t[0],
              n == 0 ? 0 : t[n - 1],
              n,
              si == 0,
              si == segs.size() - 1,
              segStart,
              segEnd,
              counters,
              errors);
      Chunk out = k.apply(series.slice(lo, hi), ctx);
      if (spec.rowPreserving()) {
        if (out.size() != hi - lo) {
          throw new AssertionError(
              "row-preserving kernel returned " + out.size() + " rows for " + (hi - lo));
        }
        out = out.slice(a - lo, out.size() - (hi - b));
      }
      outs.add(out);
    }
    return Chunk.concat(outs);
  }

  /**
   * The engine's context for {@code k} on one segment with these facts ({@link TestContexts}):
   * counters by name into {@code counters}; a row error fails the test.
   */
  static KernelContext context(
      Kernel k,
      int haloBefore,
      int haloAfter,
      Serializable carry,
      Serializable carryAfter,
      Serializable stats,
      long first,
      long last,
      long rows,
      boolean firstSeg,
      boolean lastSeg,
      long segStart,
      long segEnd,
      Map<String, Long> counters) {
    return context(
        k,
        haloBefore,
        haloAfter,
        carry,
        carryAfter,
        stats,
        first,
        last,
        rows,
        firstSeg,
        lastSeg,
        segStart,
        segEnd,
        counters,
        null);
  }

  /** As above, recording row errors as {@code "reason|field|message"} in {@code errors}. */
  static KernelContext context(
      Kernel k,
      int haloBefore,
      int haloAfter,
      Serializable carry,
      Serializable carryAfter,
      Serializable stats,
      long first,
      long last,
      long rows,
      boolean firstSeg,
      boolean lastSeg,
      long segStart,
      long segEnd,
      Map<String, Long> counters,
      List<String> errors) {
    return TestContexts.segment(
        k,
        haloBefore,
        haloAfter,
        carry,
        carryAfter,
        stats,
        first,
        last,
        rows,
        firstSeg,
        lastSeg,
        segStart,
        segEnd,
        counters,
        errors);
  }

  /**
   * The kernel's output column {@code field} for {@code series} cut at every segmentation of {@code
   * cuts}; all segmentations must give exactly the same cells.
   */
  static List<Object> sameOverCuts(Kernel k, Chunk series, int[][] cuts, String field) {
    List<Object> first = null;
    for (int[] c : cuts) {
      List<Object> got = values(run(k, series, c, new java.util.HashMap<>()), field);
      if (first == null) {
        first = got;
      } else {
        org.junit.jupiter.api.Assertions.assertEquals(
            first, got, "cuts " + java.util.Arrays.toString(c));
      }
    }
    return first;
  }

  /** Cells equal {@code expected}: null where it is null, else within {@code abs + rel·|e|}. */
  static void assertCells(List<Object> got, double abs, double rel, Double... expected) {
    org.junit.jupiter.api.Assertions.assertEquals(expected.length, got.size());
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] == null) {
        org.junit.jupiter.api.Assertions.assertNull(got.get(i), "row " + i);
      } else {
        org.hamcrest.MatcherAssert.assertThat(
            "row " + i,
            (Double) got.get(i),
            org.hamcrest.Matchers.closeTo(expected[i], abs + rel * Math.abs(expected[i])));
      }
    }
  }
}

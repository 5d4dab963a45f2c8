package io.industryts.runners.report;

import io.industryts.engine.PlanResult;
import io.industryts.engine.PlanResult.SegmentProfiler;
import io.industryts.engine.PlanResult.SegmentSide;
import io.industryts.runners.report.ColumnSamples.Marker;
import io.industryts.runners.report.ColumnSamples.Points;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Collects what the job report needs inside the pipeline, cheaply: the library hands each segment
 * of the run's input and output as plain arrays ({@link PlanResult#profileSegments}), each is
 * reduced to a {@link SegmentProfile} of a few kilobytes (LTTB points, steps, markers), and one
 * worker writes the profiles to a data file that the launcher turns into the page after the run,
 * when the counters are known. No row reaches the launcher.
 */
public final class ReportCollector {
  private ReportCollector() {}

  /** Points kept per segment, side and column; the page thins each plot again to this many. */
  public static final int POINTS = 1000;

  /** Markers kept per segment, column and kind. */
  static final int MARKERS = 400;

  /**
   * Adds the collection to the pipeline of {@code result}; the profiles go to {@code dataFile}.
   *
   * @param columns the value columns to sample (numeric; a column missing on one side is sampled on
   *     the other only)
   * @param markers whether to compare values at the same time (off when the steps re-grid or move
   *     times, where "the same time" means nothing)
   */
  public static void collect(
      PlanResult result, List<String> columns, boolean markers, String dataFile) {
    ProfileCoder coder = new ProfileCoder();
    result
        .profileSegments(columns, markers, new Profiler(columns, markers), coder)
        .apply("Report/Keyed", WithKeys.of(0))
        .setCoder(KvCoder.of(VarIntCoder.of(), coder))
        .apply("Report/Gather", GroupByKey.create())
        .apply("Report/WriteData", ParDo.of(new WriteDataFn(dataFile)));
  }

  /** The profiles written by a run; empty when the input had no rows (no segment at all). */
  @SuppressWarnings("unchecked")
  static List<SegmentProfile> read(Path dataFile) throws IOException {
    if (!Files.exists(dataFile)) {
      return List.of();
    }
    try (InputStream s = Files.newInputStream(dataFile);
        ObjectInputStream in = new ObjectInputStream(s)) {
      return (List<SegmentProfile>) in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("industryts: report data " + dataFile + " is not readable: " + e, e);
    }
  }

  /**
   * Profiles as Java-serialized bytes with their length first. (Beam's {@code SerializableCoder}
   * would do the same but warns on every run that the class has no {@code equals}; profiles are
   * never compared or used as keys.)
   */
  static final class ProfileCoder extends CustomCoder<SegmentProfile> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(SegmentProfile value, OutputStream out) throws IOException {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
        o.writeObject(value);
      }
      org.apache.beam.sdk.util.VarInt.encode(bytes.size(), out);
      bytes.writeTo(out);
    }

    @Override
    public SegmentProfile decode(InputStream in) throws IOException {
      byte[] bytes = new byte[org.apache.beam.sdk.util.VarInt.decodeInt(in)];
      new java.io.DataInputStream(in).readFully(bytes);
      try (ObjectInputStream o = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
        return (SegmentProfile) o.readObject();
      } catch (ClassNotFoundException e) {
        throw new IOException("industryts: report profile not readable: " + e, e);
      }
    }
  }

  /** A segment's sides to its profile, on the worker that holds them. */
  static final class Profiler implements SegmentProfiler<SegmentProfile> {
    private static final long serialVersionUID = 1L;
    private final List<String> columns;
    private final boolean markers;
    private transient Scratch scratch;

    Profiler(List<String> columns, boolean markers) {
      this.columns = List.copyOf(columns);
      this.markers = markers;
    }

    @Override
    public SegmentProfile profile(
        Row seriesKey, long segment, SegmentSide input, SegmentSide output) {
      if (scratch == null) {
        scratch = new Scratch();
      }
      return ReportCollector.profile(
          seriesLabel(seriesKey), segment, input, output, columns, markers, scratch);
    }
  }

  /** Reused buffers of one worker thread for the points with a value of one column. */
  static final class Scratch {
    long[] t = new long[0];
    double[] v = new double[0];

    void ensure(int n) {
      if (t.length < n) {
        t = new long[n];
        v = new double[n];
      }
    }
  }

  /** The series' key values joined with "/" ("" for an unkeyed job). */
  static String seriesLabel(Row key) {
    List<String> parts = new ArrayList<>();
    for (Object v : key.getValues()) {
      parts.add(String.valueOf(v));
    }
    return String.join("/", parts);
  }

  /**
   * The profile of one segment: {@code input} and {@code output} are its sides (either may be null
   * when a side has no rows there).
   */
  static SegmentProfile profile(
      String series,
      long segment,
      SegmentSide input,
      SegmentSide output,
      List<String> columns,
      boolean markers) {
    return profile(series, segment, input, output, columns, markers, new Scratch());
  }

  private static SegmentProfile profile(
      String series,
      long segment,
      SegmentSide input,
      SegmentSide output,
      List<String> columns,
      boolean markers,
      Scratch scratch) {
    SegmentProfile p = new SegmentProfile(series, segment);
    if (input != null && input.times().length > 0) {
      long[] t = input.times();
      p.inputRows = t.length;
      p.inputFirst = t[0];
      p.inputLast = t[t.length - 1];
      p.steps = TimeSteps.of(t);
    }
    if (output != null && output.times().length > 0) {
      long[] t = output.times();
      p.outputRows = t.length;
      p.outputFirst = t[0];
      p.outputLast = t[t.length - 1];
    }
    for (String c : columns) {
      ColumnSamples s = new ColumnSamples();
      Values in = Values.of(input, c);
      Values out = Values.of(output, c);
      if (in != null) {
        s.input = in.lttb(input.times(), POINTS, scratch);
        s.inputNulls = in.nulls();
        s.inputSpread = in.spread;
      }
      if (out != null) {
        s.output = out.lttb(output.times(), POINTS, scratch);
        s.outputNulls = out.nulls();
        s.outputSpread = out.spread;
      }
      if (markers && in != null) {
        compare(input.times(), in, output == null ? new long[0] : output.times(), out, s);
      }
      p.columns.put(c, s);
    }
    return p;
  }

  /**
   * Markers from the input and output rows at the same time, paired in order when several share a
   * time: an input row without a partner was dropped; a pair whose cell went from null to a value
   * was filled, from a value to null masked, from one value to another changed.
   */
  static void compare(long[] ti, Values in, long[] to, Values out, ColumnSamples s) {
    long[][] mt = new long[Marker.values().length][];
    double[][] mv = new double[Marker.values().length][];
    int[] count = new int[Marker.values().length];
    for (int k = 0; k < mt.length; k++) {
      mt[k] = new long[16];
      mv[k] = new double[16];
    }
    int j = 0;
    for (int i = 0; i < ti.length; i++) {
      while (j < to.length && to[j] < ti[i]) {
        j++; // output rows the input did not have (regularize grid rows): no marker
      }
      Marker m = null;
      double v = Double.NaN;
      boolean inNull = in == null || in.isNull(i);
      if (j < to.length && to[j] == ti[i]) {
        boolean outNull = out == null || out.isNull(j);
        if (inNull && !outNull) {
          m = Marker.FILLED;
          v = out.value(j);
        } else if (!inNull && outNull && out != null) {
          m = Marker.MASKED;
          v = in.value(i);
        } else if (!inNull
            && !outNull
            && Double.doubleToLongBits(in.value(i)) != Double.doubleToLongBits(out.value(j))) {
          m = Marker.CHANGED;
          v = out.value(j);
        }
        j++;
      } else {
        m = Marker.DROPPED;
        v = inNull ? Double.NaN : in.value(i);
      }
      if (m != null) {
        int k = m.ordinal();
        if (count[k] == mt[k].length) {
          mt[k] = java.util.Arrays.copyOf(mt[k], count[k] * 2);
          mv[k] = java.util.Arrays.copyOf(mv[k], count[k] * 2);
        }
        mt[k][count[k]] = ti[i];
        mv[k][count[k]++] = v;
      }
    }
    for (int k = 0; k < mt.length; k++) {
      s.markerTotals[k] += count[k];
      s.markers[k] =
          new Points(
                  java.util.Arrays.copyOf(mt[k], count[k]),
                  java.util.Arrays.copyOf(mv[k], count[k]))
              .thin(MARKERS);
    }
  }

  /**
   * A numeric column of a segment side as doubles and nulls (NaN counts as null: plots skip it),
   * read in place, not copied.
   */
  static final class Values {
    private final double[] v;
    private final boolean[] nulls;
    private long nullCount = -1;
    private ColumnSamples.Spread spread = ColumnSamples.Spread.EMPTY;

    private Values(double[] v, boolean[] nulls) {
      this.v = v;
      this.nulls = nulls;
    }

    /** The column {@code name} of {@code side}, or null when {@code side} is null or lacks it. */
    static Values of(SegmentSide side, String name) {
      if (side == null || !side.values().containsKey(name)) {
        return null;
      }
      return new Values(side.values().get(name), side.nulls().get(name));
    }

    boolean isNull(int i) {
      return nulls[i] || Double.isNaN(v[i]);
    }

    double value(int i) {
      return v[i];
    }

    /** The number of nulls (and NaN). */
    long nulls() {
      if (nullCount < 0) {
        long n = 0;
        for (int i = 0; i < v.length; i++) {
          n += isNull(i) ? 1 : 0;
        }
        nullCount = n;
      }
      return nullCount;
    }

    /**
     * The (time, value) points with a value, given the chunk's times, thinned to at most {@code
     * max} by LTTB; counts the nulls and takes the spread in the same pass.
     */
    Points lttb(long[] t, int max, Scratch scratch) {
      scratch.ensure(t.length);
      long[] tt = scratch.t;
      double[] vv = scratch.v;
      int m = 0;
      for (int i = 0; i < t.length; i++) {
        double x = v[i];
        if (!nulls[i] && x == x) {
          tt[m] = t[i];
          vv[m++] = x;
        }
      }
      nullCount = t.length - m;
      spread = ColumnSamples.Spread.of(vv, m);
      if (m <= max) {
        return new Points(java.util.Arrays.copyOf(tt, m), java.util.Arrays.copyOf(vv, m));
      }
      int[] keep = io.industryts.ops.Lttb.select(tt, vv, m, max);
      long[] kt = new long[keep.length];
      double[] kv = new double[keep.length];
      for (int k = 0; k < keep.length; k++) {
        kt[k] = tt[keep[k]];
        kv[k] = vv[keep[k]];
      }
      return new Points(kt, kv);
    }
  }

  /** Writes every profile to the data file (temporary name, then rename). */
  static final class WriteDataFn extends DoFn<KV<Integer, Iterable<SegmentProfile>>, Void> {
    private final String dataFile;

    WriteDataFn(String dataFile) {
      this.dataFile = dataFile;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<SegmentProfile>> e) throws IOException {
      List<SegmentProfile> all = new ArrayList<>();
      e.getValue().forEach(all::add);
      writeAtomically(
          Path.of(dataFile),
          temp -> {
            try (OutputStream s = Files.newOutputStream(temp);
                ObjectOutputStream o = new ObjectOutputStream(s)) {
              o.writeObject(all);
            }
          });
    }
  }

  /** Writes one file's content. */
  interface Body {
    void write(Path temp) throws IOException;
  }

  /** Runs {@code body} on a temporary name next to {@code target}, then renames it over target. */
  static void writeAtomically(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Path temp =
        abs.resolveSibling(
            "."
                + abs.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
    try {
      body.write(temp);
      try {
        Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

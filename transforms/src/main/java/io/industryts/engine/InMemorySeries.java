package io.industryts.engine;

import java.io.Serializable;
import java.util.List;

/**
 * Runs kernels over one whole series held in memory, as the engine would with a single segment:
 * no halo, no carry, statistics fitted on the series itself, series facts and grid anchor taken
 * from the chunk each kernel receives. Used to time kernels without a pipeline (the launcher's
 * {@code bench --mode micro}) and by callers that already hold a sorted series.
 */
final class InMemorySeries implements KernelContext {
  private final Chunk series;
  private final Kernel kernel;
  private final Object stats;

  private InMemorySeries(Chunk series, Kernel kernel, Object stats) {
    this.series = series;
    this.kernel = kernel;
    this.stats = stats;
  }

  /** Applies {@code kernels} in order to {@code series} (time-sorted, one series key). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Chunk run(Chunk series, List<Kernel> kernels) {
    Chunk data = series;
    for (Kernel k : kernels) {
      Object stats = null;
      if (k instanceof StatsKernel) {
        StatsKernel sk = (StatsKernel) k;
        stats = sk.addSegment((Serializable) sk.createAccumulator(), data);
      }
      data = k.apply(data, new InMemorySeries(data, k, stats));
    }
    return data;
  }

  @Override
  public Object stats() {
    return stats;
  }

  @Override
  public long seriesFirstTime() {
    return series.size() == 0 ? 0 : series.times()[0];
  }

  @Override
  public long seriesLastTime() {
    return series.size() == 0 ? 0 : series.times()[series.size() - 1];
  }

  @Override
  public long seriesRowCount() {
    return series.size();
  }

  @Override
  public boolean firstSegment() {
    return true;
  }

  @Override
  public boolean lastSegment() {
    return true;
  }

  @Override
  public long gridAnchor() {
    Grid g = kernel.context().grid();
    if (g == null) {
      return 0;
    }
    // as the segmenter anchors a series' plan
    return g.perSeriesOrigin() ? g.seriesAnchor(seriesFirstTime()) : g.seriesAnchor(0);
  }

  @Override
  public void count(String name, long n) {
    // counters belong to pipeline runs; an in-memory run has none
  }

  @Override
  public void rowError(Chunk chunk, int row, String reason, String field, String message) {
    String source = chunk.source(row);
    throw new Engine.BadRowException(
        source == null ? message : source + ":" + chunk.line(row) + ": " + message);
  }
}

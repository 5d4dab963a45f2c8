package io.industryts.runners;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * A progress line on stderr every few seconds while a job runs (jobs shorter than the first
 * interval print nothing): elapsed time and the rows read so far, from the running pipeline's
 * attempted counters where the runner reports them.
 */
final class Progress implements AutoCloseable {
  static final long INTERVAL_MILLIS = 5_000;

  private final PrintStream err;
  private final long startNanos;
  private final Thread thread;
  private volatile PipelineResult result;
  private volatile boolean done;

  private Progress(PrintStream err, long startNanos) {
    this.err = err;
    this.startNanos = startNanos;
    this.thread = new Thread(this::loop, "industryts-progress");
    thread.setDaemon(true);
  }

  /** Starts reporting; {@code startNanos} is the job's start on {@link System#nanoTime()}. */
  static Progress start(PrintStream err, long startNanos) {
    Progress p = new Progress(err, startNanos);
    p.thread.start();
    return p;
  }

  /** Reports counters of {@code running} from now on. */
  void watch(PipelineResult running) {
    this.result = running;
  }

  private void loop() {
    try {
      while (!done) {
        Thread.sleep(INTERVAL_MILLIS);
        if (done) {
          return;
        }
        double s = (System.nanoTime() - startNanos) / 1e9;
        Long read = rowsRead();
        err.println(
            String.format(
                Locale.ROOT,
                "industryts: %.0f s%s",
                s,
                read == null ? ", running" : String.format(Locale.ROOT, ", %,d rows read", read)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Long rowsRead() {
    PipelineResult r = result;
    if (r == null) {
      return null;
    }
    try {
      long sum = 0;
      boolean any = false;
      for (MetricResult<Long> c :
          r.metrics()
              .queryMetrics(
                  MetricsFilter.builder()
                      .addNameFilter(MetricNameFilter.named("industryts", JobPipeline.ROWS_READ))
                      .build())
              .getCounters()) {
        sum += c.getAttempted();
        any = true;
      }
      return any ? sum : null;
    } catch (RuntimeException e) {
      return null; // metrics of a running job are best effort
    }
  }

  @Override
  public void close() {
    done = true;
    thread.interrupt();
  }
}

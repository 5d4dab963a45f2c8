package io.industryts.runners;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the fixed cost of a {@code run} goes: wall and process CPU seconds of each launcher phase
 * (JVM start up to the launcher's {@code main}, loading the job file, Beam's options, building the
 * pipeline, running it). Printed under {@code --verbose} only; when off, {@link #mark} does
 * nothing.
 *
 * <p>Example, as printed by {@code industryts run --verbose examples/configs/quickstart.toml}:
 *
 * <pre>
 * industryts: timings, wall / CPU s: jvm 0.21 / 0.30, job 0.25 / 0.38, options 0.02 / 0.04,
 *   pipeline 0.41 / 0.70, run 0.80 / 1.45, total 1.69 / 2.87
 * </pre>
 *
 * <p>CPU is the whole process's (every thread: the JIT compilers, the garbage collector, Beam's
 * workers), so a phase's CPU can exceed its wall time on several cores.
 */
final class StartupTimings {
  private final boolean on;
  private final List<String> names = new ArrayList<>();
  private final List<long[]> marks = new ArrayList<>();

  private StartupTimings(boolean on) {
    this.on = on;
  }

  /**
   * Starts the phases at this moment; the time before it is the JVM's start. For example {@code
   * StartupTimings t = StartupTimings.start(cl.isVerbose()); ...; t.mark("job");}.
   */
  static StartupTimings start(boolean on) {
    StartupTimings t = new StartupTimings(on);
    if (on) {
      long wall = System.nanoTime();
      long uptimeNanos = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
      t.marks.add(new long[] {wall - uptimeNanos, 0});
      t.mark("jvm");
    }
    return t;
  }

  /** Ends the phase called {@code name} now; the next phase starts here. */
  void mark(String name) {
    if (on) {
      names.add(name);
      marks.add(new long[] {System.nanoTime(), processCpuNanos()});
    }
  }

  /** Whether timings are taken. */
  boolean isOn() {
    return on;
  }

  /**
   * One line, e.g. {@code industryts: timings, wall / CPU s: jvm 0.21 / 0.30, job 0.25 / 0.38,
   * total 0.46 / 0.68}; empty when off.
   */
  String format() {
    if (!on || names.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("industryts: timings, wall / CPU s:");
    for (int i = 0; i < names.size(); i++) {
      long[] from = marks.get(i);
      long[] to = marks.get(i + 1);
      s.append(i == 0 ? " " : ", ").append(names.get(i)).append(' ');
      s.append(seconds(to[0] - from[0])).append(" / ").append(seconds(to[1] - from[1]));
    }
    long[] first = marks.get(0);
    long[] last = marks.get(marks.size() - 1);
    s.append(", total ")
        .append(seconds(last[0] - first[0]))
        .append(" / ")
        .append(seconds(last[1] - first[1]));
    return s.append(System.lineSeparator()).toString();
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
  }

  /** The process's CPU time (user + system, all threads), or 0 where the JVM does not say. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return Math.max(0, ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime());
    }
    return 0;
  }
}

package io.industryts.runners;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Notices when the Java heap was (nearly) exhausted during a run. The DirectRunner catches an
 * {@link OutOfMemoryError} on its worker threads, logs it and may still report the pipeline as
 * done; the launcher then sees a job that did not write its outputs. This watch tells it why: after
 * a garbage collection a heap pool was still above {@value #THRESHOLD_PERCENT}% of its maximum.
 */
final class MemoryWatch {
  static final int THRESHOLD_PERCENT = 90;

  private MemoryWatch() {}

  /** Arms the collection-usage thresholds of the heap pools that support them (once per JVM). */
  static void arm() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()) {
        long max = pool.getUsage().getMax();
        if (max > 0) {
          pool.setCollectionUsageThreshold(max / 100 * THRESHOLD_PERCENT);
        }
      }
    }
  }

  /** Whether a heap pool stayed above the threshold after a collection since {@link #arm}. */
  static boolean heapWasExhausted() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP
          && pool.isCollectionUsageThresholdSupported()
          && pool.getCollectionUsageThreshold() > 0
          && pool.getCollectionUsageThresholdCount() > 0) {
        return true;
      }
    }
    return false;
  }

  /** The maximum heap, e.g. {@code "512 MB"}. */
  static String maxHeap() {
    long max = Runtime.getRuntime().maxMemory();
    return max >= 1L << 30
        ? String.format(java.util.Locale.ROOT, "%.1f GB", max / (double) (1L << 30))
        : (max >> 20) + " MB";
  }
}

package io.industryts.config.ops;

import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import org.joda.time.Duration;

/**
 * Parameters several operations declare identically — bucket edges and origin of {@code resample}
 * and {@code group_by_time}, {@code ddof} — declared once so their TOML surface cannot drift apart.
 */
final class SharedParams {
  /** {@code closed}: the inclusive bucket edge. */
  static final ParamSpec BUCKET_CLOSED =
      ParamSpec.of("closed", ParamType.STRING)
          .defaultsTo("left")
          .allowed("left", "right")
          .doc("Which bucket edge is inclusive.");

  /** {@code label}: the bucket edge naming the output row. */
  static final ParamSpec BUCKET_LABEL =
      ParamSpec.of("label", ParamType.STRING)
          .defaultsTo("left")
          .allowed("left", "right")
          .doc("Which bucket edge labels the output row.");

  /** {@code origin} of the bucket grid. */
  static final ParamSpec BUCKET_ORIGIN =
      ParamSpec.of("origin", ParamType.STRING)
          .defaultsTo("epoch")
          .doc("epoch, start_day, start, or a time.");

  /** {@code offset} added to the bucket origin. */
  static final ParamSpec BUCKET_OFFSET =
      ParamSpec.of("offset", ParamType.OFFSET)
          .defaultsTo(Duration.ZERO)
          .doc("Added to the origin; may be negative.");

  /** {@code ddof} of the std and var statistics. */
  static final ParamSpec DDOF =
      ParamSpec.of("ddof", ParamType.INT)
          .defaultsTo(1)
          .atLeast(0)
          .doc("Delta degrees of freedom for std and var.");

  private SharedParams() {}
}

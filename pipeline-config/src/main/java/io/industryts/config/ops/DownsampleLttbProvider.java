package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.DownsampleLttb;

/** {@code downsample_lttb} (SEMANTICS §2.8.5): keep the rows that keep a column's shape. */
public final class DownsampleLttbProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("downsample_lttb")
          .doc(
              "Keep `points` rows per series that preserve the shape of one column "
                  + "(Largest-Triangle-Three-Buckets), for plots and dashboards.")
          .param(
              ParamSpec.of("column", ParamType.STRING)
                  .required()
                  .doc("Numeric column whose shape is kept; rows where it is null are dropped."))
          .param(
              ParamSpec.of("points", ParamType.INT)
                  .required()
                  .atLeast(3)
                  .doc("Rows kept per series (first, last and one per bucket); all when fewer."))
          .example("[[operations]]\ntype = \"downsample_lttb\"\ncolumn = \"flow\"\npoints = 2000\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    return DownsampleLttb.to(p.integer("points")).on(p.string("column"));
  }
}

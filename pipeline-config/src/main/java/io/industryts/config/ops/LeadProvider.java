package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Lead;
import org.joda.time.Duration;

/** {@code lead} (SEMANTICS §2.3.1): values of later rows, by position or by time. */
public final class LeadProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      SharedParams.shift("lead", "Add {c}_lead{n} (rows) or {c}_lead_{d} (as-of in time) columns.");

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    // one step may mix rows and durations (SEMANTICS §2.3.1); outputs follow the list's order
    Lead op = null;
    for (Object period : p.list("periods")) {
      if (period instanceof Integer) {
        op = op == null ? Lead.rows((Integer) period) : op.andRows((Integer) period);
      } else {
        op = op == null ? Lead.by((Duration) period) : op.andBy((Duration) period);
      }
    }
    if (op == null) {
      throw new IllegalArgumentException(
          "Lead: periods must not be empty. Got []; expected ints"
              + " >= 1 and/or durations, e.g. periods = [1, 24, \"1d\"].");
    }
    op = op.of(p.columns());
    if (!p.string("suffix").isEmpty()) {
      op = op.withSuffix(p.string("suffix"));
    }
    return p.isSet("tolerance") ? op.withTolerance(p.duration("tolerance")) : op;
  }
}

package io.industryts.config.ops;

import io.industryts.config.KeyProblem;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.AsofJoin;

/**
 * {@code asof_join} (SEMANTICS §2.2.4): align a second, named input by nearest earlier / later
 * time. The input is registered with {@code [inputs.<name>]} or {@code --input name=PATH}; Java
 * callers of {@code IndustryPipeline.fromToml} supply it as a {@code PCollection<Row>} by name.
 */
public final class AsofJoinProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("asof_join")
          .doc(
              "Add the columns of the right input's row nearest in time (earlier, later or either)"
                  + " with equal keys; left outer, like pandas merge_asof.")
          .param(
              ParamSpec.of("right", ParamType.STRING)
                  .required()
                  .doc(
                      "Name of a second input registered with [inputs.<name>] or --input name=PATH."))
          .param(
              ParamSpec.of("right_time_column", ParamType.STRING)
                  .defaultsToDescribed("auto (time column rules on the right schema)")
                  .doc("Time column of the right input."))
          .param(
              ParamSpec.of("by", ParamType.STRING_LIST)
                  .defaultsToDescribed("pipeline key_columns")
                  .doc("Equality keys; key columns of the left input that exist on the right too."))
          .param(
              ParamSpec.of("columns", ParamType.STRING_LIST)
                  .defaultsToDescribed("right fields except its time column and by")
                  .doc("Right columns to add, in this order."))
          .param(
              ParamSpec.of("direction", ParamType.STRING)
                  .defaultsTo("backward")
                  .allowed("backward", "forward", "nearest")
                  .doc(
                      "backward: last right time <= t; forward: first >= t; nearest: the closer "
                          + "(equal distance: backward)."))
          .param(
              ParamSpec.of("tolerance", ParamType.DURATION)
                  .defaultsToDescribed("none")
                  .doc("Largest allowed distance between left and right time, inclusive."))
          .param(
              ParamSpec.of("allow_exact_matches", ParamType.BOOL)
                  .defaultsTo(true)
                  .doc("false: a right row at exactly the left time is not a candidate."))
          .param(
              ParamSpec.of("suffix", ParamType.STRING)
                  .defaultsTo("_right")
                  .doc("Appended to an added column whose name exists on the left."))
          .example(
              "[inputs.weather]\npath = \"weather.csv\"\n\n[[operations]]\n"
                  + "type = \"asof_join\"\nright = \"weather\"\nby = [\"site\"]\n"
                  + "tolerance = \"30min\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    String right = p.string("right");
    if (!context.inputNames().contains(right)) {
      throw new KeyProblem(
          "right",
          "input \""
              + right
              + "\" is not registered. Registered inputs: "
              + context.inputNames()
              + ". Declare [inputs."
              + right
              + "] path = \"...\" or pass "
              + "--input "
              + right
              + "=PATH.");
    }
    if (right.equals("main")) {
      throw new KeyProblem(
          "right",
          "right = \"main\" joins the main input with itself, which "
              + "is not supported. Got \"main\"; expected the name of an [inputs.<name>] table.");
    }
    AsofJoin join =
        AsofJoin.withInput(right)
            .withDirection(
                ProviderSupport.constant(AsofJoin.Direction.class, p.string("direction")))
            .withExactMatches(p.bool("allow_exact_matches"))
            .withSuffix(p.string("suffix"));
    if (p.isSet("right_time_column")) {
      join = join.withRightTimeColumn(p.string("right_time_column"));
    }
    if (p.isSet("by")) {
      join = join.on(p.<String>list("by"));
    }
    if (p.isSet("columns")) {
      join = join.columns(p.<String>list("columns"));
    }
    if (p.isSet("tolerance")) {
      join = join.withTolerance(p.duration("tolerance"));
    }
    return join;
  }
}

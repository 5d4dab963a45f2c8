package io.industryts.runners;

import io.industryts.config.JobConfig;
import io.industryts.config.JobPlan;
import io.industryts.config.StepConfig;
import io.industryts.io.FileInput;
import io.industryts.io.TypeDecision;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.schemas.Schema;

/**
 * {@code industryts explain}: what a job will do, without processing rows. Reads only the input's
 * header or file schema (and those of the named inputs), then prints the inputs, the resolved time
 * column and why, the keys, the input schema as read, how each input column got its type (set, or
 * inferred from the CSV sample and with how many sample cells that will be row errors), every step
 * with all its keys (defaults included), the output schema, and how the steps fuse into passes over
 * the data.
 */
final class Explain {
  private Explain() {}

  static int print(JobConfig job, CommandLine cl, PrintStream out) {
    JobPipeline.Overrides overrides = JobPipeline.Overrides.from(cl);
    String input = JobPipeline.mainInputPath(job, overrides);
    FileInput file = Inputs.reader(input, job.input().orElse(null), job);
    JobPlan plan = JobPlan.of(job, file, JobPipeline.namedInputSchemas(job, overrides));

    out.println("job:          " + cl.jobFile() + " (pipeline \"" + job.pipelineName() + "\")");
    out.println("input:        " + input);
    for (Map.Entry<String, String> named : JobPipeline.namedInputPaths(job, overrides).entrySet()) {
      out.println(
          "input "
              + named.getKey()
              + ": "
              + " ".repeat(Math.max(0, 6 - named.getKey().length()))
              + named.getValue());
    }
    out.println("time column:  " + plan.timeColumn() + " (" + plan.timeColumnReason() + ")");
    out.println(
        "keys:         " + (plan.keyColumns().isEmpty() ? "none (one series)" : plan.keyColumns()));
    out.println("time zone:    " + plan.timeZone().getId());
    out.println("time parsing: " + job.timeSettings());
    out.println();
    out.println("input schema (as read):");
    printSchema(plan.inputSchema(), plan.timeColumn(), plan.keyColumns(), out);
    out.println();
    out.println("input types (why):");
    printTypeDecisions(file.typeDecisions(), out);
    out.println();
    out.println("operations:");
    for (StepConfig step : job.steps()) {
      out.println("  " + step.index() + ". " + step.name() + " (" + step.id() + ")");
      for (Map.Entry<String, String> e : step.params().resolved().entrySet()) {
        if (!e.getKey().equals("name")) {
          out.println("       " + e.getKey() + " = " + e.getValue());
        }
      }
    }
    if (job.steps().isEmpty()) {
      out.println("  (none: the input is written as read)");
    }
    out.println();
    out.println("output schema:");
    printSchema(plan.outputSchema(), plan.outputTimeField(), plan.outputKeyFields(), out);
    out.println();
    out.println("execution:");
    for (String line : plan.run().explain()) {
      out.println("  " + line);
    }
    out.println();
    try {
      out.println("outputs:      " + String.join(", ", JobPipeline.outputs(job, overrides)));
    } catch (IllegalArgumentException e) {
      out.println("outputs:      none configured (give --output PATH to run)");
    }
    Optional<String> errors = JobPipeline.errorsPath(job, overrides);
    out.println(
        "bad rows:     "
            + errors
                .map(p -> "dead-lettered to " + p)
                .orElse("the job fails on the first one (no --errors / [output] errors)"));
    return Main.OK;
  }

  /** One line per column: name, type and why it has that type. */
  static void printTypeDecisions(List<TypeDecision> decisions, PrintStream out) {
    int width = 4;
    for (TypeDecision d : decisions) {
      width = Math.max(width, d.column().length());
    }
    for (TypeDecision d : decisions) {
      out.println(
          String.format(
              "  %-" + width + "s  %-8s  %s", d.column(), d.type().getTypeName(), d.reason()));
    }
  }

  private static void printSchema(
      Schema schema, String timeField, List<String> keyFields, PrintStream out) {
    int width = 4;
    for (Schema.Field f : schema.getFields()) {
      width = Math.max(width, f.getName().length());
    }
    for (int i = 0; i < schema.getFieldCount(); i++) {
      Schema.Field f = schema.getField(i);
      String role =
          f.getName().equals(timeField) ? "  time" : keyFields.contains(f.getName()) ? "  key" : "";
      out.println(
          String.format(
              "  %-" + width + "s  %s%s%s",
              f.getName(),
              f.getType().getTypeName(),
              f.getType().getNullable() ? " (nullable)" : "",
              role));
    }
  }
}

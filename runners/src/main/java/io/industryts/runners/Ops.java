package io.industryts.runners;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationDocs;
import io.industryts.config.OperationRegistry;
import java.io.PrintStream;

/**
 * {@code industryts ops [TYPE]}: the operations' self-documentation, rendered from their
 * descriptions (the same data the job-file loader validates against, ARCHITECTURE §4).
 */
final class Ops {
  private Ops() {}

  static int print(OperationRegistry registry, String type, PrintStream out, PrintStream err) {
    if (type == null) {
      out.println("Operations (industryts ops TYPE for keys and an example):");
      out.println();
      out.print(OperationDocs.summary(registry));
      return Main.OK;
    }
    for (OperationDescription d : registry.descriptions()) {
      if (d.type().equals(type)) {
        out.print(OperationDocs.describe(d));
        return Main.OK;
      }
    }
    err.println(
        "industryts: unknown operation type \""
            + type
            + "\""
            + Suggestions.didYouMean(type, registry.types())
            + ". Known types: "
            + registry.types()
            + ".");
    return Main.INVALID;
  }
}

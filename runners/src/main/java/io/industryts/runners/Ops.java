package io.industryts.runners;

import io.industryts.runners.pending.OperationDescription;
import io.industryts.runners.pending.OperationRegistry;
import io.industryts.runners.pending.ParamSpec;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code industryts ops [TYPE]}: the operations' self-documentation, generated from their
 * descriptions (the same data the job-file loader validates against, ARCHITECTURE §4).
 */
final class Ops {
  private Ops() {}

  static int print(OperationRegistry registry, String type, PrintStream out, PrintStream err) {
    if (type == null) {
      int width = 4;
      for (OperationDescription d : registry.descriptions()) {
        width = Math.max(width, d.type().length());
      }
      out.println("Operations (industryts ops TYPE for keys and an example):");
      for (OperationDescription d : registry.descriptions()) {
        out.println(String.format(Locale.ROOT, "  %-" + width + "s  %s", d.type(), d.doc()));
      }
      return Main.OK;
    }
    for (OperationDescription d : registry.descriptions()) {
      if (d.type().equals(type)) {
        describe(d, out);
        return Main.OK;
      }
    }
    err.println("industryts: unknown operation type \"" + type + "\""
        + Suggestions.didYouMean(type, registry.types()) + ". Known types: " + registry.types()
        + ".");
    return Main.INVALID;
  }

  private static void describe(OperationDescription d, PrintStream out) {
    out.println(d.type() + " (" + d.id() + ")");
    out.println("  " + d.doc());
    out.println();
    out.println("Keys:");
    for (ParamSpec p : d.params()) {
      StringBuilder sb = new StringBuilder("  ").append(p.key()).append(" (")
          .append(p.type().display()).append(", ")
          .append(p.isRequired() ? "required" : "default " + p.defaultDisplay());
      if (!p.allowedValues().isEmpty()) {
        sb.append(", one of ").append(String.join(" | ", p.allowedValues()));
      }
      if (p.minimum() != null) {
        sb.append(p.isMinimumExclusive() ? ", > " : ", >= ").append(number(p.minimum()));
      }
      sb.append(')');
      out.println(sb);
      if (!p.doc().isEmpty()) {
        out.println("      " + p.doc());
      }
    }
    out.println();
    out.println("Example:");
    for (String line : d.example().split("\n")) {
      out.println("  " + line);
    }
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}

package io.industryts.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders {@link OperationDescription}s as text for {@code industryts ops} and generated docs: the
 * one-line doc, a table of keys (type, default, allowed values, doc), the rules between keys and a
 * TOML example. Everything comes from the descriptions; nothing here is written twice.
 *
 * <pre>{@code
 * System.out.println(OperationDocs.summary(OperationRegistry.load()));   // one line per type
 * System.out.println(OperationDocs.describe(registry.find("resample").get().description()));
 * }</pre>
 */
public final class OperationDocs {
  private OperationDocs() {}

  /** One line per operation: {@code type id doc}, aligned, sorted by type. */
  public static String summary(OperationRegistry registry) {
    List<OperationDescription> all = registry.descriptions();
    int typeWidth = all.stream().mapToInt(d -> d.type().length()).max().orElse(0);
    int idWidth = all.stream().mapToInt(d -> d.id().length()).max().orElse(0);
    return all.stream()
        .map(d -> pad(d.type(), typeWidth) + "  " + pad(d.id(), idWidth) + "  " + d.doc())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /**
   * A Markdown reference of the file format: the {@code [pipeline]}, {@code [input]} and {@code
   * [output]} keys, then every operation of {@code registry} (for {@code docs/operations.md}).
   */
  public static String reference(OperationRegistry registry) {
    StringBuilder sb = new StringBuilder("# industryts operations\n\n");
    sb.append("## [pipeline]\n\n").append(keyTable(JobConfig.pipelineKeys()));
    sb.append("\n## [input] and [inputs.<name>]\n\n").append(keyTable(JobConfig.inputKeys()));
    sb.append("\n## [output]\n\n").append(keyTable(JobConfig.outputKeys()));
    for (OperationDescription d : registry.descriptions()) {
      sb.append('\n').append(describe(d));
    }
    return sb.toString();
  }

  /** The full description of one operation as a Markdown section. */
  public static String describe(OperationDescription d) {
    StringBuilder sb = new StringBuilder();
    sb.append("## ").append(d.type()).append(" (").append(d.id()).append(")\n\n");
    sb.append(d.doc()).append("\n\n");
    sb.append(keyTable(d.params()));
    if (!d.rules().isEmpty()) {
      sb.append("\nRules:\n");
      for (ParamRule r : d.rules()) {
        sb.append("- ").append(r.doc()).append('\n');
      }
    }
    sb.append("\nExample:\n\n```toml\n").append(d.example());
    if (!d.example().endsWith("\n")) {
      sb.append('\n');
    }
    return sb.append("```\n").toString();
  }

  /** A Markdown table of keys: key, type, default, allowed, meaning. */
  public static String keyTable(List<ParamSpec> params) {
    StringBuilder sb = new StringBuilder("| key | type | default | allowed | meaning |\n");
    sb.append("|---|---|---|---|---|\n");
    for (ParamSpec p : params) {
      String allowed = p.allowedValues().isEmpty() ? "" : String.join(", ", p.allowedValues());
      if (p.minimum() != null) {
        String bound =
            p.minimum() == Math.rint(p.minimum())
                ? Long.toString(p.minimum().longValue())
                : p.minimum().toString();
        allowed =
            (allowed.isEmpty() ? "" : allowed + "; ")
                + (p.isMinimumExclusive() ? "> " : ">= ")
                + bound;
      }
      sb.append("| `")
          .append(p.key())
          .append("` | ")
          .append(escape(p.type().display()))
          .append(" | ")
          .append(escape(p.defaultDisplay()))
          .append(" | ")
          .append(escape(allowed))
          .append(" | ")
          .append(escape(p.doc()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("|", "\\|");
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}

package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.engine.spi.ChunkLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Output layout of the SEMANTICS §2.5 transformations: each column replaced in place as DOUBLE, or,
 * with a suffix, a derived {@code {c}{suffix}} column appended; optionally a derived per-column
 * parameter column ({@code {c}_boxcox_lambda}) after each column's output.
 */
final class DoubleOutputs {
  final ChunkLayout layout;

  /** Field index of each column's transformed output. */
  final int[] targets;

  /** Field index of each column's parameter column, or null when none is emitted. */
  final int[] extras;

  private DoubleOutputs(ChunkLayout layout, int[] targets, int[] extras) {
    this.layout = layout;
    this.targets = targets;
    this.extras = extras;
  }

  /**
   * @param op operation name for messages
   * @param idx resolved source columns
   * @param suffix empty = in place
   * @param extraName the name of a column's parameter column, e.g. {@link
   *     OutputNames#boxCoxLambda}, or null for none; the suffix is appended to it
   */
  static DoubleOutputs plan(
      String op, ChunkLayout input, int[] idx, String suffix, UnaryOperator<String> extraName) {
    Schema in = input.schema();
    Schema.Builder sb = Schema.builder();
    int[] targets = new int[idx.length];
    int[] extras = extraName == null ? null : new int[idx.length];
    for (int f = 0; f < in.getFieldCount(); f++) {
      Field field = in.getField(f);
      int pos = FillNull.indexOf(idx, f);
      if (pos >= 0 && !OutputNames.addsColumn(suffix)) {
        sb.addField(field.withType(FieldType.DOUBLE.withNullable(true)));
        targets[pos] = f;
      } else {
        sb.addField(field);
      }
    }
    List<String> names = new ArrayList<>();
    int next = in.getFieldCount();
    for (int c = 0; c < idx.length; c++) {
      String src = in.getField(idx[c]).getName();
      if (OutputNames.addsColumn(suffix)) {
        String name = OutputNames.inPlace(src, suffix);
        names.add(name);
        sb.addField(OpColumns.derived(name, FieldType.DOUBLE));
        targets[c] = next++;
      }
      if (extraName != null) {
        String name = OutputNames.suffixed(extraName.apply(src), suffix);
        names.add(name);
        sb.addField(OpColumns.derived(name, FieldType.DOUBLE));
        extras[c] = next++;
      }
    }
    OutputNames.checkNoClash(op, in, names);
    return new DoubleOutputs(input.withSchema(sb.build()), targets, extras);
  }
}

package io.industryts.ops;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;

/**
 * Renames columns — SEMANTICS §2.6.3 {@code rename}.
 *
 * <pre>{@code
 * input.apply(Rename.of(Map.of("Volume Flow RateRMS", "flow")));
 * }</pre>
 *
 * <p>pandas {@code df.rename(columns=mapping)}. Renaming the time column or a key column is
 * allowed: later steps find it under its new name. Names may be swapped ({@code a → b, b → a}).
 *
 * <p>Output schema: the input fields in their order, renamed; type, nullability and the derived
 * mark (§1.5) are kept. Example: fields {@code DateTime, Volume Flow RateRMS} with {@code mapping =
 * {"Volume Flow RateRMS" = "flow"}} give {@code DateTime, flow}.
 *
 * <p>Edges: rows and values are untouched; empty input gives an empty output of the new schema.
 * Class {@code row}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code row}. Windowed input (e.g. {@code FixedWindows}):
 * each window is processed on its own (state is per key and window), so the first rows of a window
 * see no rows of the previous one. Unbounded input in the global window runs on the streaming
 * executor (docs/streaming.md): rows are emitted when the watermark passes them. On windowed input,
 * a trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for an empty mapping or new name, a missing column, or a new
 *     name that an unrenamed column (or another renamed one) already has
 */
public final class Rename extends TimeSeriesTransform<Rename> {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> mapping;

  private Rename(SeriesOptions options, Map<String, String> mapping) {
    super(options);
    this.mapping = new LinkedHashMap<>(mapping);
  }

  /** Renames each key of {@code mapping} to its value. */
  public static Rename of(Map<String, String> mapping) {
    if (mapping == null || mapping.isEmpty()) {
      throw new IllegalArgumentException(
          "Rename: mapping is required. Got {}; expected old name ->" + " new name.");
    }
    for (Map.Entry<String, String> e : mapping.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) {
        throw new IllegalArgumentException(
            "Rename: the new name of \""
                + e.getKey()
                + "\" is empty. Got \"\"; expected a field name.");
      }
    }
    return new Rename(SeriesOptions.defaults(), mapping);
  }

  /** Renames one column. */
  public static Rename column(String from, String to) {
    return of(Map.of(from, to));
  }

  @Override
  protected Rename withOptions(SeriesOptions o) {
    return new Rename(o, mapping);
  }

  @Override
  public String typeName() {
    return "rename";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("mapping", new TreeMap<>(mapping));
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    Schema in = input.schema();
    for (String old : mapping.keySet()) {
      if (!in.hasField(old)) {
        throw new IllegalArgumentException(
            "Rename: column \"" + old + "\" not found. Available fields: " + in.getFieldNames());
      }
    }
    Set<String> taken = new HashSet<>();
    for (Field f : in.getFields()) {
      if (!mapping.containsKey(f.getName())) {
        taken.add(f.getName());
      }
    }
    Set<String> added = new HashSet<>();
    for (String to : mapping.values()) {
      if (taken.contains(to) || !added.add(to)) {
        throw new IllegalArgumentException("Rename: \"" + to + "\" already exists.");
      }
    }
    Schema.Builder b = Schema.builder();
    int[] sources = new int[in.getFieldCount()];
    for (int f = 0; f < in.getFieldCount(); f++) {
      Field field = in.getField(f);
      b.addField(field.withName(mapping.getOrDefault(field.getName(), field.getName())));
      sources[f] = f;
    }
    String time = mapping.getOrDefault(input.timeField(), input.timeField());
    List<String> keys = new ArrayList<>();
    boolean keyRenamed = false;
    for (String k : input.keyFields()) {
      keys.add(mapping.getOrDefault(k, k));
      keyRenamed |= mapping.containsKey(k);
    }
    ChunkLayout out =
        ChunkLayout.of(b.build(), time, keys).withElementTimeOffset(input.elementTimeOffset());
    return new ColumnMap(context.stepName(), out, sources, keyRenamed);
  }
}

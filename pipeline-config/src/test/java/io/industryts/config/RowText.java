package io.industryts.config;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/** Rows rendered as comma-joined cell text, so pipeline outputs can be compared as strings. */
final class RowText {
  private RowText() {}

  /** {@link #render(String, PCollection)} as the step {@code render}. */
  static PCollection<String> render(PCollection<Row> rows) {
    return render("render", rows);
  }

  /** Each row as its cells' {@code String.valueOf} joined by {@code ,}, in field order. */
  static PCollection<String> render(String name, PCollection<Row> rows) {
    return rows.apply(
        name,
        MapElements.into(TypeDescriptors.strings())
            .via(
                r -> {
                  List<String> cells = new ArrayList<>();
                  for (int i = 0; i < r.getFieldCount(); i++) {
                    cells.add(String.valueOf((Object) r.getValue(i)));
                  }
                  return String.join(",", cells);
                }));
  }
}

package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.RowValues;
import org.apache.beam.sdk.schemas.Schema;

/** Renders one chunk row as a JSON object, for error records. */
final class RowJson {
  private RowJson() {}

  static String of(Chunk chunk, int row) {
    Schema schema = chunk.schema();
    StringBuilder sb = new StringBuilder("{");
    for (int f = 0; f < schema.getFieldCount(); f++) {
      if (f > 0) {
        sb.append(", ");
      }
      quote(sb, schema.getField(f).getName());
      sb.append(": ");
      Object v = RowValues.toRowValue(chunk, f, row);
      if (v == null) {
        sb.append("null");
      } else if (v instanceof Number || v instanceof Boolean) {
        sb.append(v);
      } else {
        quote(sb, v.toString());
      }
    }
    return sb.append('}').toString();
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    sb.append('"');
  }
}

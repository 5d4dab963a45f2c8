package io.industryts.io;

import static io.industryts.io.BinarySource.BOOL;
import static io.industryts.io.BinarySource.DATE_DAYS;
import static io.industryts.io.BinarySource.DATE_MS;
import static io.industryts.io.BinarySource.DECIMAL;
import static io.industryts.io.BinarySource.DOUBLE;
import static io.industryts.io.BinarySource.FLOAT;
import static io.industryts.io.BinarySource.INT96;
import static io.industryts.io.BinarySource.LONG;
import static io.industryts.io.BinarySource.MS_PER_DAY;
import static io.industryts.io.BinarySource.STRING;
import static io.industryts.io.BinarySource.TS_MS;
import static io.industryts.io.BinarySource.TS_NS;
import static io.industryts.io.BinarySource.TS_S;
import static io.industryts.io.BinarySource.TS_US;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ErrorRecords;
import io.industryts.io.BinarySource.Plan;
import io.industryts.io.BinarySource.SourceColumn;
import io.industryts.time.TimeParseException;
import io.industryts.time.TimeParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/** Converts batches of column values into chunks per series and error rows. */
final class BinaryEmitter {
  private final Plan plan;
  private final String source;
  private final boolean provenance;
  private final long seqBase;
  private final ReadItem.Sink out;
  private final Map<List<Object>, ChunkAssembler> series = new HashMap<>();
  private final ChunkAssembler single;
  long rows;
  long errors;

  /**
   * {@code provenance}: rows carry their file and row number ({@link ChunkAssembler#setSource}).
   */
  BinaryEmitter(Plan plan, int fileIndex, ReadItem.Sink out, boolean provenance) {
    this.plan = plan;
    this.source = plan.files.get(fileIndex);
    this.provenance = provenance;
    this.seqBase = ((long) fileIndex) << 40;
    this.out = out;
    this.single =
        plan.layout.keyFields().isEmpty()
            ? new ChunkAssembler(
                plan.layout, Row.withSchema(plan.layout.keySchema()).build(), plan.chunkRows)
            : null;
    if (single != null && provenance) {
      single.setSource(source);
    }
  }

  void batch(Values[] values, int n, long firstRow) {
    List<SourceColumn> cols = plan.columns;
    int ti = plan.timeIndex;
    SourceColumn tcol = cols.get(ti);
    Values tv = values[ti];
    Object[] key = new Object[plan.layout.keySchema().getFieldCount()];
    rowLoop:
    for (int i = 0; i < n; i++) {
      long rowNumber = firstRow + i + 1;
      if (tv.nulls[i]) {
        error(
            values,
            i,
            rowNumber,
            "null_time",
            tcol.name,
            plan.timeDescription + " is null; every row needs a time");
        continue;
      }
      long time;
      try {
        time = timeOf(tcol, tv, i);
      } catch (TimeParseException e) {
        error(
            values,
            i,
            rowNumber,
            e.reason(),
            tcol.name,
            plan.timeDescription + ": " + e.getMessage());
        continue;
      }
      ChunkAssembler a = single;
      if (a == null) {
        for (int c = 0; c < cols.size(); c++) {
          int k = plan.keyPosition[c];
          if (k >= 0) {
            try {
              key[k] = values[c].nulls[i] ? null : cellValue(cols.get(c), values[c], i);
            } catch (TimeParseException e) {
              error(
                  values,
                  i,
                  rowNumber,
                  e.reason(),
                  cols.get(c).name,
                  "column \"" + cols.get(c).name + "\": " + e.getMessage());
              continue rowLoop;
            }
          }
        }
        List<Object> keyList = Arrays.asList(key.clone());
        a = series.get(keyList);
        if (a == null) {
          a =
              new ChunkAssembler(
                  plan.layout,
                  Row.withSchema(plan.layout.keySchema()).addValues(keyList).build(),
                  plan.chunkRows);
          if (provenance) {
            a.setSource(source);
          }
          series.put(keyList, a);
        }
      }
      for (int c = 0; c < cols.size(); c++) {
        if (c == ti || plan.keyPosition[c] >= 0) {
          continue;
        }
        SourceColumn sc = cols.get(c);
        Values v = values[c];
        if (v.nulls[i]) {
          a.setNull(c);
          continue;
        }
        switch (a.kind(c)) {
          case 'D':
            double d = v.doubles[i];
            if (Double.isNaN(d) && plan.nanAsNull) {
              a.setNull(c);
            } else {
              a.setDouble(c, d);
            }
            break;
          case 'L':
            a.setLong(c, v.longs[i]);
            break;
          case 'B':
            a.setBoolean(c, v.bools[i]);
            break;
          default:
            try {
              a.setObject(c, cellValue(sc, v, i));
            } catch (TimeParseException e) {
              error(
                  values,
                  i,
                  rowNumber,
                  e.reason(),
                  sc.name,
                  "column \"" + sc.name + "\": " + e.getMessage());
              continue rowLoop;
            }
        }
      }
      long seq;
      if (plan.seqIndex >= 0) {
        if (values[plan.seqIndex].nulls[i]) {
          String name = cols.get(plan.seqIndex).name;
          error(
              values,
              i,
              rowNumber,
              "null_sequence",
              name,
              "sequence column \"" + name + "\" is null; every row needs a sequence number");
          continue;
        }
        seq = values[plan.seqIndex].longs[i];
      } else {
        seq = seqBase | (firstRow + i);
      }
      a.setTimeAndSeq(time, seq);
      a.setLine(rowNumber); // the 1-based row number, as in the read errors
      rows++;
      if (a.commit()) {
        emit(a, true);
      }
    }
  }

  /** The Row value of a non-null cell in the column's Beam type. */
  private Object cellValue(SourceColumn sc, Values v, int i) {
    switch (sc.conversion) {
      case LONG:
        long l = v.longs[i];
        switch (sc.type.getTypeName()) {
          case INT32:
            return (int) l;
          case INT16:
            return (short) l;
          case BYTE:
            return (byte) l;
          default:
            return l;
        }
      case FLOAT:
        return (float) v.doubles[i];
      case DOUBLE:
      case DECIMAL:
        return v.doubles[i];
      case BOOL:
        return v.bools[i];
      case STRING:
        return v.objects[i];
      default:
        return new Instant(timeOf(sc, v, i));
    }
  }

  /** Epoch millis of a non-null cell of a time-like or time column. */
  private long timeOf(SourceColumn sc, Values v, int i) {
    TimeParser parser = plan.timeParser;
    long x;
    switch (sc.conversion) {
      case TS_S:
        x = Math.multiplyExact(v.longs[i], 1000L);
        break;
      case TS_MS:
        x = v.longs[i];
        break;
      case TS_US:
        x = Math.floorDiv(v.longs[i], 1000L);
        break;
      case TS_NS:
        x = Math.floorDiv(v.longs[i], 1_000_000L);
        break;
      case INT96:
        return v.longs[i];
      case DATE_DAYS:
        return parser.fromLocalMillis(v.longs[i] * MS_PER_DAY);
      case DATE_MS:
        return parser.fromLocalMillis(v.longs[i]);
      case LONG:
        return parser.fromEpoch(v.longs[i]);
      case FLOAT:
      case DOUBLE:
      case DECIMAL:
        return parser.fromNumber(v.doubles[i]);
      case STRING:
        return parser.parse((String) v.objects[i]);
      default:
        throw new TimeParseException(
            TimeParseException.UNPARSEABLE,
            "column \"" + sc.name + "\" of type " + sc.fileType + " cannot hold times");
    }
    return sc.utc ? x : parser.fromLocalMillis(x);
  }

  private void error(
      Values[] values, int i, long rowNumber, String reason, String field, String message) {
    List<String> names = new ArrayList<>();
    List<Object> raw = new ArrayList<>();
    for (int c = 0; c < values.length; c++) {
      names.add(plan.columns.get(c).name);
      raw.add(values[c].raw(i));
    }
    out.error(
        ErrorRecords.of(
            source,
            rowNumber,
            "read",
            "read",
            reason,
            field,
            source + ": row " + rowNumber + ": " + message,
            Json.object(names, raw)));
    errors++;
  }

  private void emit(ChunkAssembler a, boolean more) {
    long min = a.minTime();
    Chunk c = a.take(more);
    if (c != null) {
      out.chunk(c, min);
    }
  }

  void finish() {
    if (single != null) {
      emit(single, false);
    }
    for (ChunkAssembler a : series.values()) {
      emit(a, false);
    }
  }

  /** Values of one column for a batch of rows (one of the arrays is used). */
  static final class Values {
    final long[] longs;
    final double[] doubles;
    final boolean[] bools;
    final Object[] objects;
    final boolean[] nulls;

    Values(int conversion, int n) {
      boolean isLong = conversion == LONG || (conversion >= TS_S && conversion <= DATE_MS);
      boolean isDouble = conversion == FLOAT || conversion == DOUBLE || conversion == DECIMAL;
      longs = isLong ? new long[n] : null;
      doubles = isDouble ? new double[n] : null;
      bools = conversion == BOOL ? new boolean[n] : null;
      objects = conversion == STRING ? new Object[n] : null;
      nulls = new boolean[n];
    }

    Object raw(int i) {
      if (nulls[i]) {
        return null;
      }
      return longs != null
          ? (Object) longs[i]
          : doubles != null ? (Object) doubles[i] : bools != null ? (Object) bools[i] : objects[i];
    }
  }
}

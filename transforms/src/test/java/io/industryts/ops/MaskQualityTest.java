package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.8.4 {@code mask_quality}: OPC DA defaults, words, pairs, edges and errors. */
class MaskQualityTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("flow", FieldType.DOUBLE)
          .addNullableField("temp", FieldType.INT64)
          .addNullableField("quality", FieldType.INT64)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  private static Chunk opcDa() {
    return chunk(
        LAYOUT,
        hms("00:00", "00:01", "00:02", "00:03", "00:04", "00:05"),
        col(1.0, 2.0, 3.0, 4.0, null, 6.0),
        col(10L, 20L, 30L, 40L, 50L, 60L),
        col(192L, 0L, 255L, null, 100L, 256L));
  }

  private static Chunk run(MaskQuality op, ChunkLayout layout, Chunk in, Map<String, Long> c) {
    Kernel k = op.plan(layout, plan("2_mask_quality"));
    return KernelHarness.run(k, in, in.size() > 2 ? new int[] {2} : new int[0], c);
  }

  @Test
  void opcDaDefaultKeeps192To255AndDropsTheQualityColumn() {
    Map<String, Long> c = new HashMap<>();
    Chunk out = run(MaskQuality.by("quality"), LAYOUT, opcDa(), c);
    assertEquals(List.of("t", "flow", "temp"), out.schema().getFieldNames());
    assertEquals(Arrays.asList(1.0, null, 3.0, null, null, null), values(out, "flow"));
    assertEquals(Arrays.asList(10L, null, 30L, null, null, null), values(out, "temp"));
    // flow at 00:04 was already null: masking it changes nothing and is not counted
    assertEquals(7L, c.get("values_masked"));
  }

  @Test
  void explicitCodesAndKeptQualityColumnIsDerived() {
    Map<String, Long> c = new HashMap<>();
    Chunk out =
        run(MaskQuality.by("quality").of("flow").withGood(0L).keepQuality(), LAYOUT, opcDa(), c);
    assertEquals(List.of("t", "flow", "temp", "quality"), out.schema().getFieldNames());
    assertEquals(Arrays.asList(null, 2.0, null, null, null, null), values(out, "flow"));
    assertEquals(Arrays.asList(10L, 20L, 30L, 40L, 50L, 60L), values(out, "temp"));
    assertEquals(4L, c.get("values_masked"));
    assertTrue(OpColumns.isDerived(out.schema().getField("quality")));
    assertFalse(OpColumns.isDerived(out.schema().getField("flow")));
    assertEquals(List.of("flow", "temp"), OpColumns.valueColumns(out.layout()));
  }

  @Test
  void wordsCompareCaseInsensitivelyAndNullQualityIsBad() {
    Schema s =
        Schema.builder()
            .addDateTimeField("t")
            .addNullableField("v", FieldType.DOUBLE)
            .addNullableField("q", FieldType.STRING)
            .build();
    ChunkLayout l = KernelHarness.layout(s, "t");
    Chunk in =
        chunk(
            l,
            hms("00:00", "00:01", "00:02", "00:03", "00:04"),
            col(1.0, 2.0, 3.0, 4.0, 5.0),
            col("Good", "GOOD", "Bad", null, "Uncertain"));
    Map<String, Long> c = new HashMap<>();
    assertEquals(
        Arrays.asList(1.0, 2.0, null, null, null), values(run(MaskQuality.by("q"), l, in, c), "v"));
    assertEquals(3L, c.get("values_masked"));
    assertEquals(
        Arrays.asList(1.0, 2.0, null, null, 5.0),
        values(run(MaskQuality.by("q").withGood("good", "UNCERTAIN"), l, in, c), "v"));
  }

  @Test
  void pairsGiveEachColumnItsOwnQuality() {
    Schema s =
        Schema.builder()
            .addDateTimeField("t")
            .addNullableField("a", FieldType.DOUBLE)
            .addNullableField("a_q", FieldType.INT32)
            .addNullableField("b", FieldType.DOUBLE)
            .addNullableField("b_q", FieldType.INT32)
            .build();
    ChunkLayout l = KernelHarness.layout(s, "t");
    Chunk in =
        chunk(
            l,
            hms("00:00", "00:01", "00:02"),
            col(1.0, 2.0, 3.0),
            col(192, 0, 192),
            col(4.0, 5.0, 6.0),
            col(0, 192, 192));
    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put("a", "a_q");
    pairs.put("b", "b_q");
    Map<String, Long> c = new HashMap<>();
    Chunk out = run(MaskQuality.pairs(pairs), l, in, c);
    assertEquals(List.of("t", "a", "b"), out.schema().getFieldNames());
    assertEquals(Arrays.asList(1.0, null, 3.0), values(out, "a"));
    assertEquals(Arrays.asList(null, 5.0, 6.0), values(out, "b"));
    assertEquals(2L, c.get("values_masked"));
  }

  @Test
  void keysAreNeverMaskedAndDoubleQualityUsesTheRange() {
    Schema s =
        Schema.builder()
            .addStringField("machine")
            .addDateTimeField("t")
            .addNullableField("kw", FieldType.DOUBLE)
            .addNullableField("q", FieldType.DOUBLE)
            .build();
    ChunkLayout l = KernelHarness.layout(s, "t", "machine");
    Chunk in =
        chunk(
            l,
            org.apache.beam.sdk.values.Row.withSchema(l.keySchema()).addValue("m1").build(),
            hms("00:00", "00:01"),
            col(1.0, 2.0),
            col(192.5, 191.9));
    Chunk out = run(MaskQuality.by("q"), l, in, new HashMap<>());
    assertEquals(List.of("machine", "t", "kw"), out.schema().getFieldNames());
    assertEquals(Arrays.asList(1.0, null), values(out, "kw"));
    assertEquals(Arrays.asList("m1", "m1"), values(out, "machine"));
  }

  @Test
  void emptyInputAndAllNullQuality() {
    Map<String, Long> c = new HashMap<>();
    Chunk empty = chunk(LAYOUT, hms(), col(), col(), col());
    assertEquals(0, run(MaskQuality.by("quality"), LAYOUT, empty, c).size());
    assertEquals(0L, c.get("values_masked"));
    Chunk allNull =
        chunk(
            LAYOUT,
            hms("00:00", "00:01", "00:02"),
            col(1.0, 2.0, 3.0),
            col(1L, 2L, 3L),
            col(null, null, null));
    assertEquals(
        Arrays.asList(null, null, null),
        values(run(MaskQuality.by("quality").of("flow"), LAYOUT, allNull, c), "flow"));
    assertEquals(3L, c.get("values_masked"));
  }

  @Test
  void errorsNameTheFix() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MaskQuality.by("quality").withGood("Good").plan(LAYOUT, plan("m")));
    assertEquals(
        "MaskQuality: good lists words [Good] but quality column \"quality\" is INT64."
            + " Got words; expected integer codes such as good = [192] (Java withGood(192L)).",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> MaskQuality.by("qual").plan(LAYOUT, plan("m")));
    assertEquals(
        "MaskQuality: column \"qual\" not found. Available fields: [t, flow, temp," + " quality]",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MaskQuality.by("quality").of("flow", "quality").plan(LAYOUT, plan("m")));
    assertEquals(
        "MaskQuality: column \"quality\" is a quality column and cannot be masked. Got"
            + " columns [flow, quality] and quality columns [quality]; expected them apart. Available"
            + " fields: [t, flow, temp, quality]",
        e.getMessage());
    Schema s =
        Schema.builder()
            .addDateTimeField("t")
            .addNullableField("v", FieldType.DOUBLE)
            .addNullableField("q", FieldType.BOOLEAN)
            .build();
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MaskQuality.by("q").plan(KernelHarness.layout(s, "t"), plan("m")));
    assertEquals(
        "MaskQuality: quality column \"q\" must hold numeric codes or words. Got BOOLEAN;"
            + " expected an integer (OPC DA/UA codes) or STRING column.",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MaskQuality.pairs(Map.of()));
    assertEquals(
        "MaskQuality: pairs must map at least one column to its quality column. Got {};"
            + " expected e.g. {flow = \"flow_q\"}.",
        e.getMessage());
  }
}

package io.industryts.ops;

import static io.industryts.ops.KernelHarness.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Operation;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/**
 * Output schemas keep a column NOT NULL where the operation cannot create a null (fills, clip,
 * interpolation, outlier clip/median, dedup mean), and make it nullable where it can.
 */
class OutputNullabilityTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addInt64Field("n")
          .addDoubleField("x")
          .addStringField("s")
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  private static FieldType typeOf(Operation op, String field) {
    return op.plan(LAYOUT, plan("s")).outputLayout().schema().getField(field).getType();
  }

  @Test
  void fillsKeepNotNullColumnsNotNull() {
    assertEquals(FieldType.INT64, typeOf(FillNull.forward(), "n"));
    assertEquals(FieldType.STRING, typeOf(FillNull.backward(), "s"));
    assertEquals(FieldType.DOUBLE, typeOf(FillNull.constant(0.0, "x"), "x"));
    assertEquals(FieldType.DOUBLE, typeOf(FillNull.mean("n"), "n"));
  }

  @Test
  void clipInterpolateAndDedupMeanKeepNotNull() {
    assertEquals(FieldType.INT64, typeOf(Clip.atLeast(0, "n"), "n"));
    assertEquals(FieldType.DOUBLE, typeOf(Clip.atLeast(0.5, "n"), "n"));
    assertEquals(FieldType.DOUBLE, typeOf(Interpolate.linear("x"), "x"));
    assertEquals(FieldType.DOUBLE, typeOf(DropDuplicates.mean(), "n"));
  }

  @Test
  void outliersKeepNotNullWhenReplacingAndBecomeNullableWhenNulling() {
    assertEquals(
        FieldType.DOUBLE, typeOf(Outliers.zscore("x").withAction(Outliers.Action.CLIP), "x"));
    assertEquals(
        FieldType.DOUBLE.withNullable(true),
        typeOf(Outliers.zscore("x").withAction(Outliers.Action.NULL), "x"));
  }

  @Test
  void nullableColumnsStayNullable() {
    Schema nullable =
        Schema.builder().addDateTimeField("t").addNullableField("n", FieldType.INT64).build();
    Operation op = FillNull.forward();
    assertEquals(
        FieldType.INT64.withNullable(true),
        op.plan(KernelHarness.layout(nullable, "t"), plan("s"))
            .outputLayout()
            .schema()
            .getField("n")
            .getType());
  }
}

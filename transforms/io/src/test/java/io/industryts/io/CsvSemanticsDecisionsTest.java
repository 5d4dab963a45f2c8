package io.industryts.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.testing.BeamPipelineExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** docs/semantics-decisions.md, §2.7: the CSV reader's decisions where SEMANTICS.md is silent. */
@ExtendWith(BeamPipelineExtension.class)
class CsvSemanticsDecisionsTest {
  @TempDir Path dir;

  // §2.7 CSV types, where pandas read_csv differs or the spec is silent: a quoted empty cell is
  // null (pandas NaN); true/false cells stay STRING (pandas infers bool; §2.7 "otherwise
  // STRING"); an integer beyond INT64 is read as DOUBLE only when [input.types] says so (without
  // it, FileInputCsvTest#integerBeyondInt64IsAnErrorNamingTheFix; pandas keeps such a column as
  // text); a quoted number is a number.
  @Test
  void csvQuotedEmptyIsNullBooleansAreTextAndHugeIntegersAreDoubleWhenSet(TestPipeline p)
      throws Exception {
    Path f = dir.resolve("quirks.csv");
    Files.writeString(
        f,
        "time,s,b,big,q\n2024-01-01,\"\",true,99999999999999999999,1\n"
            + "2024-01-02,x,False,1,\"2\"\n");
    FileInput in = FileInput.of(f).withType("big", FieldType.DOUBLE);
    Schema s = in.schema();
    assertEquals(
        List.of(FieldType.STRING, FieldType.STRING, FieldType.DOUBLE, FieldType.INT64),
        List.of(
            s.getField("s").getType().withNullable(false),
            s.getField("b").getType().withNullable(false),
            s.getField("big").getType().withNullable(false),
            s.getField("q").getType().withNullable(false)));
    PAssert.that(p.apply(in).rows())
        .containsInAnyOrder(
            Row.withSchema(s)
                .addValues(Instant.parse("2024-01-01T00:00:00Z"), null, "true", 1e20, 1L)
                .build(),
            Row.withSchema(s)
                .addValues(Instant.parse("2024-01-02T00:00:00Z"), "x", "False", 1.0, 2L)
                .build());
    p.run();
  }
}

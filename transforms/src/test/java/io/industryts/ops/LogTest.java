package io.industryts.ops;

import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.NormalizeLogSupport.LAYOUT;
import static io.industryts.ops.NormalizeLogSupport.assertClose;
import static io.industryts.ops.NormalizeLogSupport.series;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS §2.5.3 {@code log}: the worked examples of every method, the domain rule and errors.
 */
class LogTest {
  private static List<Object> log(Log op, Map<String, Long> counters) {
    Kernel k = op.plan(LAYOUT, plan("log"));
    Chunk in = series(col(-1.0, 0.0, 0.5, 9.0, 99.0), col(1, 2, 3, 4, 5));
    return values(KernelHarness.run(k, in, counters), "x");
  }

  @Test
  void logNaturalExample() {
    Map<String, Long> counters = new HashMap<>();
    assertClose(
        log(Log.natural("x"), counters), null, null, Math.log(0.5), Math.log(9), Math.log(99));
    assertEquals(2L, counters.get("invalid_input"));
    assertThat(Math.log(99), closeTo(4.5951, 1e-4));
  }

  @Test
  void log1pExample() {
    Map<String, Long> counters = new HashMap<>();
    assertClose(
        log(Log.log1p("x"), counters), null, 0.0, Math.log1p(0.5), Math.log(10), Math.log(100));
    assertEquals(1L, counters.get("invalid_input"));
    assertThat(Math.log1p(0.5), closeTo(0.4055, 1e-4));
  }

  @Test
  void log10Example() {
    assertClose(
        log(Log.log10("x"), new HashMap<>()),
        null,
        null,
        Math.log10(0.5),
        Math.log10(9),
        Math.log10(99));
    assertThat(Math.log10(99), closeTo(1.9956, 1e-4));
  }

  @Test
  void logOfInfinityIsInfinity() {
    Kernel k = Log.natural("x").plan(LAYOUT, plan("log"));
    Chunk out = KernelHarness.run(k, series(col(Double.POSITIVE_INFINITY), col(1)));
    assertEquals(Double.POSITIVE_INFINITY, values(out, "x").get(0));
  }

  @Test
  void logInvalidErrorDropsTheRowAndReportsIt() {
    Kernel k = Log.natural("x").onInvalid(Invalid.ERROR).plan(LAYOUT, plan("log"));
    assertFalse(k.context().rowPreserving());
    List<String> errors = new ArrayList<>();
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        KernelHarness.run(
            k, series(col(-1.0, 0.0, Math.E), col(1, 2, 3)), new int[0], counters, errors);
    assertClose(values(out, "x"), 1.0);
    assertEquals(
        List.of(
            "log_domain|x|Log: \"x\" = -1.0 is outside the domain of log (x > 0). Set invalid ="
                + " \"null\" to write null instead.",
            "log_domain|x|Log: \"x\" = 0.0 is outside the domain of log (x > 0). Set invalid ="
                + " \"null\" to write null instead."),
        errors);
    assertNull(counters.get("invalid_input"));
  }

  @Test
  void logWithSuffixKeepsTheSource() {
    Kernel k = Log.log10("x").withSuffix("_log").plan(LAYOUT, plan("log"));
    Chunk out = KernelHarness.run(k, series(col(100.0), col(1)));
    assertEquals(100.0, values(out, "x").get(0));
    assertClose(values(out, "x_log"), 2.0);
  }

  @Test
  void logRejectsAMissingColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Log.natural("flow").plan(LAYOUT, plan("log")));
    assertEquals("Log: column \"flow\" not found. Available fields: [t, x, n]", e.getMessage());
  }

  @Test
  void logNullsStayNullAndAreNotCountedInvalid() {
    Map<String, Long> counters = new HashMap<>();
    Kernel k = Log.natural("x").plan(LAYOUT, plan("log"));
    Chunk out = KernelHarness.run(k, series(col(null, 1.0), col(1, 2)), counters);
    assertClose(values(out, "x"), null, 0.0);
    assertEquals(0L, counters.getOrDefault("invalid_input", 0L));
  }

  @Test
  void logOfAnIntegerColumnIsDouble() {
    Kernel k = Log.log10("n").plan(LAYOUT, plan("log"));
    assertEquals(
        FieldType.DOUBLE.withNullable(true), k.outputLayout().schema().getField("n").getType());
    Chunk out = KernelHarness.run(k, series(col(1.0, 2.0, 3.0), col(1, 10, 100)));
    assertClose(values(out, "n"), 0.0, 1.0, 2.0);
  }

  @Test
  void log1pInvalidErrorNamesItsDomain() {
    Kernel k = Log.log1p("x").onInvalid(Invalid.ERROR).plan(LAYOUT, plan("log"));
    List<String> errors = new ArrayList<>();
    Chunk out =
        KernelHarness.run(
            k, series(col(-1.0, 0.0), col(1, 2)), new int[0], new HashMap<>(), errors);
    assertClose(values(out, "x"), 0.0);
    assertEquals(
        List.of(
            "log_domain|x|Log: \"x\" = -1.0 is outside the domain of log1p (x > -1)."
                + " Set invalid = \"null\" to write null instead."),
        errors);
  }

  @Test
  void logOfEmptyInputKeepsTheOutputSchema() {
    Kernel k = Log.natural("x").withSuffix("_ln").plan(LAYOUT, plan("log"));
    Chunk out = KernelHarness.run(k, series(col(), col()));
    assertEquals(0, out.size());
    assertEquals(List.of("t", "x", "n", "x_ln"), out.schema().getFieldNames());
  }

  @Test
  void logRejectsANonNumericColumn() {
    Schema s =
        Schema.builder().addDateTimeField("t").addNullableField("status", FieldType.STRING).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Log.natural("status").plan(KernelHarness.layout(s, "t"), plan("log")));
    assertEquals("Log: column \"status\" is not numeric (STRING).", e.getMessage());
  }
}

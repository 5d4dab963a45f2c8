package io.industryts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.industryts.OutputNames;
import io.industryts.time.Durations;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One duration rendering (SEMANTICS §1.6) for generated names (§1.9), operation renderings and
 * messages: the zero and negative edges agree everywhere.
 */
class DurationRenderingTest {

  @Test
  void zeroRendersAsZeroSecondsInNamesAndInDurations() {
    assertEquals("0s", Names.duration(Duration.ZERO));
    assertEquals("0s", Durations.canonical(Duration.ZERO));
    assertEquals("temp_lag_0s", OutputNames.lag("temp", Duration.ZERO));
  }

  @Test
  void namesAndDurationsAgreeOnEveryUnitAndSign() {
    long[] millis = {
      1, 999, 1000, 1500, 60_000, 5_400_000, 3_600_000, 129_600_000, 86_400_000, -900_000, -1
    };
    for (long ms : millis) {
      assertEquals(
          Durations.canonical(Duration.millis(ms)),
          Names.duration(Duration.millis(ms)),
          ms + " ms");
    }
    assertEquals("-15min", Names.duration(Duration.standardMinutes(-15)));
    assertEquals("36h", Names.duration(Duration.standardHours(36)));
  }

  @Test
  void negativeOffsetKeepsItsSignInTheRendering() {
    Resample late =
        Resample.every(Duration.standardHours(1)).withOffset(Duration.standardMinutes(15));
    Resample early =
        Resample.every(Duration.standardHours(1)).withOffset(Duration.standardMinutes(-15));
    assertEquals(
        "resample{rule=1h, aggregation=mean, columns=[], closed=left, label=left,"
            + " origin=epoch, offset=-15min}",
        early.toString());
    assertNotEquals(late.toString(), early.toString());
  }

  @Test
  void cumulativeResetOffsetKeepsItsSign() {
    Cumulative c =
        Cumulative.of(Cumulative.CumFn.CUMSUM)
            .resetEvery(Duration.standardDays(1))
            .withOffset(Duration.standardHours(-6));
    assertEquals(
        "cumulative{functions=[cumsum], columns=[], reset_every=1d, offset=-6h}", c.toString());
  }
}

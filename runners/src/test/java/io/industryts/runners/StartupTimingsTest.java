package io.industryts.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StartupTimingsTest {
  private static final Pattern PHASE = Pattern.compile("(\\w+) (\\d+\\.\\d\\d) / (\\d+\\.\\d\\d)");

  @Test
  void offPrintsNothing() {
    StartupTimings t = StartupTimings.start(false);
    t.mark("job");
    assertEquals("", t.format());
  }

  @Test
  void onePhasePerMarkAfterTheJvmsStartThenTheTotal() throws InterruptedException {
    StartupTimings t = StartupTimings.start(true);
    t.mark("job");
    Thread.sleep(30);
    t.mark("run");
    String line = t.format().strip();
    assertTrue(line.startsWith("industryts: timings, wall / CPU s: jvm "), line);
    Matcher m = PHASE.matcher(line.substring(line.indexOf(':', "industryts:".length()) + 1));
    StringBuilder names = new StringBuilder();
    double wallSum = 0;
    double total = -1;
    double runWall = -1;
    while (m.find()) {
      names.append(m.group(1)).append(' ');
      double wall = Double.parseDouble(m.group(2));
      if (m.group(1).equals("total")) {
        total = wall;
      } else {
        wallSum += wall;
      }
      if (m.group(1).equals("run")) {
        runWall = wall;
      }
    }
    assertEquals("jvm job run total ", names.toString());
    // the phases split the total: their sum equals it up to the rounding of each to 0.01 s
    assertEquals(total, wallSum, 0.03);
    assertTrue(runWall >= 0.03, line);
  }
}

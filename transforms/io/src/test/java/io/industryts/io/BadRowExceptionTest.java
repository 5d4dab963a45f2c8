package io.industryts.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.errors.BadRowException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's first bad row, where no dead-letter file is attached, as values one by one. */
class BadRowExceptionTest {

  @Test
  void theFirstBadRowFailsTheRunWithItsFileLineColumnAndReason(@TempDir Path dir)
      throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.write(csv, List.of("tag,time,v", "a,2024-01-01T00:00:00Z,1.0", "a,yesterday,2.0"));
    DirectOptions o = PipelineOptionsFactory.as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(o);
    DeadLetters.failOnFirst(FileInput.of(csv).keyedBy("tag").read(p).errors());
    Exception e = assertThrows(Exception.class, () -> p.run().waitUntilFinish());
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    BadRowException bad = assertInstanceOf(BadRowException.class, root);
    assertEquals(csv.toString(), bad.file());
    assertEquals(3L, bad.line()); // the header is line 1
    assertEquals("time", bad.column());
    assertEquals("unparseable_time", bad.reason());
  }
}

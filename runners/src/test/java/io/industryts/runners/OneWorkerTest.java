package io.industryts.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.industryts.io.FileInput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which inputs {@link JobPipeline#readInOnePiece} finds read in one piece, as one series. */
class OneWorkerTest {
  @TempDir Path dir;

  /** 63 bytes: a header line of 15, then two rows of 24. */
  private Path csv() throws Exception {
    return Files.writeString(
        dir.resolve("in.csv"),
        "time,tag,value\n2024-01-01T00:00:00,a,1\n2024-01-01T00:00:10,b,2\n");
  }

  @Test
  void oneSeriesInOneSplitIsOnePiece() throws Exception {
    Path f = csv();
    assertThat(Files.size(f), is(63L));
    assertThat(JobPipeline.readInOnePiece(FileInput.of(f)), is(true));
    // the split size is the limit: 63 bytes fit in a split of 63, not of 62
    assertThat(JobPipeline.readInOnePiece(FileInput.of(f).withSplitBytes(63)), is(true));
    assertThat(JobPipeline.readInOnePiece(FileInput.of(f).withSplitBytes(62)), is(false));
  }

  @Test
  void keyedInputIsSeveralSeries() throws Exception {
    assertThat(JobPipeline.readInOnePiece(FileInput.of(csv()).keyedBy("tag")), is(false));
  }
}

package io.industryts.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Atomic output of one file (ARCHITECTURE §5): write to a temporary file in the target's directory,
 * then rename it over the target. A failed job leaves the old file (or none), never a half-written
 * one. Several files put in place together: {@link StagedFiles}.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Runs {@code body} on a temporary path next to {@code target}, then moves it into place. */
  static void write(Path target, StagedFiles.Body body) throws IOException {
    String token = StagedFiles.newToken();
    StagedFiles.stage(target, token, body);
    StagedFiles.commit(List.of(target), token);
  }
}

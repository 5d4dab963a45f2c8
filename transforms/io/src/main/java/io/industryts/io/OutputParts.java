package io.industryts.io;

import io.industryts.engine.ChunkCoder;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Part files of an output being written in pieces: each segment of the output is written by the
 * worker that holds it to its own file in the output's parts directory ({@link StagedFiles#parts}),
 * in the engine's chunk encoding ({@link ChunkCoder}); the final step reads them back one at a
 * time, in file order, while it writes the output. No worker then holds more than one segment of
 * the output (plus the formats' buffers).
 */
final class OutputParts {
  private OutputParts() {}

  /** Buffer of the part files' streams. */
  private static final int BUFFER = 1 << 16;

  /**
   * Writes {@code chunk} to a new part file in {@code dir} (created if missing) and returns the
   * file's name. Names are random, so a retried worker never overwrites a part another attempt
   * wrote; only the parts the final step is told of are read.
   */
  static String write(Path dir, ChunkCoder coder, Chunk chunk) throws IOException {
    Files.createDirectories(dir);
    String name = UUID.randomUUID() + ".part";
    try (OutputStream os =
        new BufferedOutputStream(
            Files.newOutputStream(dir.resolve(name), StandardOpenOption.CREATE_NEW), BUFFER)) {
      coder.encode(chunk, os);
    }
    return name;
  }

  /** Reads the chunk of one part file. */
  static Chunk read(Path file, ChunkCoder coder) throws IOException {
    try (InputStream is = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
      return coder.decode(is);
    }
  }

  /**
   * The chunks of {@code files}, in order, each read when the iteration reaches it: an output
   * written from this holds one of them at a time. Every iteration reads the files again (each
   * output of a write iterates once). A part that cannot be read ends the iteration with an {@link
   * UncheckedIOException} naming it.
   */
  static Iterable<Chunk> chunks(ChunkLayout layout, List<Path> files) {
    ChunkCoder coder = ChunkCoder.of(layout);
    return () ->
        new Iterator<Chunk>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < files.size();
          }

          @Override
          public Chunk next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Path file = files.get(next++);
            try {
              return read(file, coder);
            } catch (IOException e) {
              throw new UncheckedIOException(
                  "cannot read the part file "
                      + file
                      + " of the output being written ("
                      + e.getMessage()
                      + "); it was written earlier in this job. Check that the directory is not "
                      + "cleaned or full while the job runs, and run the job again.",
                  e);
            }
          }
        };
  }
}

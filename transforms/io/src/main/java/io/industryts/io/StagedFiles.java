package io.industryts.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Output files written under a temporary name first and put in place together (ARCHITECTURE §5:
 * outputs appear atomically or not at all).
 *
 * <pre>{@code
 * String token = StagedFiles.newToken();
 * FileOutput out = FileOutput.to("out/plant_a.parquet").staged(token);  // writes .plant_a.parquet.<token>.tmp
 * PCollection<Row> errors = ...;
 * DeadLetters.write(errors, "out/bad_rows.csv", token);
 * // ... run the pipeline; then, only if it succeeded:
 * StagedFiles.commit(List.of(Path.of("out/plant_a.parquet"), Path.of("out/bad_rows.csv")), token);
 * // or, if it failed: StagedFiles.discard(targets, token);
 * }</pre>
 *
 * <p>A temporary file sits next to its target as {@code .NAME.<token>.tmp}: hidden, in the same
 * directory (so the final rename stays on one file system and is atomic), with a 16-hex-digit
 * token. The token's first 8 digits are the writing process's id, so a later run can tell a
 * temporary left behind by a killed process (no such process any more) from one that another run is
 * still writing ({@link #removeStale}).
 */
public final class StagedFiles {
  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{16}");

  private StagedFiles() {}

  /** A new token: this process's id (8 hex digits) and 8 random hex digits. */
  public static String newToken() {
    long pid = ProcessHandle.current().pid() & 0xffffffffL;
    return String.format(
        Locale.ROOT, "%08x%08x", pid, ThreadLocalRandom.current().nextInt() & 0xffffffffL);
  }

  /** The temporary path of {@code target} under {@code token}: {@code .NAME.<token>.tmp}. */
  public static Path temporary(Path target, String token) {
    Objects.requireNonNull(token, "token");
    Path abs = target.toAbsolutePath();
    return abs.resolveSibling("." + abs.getFileName() + "." + token + ".tmp");
  }

  /**
   * The directory of part files of {@code target} under {@code token}: {@code .NAME.<token>.parts},
   * next to the temporary file. A writer that does not hold the whole output in one place (on Flink
   * and Spark) writes each segment of the output there first and then joins the parts into the
   * temporary file ({@link FileOutput}); the directory is removed once the file is written, and by
   * {@link #discard} and {@link #removeStale}.
   *
   * <pre>{@code
   * StagedFiles.parts(Path.of("out/a.csv"), "0000abcd12345678");  // out/.a.csv.0000abcd12345678.parts
   * }</pre>
   */
  public static Path parts(Path target, String token) {
    Objects.requireNonNull(token, "token");
    Path abs = target.toAbsolutePath();
    return abs.resolveSibling("." + abs.getFileName() + "." + token + ".parts");
  }

  /** Writes one file. */
  public interface Body {
    /** Writes the whole file at {@code file}, which does not exist yet. */
    void write(Path file) throws IOException;
  }

  /**
   * Writes {@code target}'s temporary file under {@code token} with {@code body}, creating missing
   * parent directories. On failure the temporary file is removed and the error names {@code target}
   * (not only the temporary path) and what to do.
   *
   * @throws IOException with a message saying which output could not be written, where and why
   */
  public static void stage(Path target, String token, Body body) throws IOException {
    Path temp = temporary(target, token);
    boolean written = false;
    try {
      Path dir = temp.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      body.write(temp);
      written = true;
    } catch (IOException | RuntimeException e) {
      throw writeFailure(target, e);
    } finally {
      if (!written) {
        deleteQuietly(temp);
      }
    }
  }

  /**
   * Puts every staged file in place: checks first that all temporary files exist, then renames each
   * over its target ({@code ATOMIC_MOVE}, replacing an older file).
   *
   * @throws IOException if a temporary file is missing (nothing is renamed then; the job did not
   *     write it) or a rename fails (naming the output)
   */
  public static void commit(List<Path> targets, String token) throws IOException {
    for (Path target : targets) {
      Path temp = temporary(target, token);
      if (!Files.isRegularFile(temp)) {
        throw new IOException(
            "output "
                + target
                + " was not written: the job ended before its writer finished (no "
                + temp.getFileName()
                + "). No output was replaced.");
      }
      if (Files.isDirectory(target)) {
        throw new IOException(
            "cannot write output "
                + target
                + ": it is a directory. No output was replaced. Give a file name (e.g. "
                + target.resolve("result" + extension(target))
                + ") with --output or [output] path.");
      }
    }
    for (Path target : targets) {
      Path temp = temporary(target, token);
      try {
        try {
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw writeFailure(target, e);
      }
    }
  }

  /**
   * Removes the temporary files of {@code targets} under {@code token}, and their directories of
   * part files ({@link #parts}), ignoring failures.
   */
  public static void discard(List<Path> targets, String token) {
    for (Path target : targets) {
      deleteQuietly(temporary(target, token));
      deleteTree(parts(target, token));
    }
  }

  /** Removes {@code dir} and the files in it (part files; no subdirectories), ignoring failures. */
  static void deleteTree(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      deleteQuietly(dir);
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        deleteQuietly(f);
      }
    } catch (IOException e) {
      // best effort, as deleteQuietly
    }
    deleteQuietly(dir);
  }

  /**
   * Removes the temporary files of {@code target} left by processes that no longer run (the token's
   * process id is not alive on this machine), and leaves in place those a running process may still
   * be writing (a process with that id exists: another run, or a reused id). Directories of part
   * files ({@link #parts}) are treated the same way.
   *
   * @return the removed and the remaining temporary files
   */
  public static Stale removeStale(Path target) {
    List<Path> removed = new ArrayList<>();
    List<Path> kept = new ArrayList<>();
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return new Stale(removed, kept);
    }
    String prefix = "." + abs.getFileName() + ".";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String suffix = name.endsWith(".tmp") ? ".tmp" : ".parts";
        if (!name.startsWith(prefix)
            || !name.endsWith(suffix)
            || name.length() != prefix.length() + 16 + suffix.length()) {
          continue;
        }
        String token = name.substring(prefix.length(), prefix.length() + 16);
        if (!TOKEN.matcher(token).matches()) {
          continue;
        }
        long pid = Long.parseLong(token.substring(0, 8), 16);
        boolean running = pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).isPresent();
        if (running) {
          kept.add(f);
          continue;
        }
        if (suffix.equals(".parts")) {
          deleteTree(f);
          (Files.exists(f, LinkOption.NOFOLLOW_LINKS) ? kept : removed).add(f);
          continue;
        }
        try {
          Files.deleteIfExists(f);
          removed.add(f);
        } catch (IOException e) {
          kept.add(f);
        }
      }
    } catch (IOException e) {
      // an unreadable directory: the write itself will say so
    }
    return new Stale(removed, kept);
  }

  /** What {@link #removeStale} found: temporary files removed, and left in place. */
  public static final class Stale {
    private final List<Path> removed;
    private final List<Path> kept;

    Stale(List<Path> removed, List<Path> kept) {
      this.removed = List.copyOf(removed);
      this.kept = List.copyOf(kept);
    }

    /** Temporaries of processes that no longer run, now removed. */
    public List<Path> removed() {
      return removed;
    }

    /** Temporaries of a process with a live id, left in place. */
    public List<Path> kept() {
      return kept;
    }
  }

  /**
   * An I/O failure of writing {@code target}, with its path, the cause in words and the fix. Full
   * disks and read-only or forbidden directories get their own sentence.
   */
  static IOException writeFailure(Path target, Exception e) {
    if (e instanceof OutputException) {
      return (OutputException) e;
    }
    Path dir = target.toAbsolutePath().getParent();
    String why = String.valueOf(causeText(e));
    String lower = why.toLowerCase(Locale.ROOT);
    String message;
    if (lower.contains("no space left")
        || lower.contains("disk quota")
        || lower.contains("disk full")) {
      message =
          "cannot write output "
              + target
              + ": the file system of "
              + dir
              + " is full ("
              + why
              + "). No output was replaced. Free space there or write elsewhere (--output, "
              + "[output] path).";
    } else if (lower.contains("read-only file system")
        || e instanceof AccessDeniedException
        || lower.contains("permission denied")) {
      message =
          "cannot write output "
              + target
              + ": "
              + dir
              + " is not writable ("
              + (lower.contains("read-only") ? "read-only file system" : "permission denied")
              + "). No output was replaced. Write to a writable directory (--output, [output] "
              + "path, --errors) or make "
              + dir
              + " writable.";
    } else {
      message = "cannot write output " + target + ": " + why + ". No output was replaced.";
    }
    return new OutputException(message, e);
  }

  /** The innermost message of {@code e}'s causes, with the exception's simple class name. */
  private static String causeText(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) t;
      String reason = f.getReason();
      if (t instanceof AccessDeniedException) {
        return "permission denied";
      }
      if (t instanceof NoSuchFileException) {
        return "no such file or directory: " + f.getFile();
      }
      return reason != null ? reason : t.getClass().getSimpleName();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  private static String extension(Path target) {
    String n = target.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(dot) : ".csv";
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort: the summary of a later run lists what is left
    }
  }

  /** An output that could not be written; the message names it, the cause and the fix. */
  public static final class OutputException extends IOException {
    private static final long serialVersionUID = 1L;

    OutputException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

package io.industryts.runners;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses CSV inputs with more header columns than the launcher accepts ({@value #DEFAULT} unless
 * {@code --max-columns N}), before the reader inspects them: a header of a million columns (a file
 * written transposed, or one line with no line breaks) would otherwise take minutes and gigabytes
 * to inspect. The check reads the first line only, and stops once the limit is passed.
 */
final class ColumnLimit {
  /** The default limit on the columns of a CSV input. */
  static final int DEFAULT = 10_000;

  private ColumnLimit() {}

  /**
   * @param pathOrGlob the input path or glob (a glob in the file name only is expanded)
   * @param delimiter the configured delimiter, or 0 when detected (then every common delimiter
   *     counts)
   * @throws UsageException naming the file, its column count (at least) and the fix
   */
  static void check(String pathOrGlob, char delimiter, int maxColumns) throws UsageException {
    for (Path file : csvFiles(pathOrGlob)) {
      long columns = countHeaderColumns(file, delimiter, maxColumns);
      if (columns > maxColumns) {
        throw new UsageException(
            "input "
                + file
                + " has more than "
                + String.format(Locale.ROOT, "%,d", maxColumns)
                + " columns in its header line; nothing was run. Expected a file"
                + " with one column per field (time, keys, values). If the file is right, raise the"
                + " limit with --max-columns N (memory and inspection time grow with the columns);"
                + " if it is not, check its line breaks and delimiter ([input] delimiter).");
      }
    }
  }

  private static List<Path> csvFiles(String pathOrGlob) {
    List<Path> files = new ArrayList<>();
    Path p = Path.of(pathOrGlob);
    Path name = p.getFileName();
    if (name == null) {
      return files;
    }
    String n = name.toString();
    if (!n.matches(".*[*?\\[{].*")) {
      if (isCsv(n) && Files.isRegularFile(p)) {
        files.add(p);
      }
      return files;
    }
    Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
    if (dir.toString().matches(".*[*?\\[{].*") || !Files.isDirectory(dir)) {
      return files;
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + n);
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path f : ds) {
        if (m.matches(f.getFileName())
            && isCsv(f.getFileName().toString())
            && Files.isRegularFile(f)) {
          files.add(f);
        }
      }
    } catch (IOException e) {
      // the reader reports an unreadable directory
    }
    files.sort(null);
    return files;
  }

  private static boolean isCsv(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt");
  }

  /**
   * The columns of the first line (delimiters outside quotes plus one), counting at most up to
   * {@code max + 1}.
   */
  static long countHeaderColumns(Path file, char delimiter, int max) {
    long[] counts = new long[4];
    char[] candidates = delimiter != 0 ? new char[] {delimiter} : new char[] {',', ';', '\t', '|'};
    boolean quoted = false;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '"') {
          quoted = !quoted;
        } else if (!quoted && (b == '\n' || b == '\r')) {
          break;
        } else if (!quoted) {
          for (int i = 0; i < candidates.length; i++) {
            if (b == candidates[i] && ++counts[i] >= max) {
              return counts[i] + 1;
            }
          }
        }
      }
    } catch (IOException e) {
      return 0; // the reader reports it
    }
    long most = 0;
    for (long c : counts) {
      most = Math.max(most, c);
    }
    return most + 1;
  }
}

package io.industryts.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Expands a path or glob ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}}, {@code **}). */
final class FileGlobs {
  private FileGlobs() {}

  static boolean isGlob(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }

  /**
   * The regular files matched by {@code pathOrGlob}, sorted by path name.
   *
   * @throws IllegalArgumentException if a plain path does not exist or is not a file, or a glob
   *     matches nothing
   */
  static List<Path> expand(String pathOrGlob) {
    if (!isGlob(pathOrGlob)) {
      Path p = Paths.get(pathOrGlob);
      if (!Files.exists(p)) {
        throw new IllegalArgumentException("FileInput: file not found: " + pathOrGlob);
      }
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(
            "FileInput: "
                + pathOrGlob
                + " is not a regular file. Use a glob such as \""
                + pathOrGlob
                + "/*.csv\" to read the files of a directory.");
      }
      return List.of(p);
    }
    // the directory part before the first segment that holds a glob character
    String normalized = pathOrGlob.replace('\\', '/');
    int firstGlob = 0;
    while (firstGlob < normalized.length() && "*?[{".indexOf(normalized.charAt(firstGlob)) < 0) {
      firstGlob++;
    }
    int slash = normalized.lastIndexOf('/', firstGlob);
    Path base =
        slash < 0 ? Paths.get(".") : Paths.get(slash == 0 ? "/" : normalized.substring(0, slash));
    String pattern = slash < 0 ? normalized : normalized.substring(slash + 1);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    boolean deep = pattern.contains("/") || pattern.contains("**");
    List<Path> out = new ArrayList<>();
    if (Files.isDirectory(base)) {
      try (Stream<Path> s = deep ? Files.walk(base) : Files.list(base)) {
        out =
            s.filter(Files::isRegularFile)
                .filter(p -> matcher.matches(base.relativize(p)))
                .map(p -> slash < 0 ? base.relativize(p) : p)
                .sorted(Comparator.comparing(Path::toString))
                .collect(Collectors.toList());
      } catch (IOException e) {
        throw new UncheckedIOException("FileInput: cannot list " + base, e);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("FileInput: no file matches \"" + pathOrGlob + "\"");
    }
    return out;
  }
}

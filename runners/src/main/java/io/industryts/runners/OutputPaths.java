package io.industryts.runners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before a job runs, that its files cannot overwrite one another: no two outputs, and not
 * the dead-letter file or the job report, may be the same file, nor may an output be the input
 * (paths compared after resolving {@code ..}, symbolic links and the working directory).
 */
final class OutputPaths {
  private OutputPaths() {}

  /**
   * @param outputs the output paths, resolved as the job will write them
   * @param errors the dead-letter path, or null
   * @param report the job report path, or null
   * @param input the main input path or glob
   * @throws UsageException naming both paths, the file they share and the fix
   */
  static void checkDistinct(List<String> outputs, String errors, String report, String input)
      throws UsageException {
    Map<Path, String> seen = new LinkedHashMap<>();
    List<String> all = new ArrayList<>();
    for (String o : outputs) {
      all.add("output " + o);
    }
    if (errors != null) {
      all.add("errors file " + errors);
    }
    List<String> paths = new ArrayList<>(outputs);
    if (errors != null) {
      paths.add(errors);
    }
    if (report != null) {
      all.add("report " + report);
      paths.add(report);
    }
    for (int i = 0; i < paths.size(); i++) {
      Path canonical = canonical(paths.get(i));
      String first = seen.putIfAbsent(canonical, all.get(i));
      if (first != null) {
        boolean withErrors = errors != null && i == outputs.size();
        throw new UsageException(
            first
                + " and "
                + all.get(i)
                + " are the same file ("
                + canonical
                + "): "
                + (withErrors
                    ? "the dead-letter records would overwrite the results"
                    : "one output would overwrite the other")
                + ". Give each its own path (--output, --errors, or [output] path / errors in the job"
                + " file)"
                + (withErrors ? ", e.g. --errors " + siblingName(paths.get(i)) : "")
                + "; nothing was run.");
      }
    }
    if (input != null && !input.matches(".*[*?\\[{].*")) {
      Path in = canonical(input);
      String clash = seen.get(in);
      if (clash != null) {
        throw new UsageException(
            clash
                + " is the input file "
                + input
                + " ("
                + in
                + "): the job"
                + " would replace the data it reads. Write the result elsewhere (--output, [output]"
                + " path); nothing was run.");
      }
    }
  }

  /** {@code bad_rows.csv} next to {@code path}. */
  private static String siblingName(String path) {
    Path p = Path.of(path);
    Path parent = p.getParent();
    return parent == null ? "bad_rows.csv" : parent.resolve("bad_rows.csv").toString();
  }

  /**
   * The absolute, normalized path with symbolic links of its existing part resolved: the longest
   * existing ancestor's real path plus the rest.
   */
  static Path canonical(String path) {
    Path p;
    try {
      p = Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return Path.of(path);
    }
    Path existing = p;
    List<Path> rest = new ArrayList<>();
    while (existing != null && !Files.exists(existing)) {
      rest.add(0, existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    try {
      Path real = existing.toRealPath();
      for (Path r : rest) {
        real = real.resolve(r);
      }
      return real;
    } catch (IOException e) {
      return p;
    }
  }
}

package io.industryts.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The header of a CSV file: its first record, its delimiter and its column names. */
final class CsvHeader {
  private CsvHeader() {}

  static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final int HEADER_LIMIT = 16 << 20;

  /** The first record's bytes (after a BOM, without its line break); rejects empty files. */
  static byte[] headerLine(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      throw new IllegalArgumentException("empty file: " + file);
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] b = new byte[(int) Math.min(size, 1 << 16)];
      int len = 0;
      int start = -1;
      boolean inQuotes = false;
      int end = 0;
      while (true) {
        ByteBuffer bb = ByteBuffer.wrap(b, len, b.length - len);
        int r = ch.read(bb, len);
        if (r > 0) {
          len += r;
        }
        if (start < 0 && len >= 3) {
          start = (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
          end = start;
        }
        int from = Math.max(end, Math.max(start, 0));
        end = from;
        while (end < len && (inQuotes || b[end] != '\n')) {
          if (b[end] == '"') {
            inQuotes = !inQuotes;
          }
          end++;
        }
        if (end < len || r <= 0 || len >= size || len >= HEADER_LIMIT) {
          break;
        }
        if (len == b.length) {
          b = Arrays.copyOf(b, (int) Math.min(size, Math.min((long) b.length * 2, HEADER_LIMIT)));
        }
      }
      start = Math.max(start, 0);
      int contentEnd = end > start && b[end - 1] == '\r' ? end - 1 : end;
      if (NumberParser.isBlank(b, start, contentEnd)) {
        throw new IllegalArgumentException(
            "FileInput: "
                + file
                + " has no header: its first line is empty. CSV input needs a "
                + "header line with the column names.");
      }
      return Arrays.copyOfRange(b, start, contentEnd);
    }
  }

  /** The delimiter that splits the header into the most fields; ties go to {@code ,}. */
  static char detectDelimiter(byte[] headerLine) {
    char best = ',';
    int bestCount = 0;
    for (char d : DELIMITERS) {
      int count = 1;
      boolean inQuotes = false;
      for (byte c : headerLine) {
        if (c == '"') {
          inQuotes = !inQuotes;
        } else if (c == d && !inQuotes) {
          count++;
        }
      }
      if (count > bestCount) {
        best = d;
        bestCount = count;
      }
    }
    return best;
  }

  /** Column names of the header record, made unique and non-empty as pandas does. */
  static List<String> readHeader(Path file, byte delim, Charset charset) throws IOException {
    List<String> names = new ArrayList<>();
    try (CsvScanner sc = new CsvScanner(file, 0, Long.MAX_VALUE, delim, true, 1 << 16, charset)) {
      if (!sc.next()) {
        throw new IllegalArgumentException("FileInput: " + file + " has no header line.");
      }
      for (int i = 0; i < sc.fieldCount(); i++) {
        names.add(sc.cell(i).trim());
      }
    }
    Set<String> used = new HashSet<>();
    Map<String, Integer> counts = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).isEmpty() ? "Unnamed: " + i : names.get(i);
      String unique = name;
      while (used.contains(unique)) {
        int k = counts.merge(name, 1, Integer::sum);
        unique = name + "." + k;
      }
      used.add(unique);
      out.add(unique);
    }
    return out;
  }

  static void compareHeaders(String pattern, Path a, List<String> ha, Path b, List<String> hb) {
    int n = Math.max(ha.size(), hb.size());
    for (int i = 0; i < n; i++) {
      String x = i < ha.size() ? ha.get(i) : null;
      String y = i < hb.size() ? hb.get(i) : null;
      if (x == null || !x.equals(y)) {
        throw new IllegalArgumentException(
            "FileInput: files matched by \""
                + pattern
                + "\" have different headers: column "
                + (i + 1)
                + " is "
                + describe(x)
                + " in "
                + a
                + " but "
                + describe(y)
                + " in "
                + b
                + ". All files of one input must share the header (same names, same order).");
      }
    }
  }

  private static String describe(String column) {
    return column == null ? "missing" : "\"" + column + "\"";
  }
}

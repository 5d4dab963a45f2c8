package io.industryts.io;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** The character encodings CSV files can be read in ({@code [input] encoding}). */
final class Encodings {
  private Encodings() {}

  /**
   * The charset of {@code name}: a Java charset name or alias; {@code latin-1} (Python's spelling)
   * is ISO-8859-1.
   *
   * @throws IllegalArgumentException for an unknown name, or a charset in which the ASCII
   *     delimiters, quotes and line breaks cannot be found byte by byte
   */
  static Charset resolve(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "FileInput: encoding must name a charset. Got "
              + (name == null ? "null" : "\"" + name + "\"")
              + "; expected e.g. \"utf-8\", \"latin-1\" or \"windows-1252\". Fix [input] encoding.");
    }
    Charset c = lookup(name.trim());
    if (c == null) {
      c = lookup(name.trim().toLowerCase(Locale.ROOT).replace("latin-", "latin"));
    }
    if (c == null) {
      throw new IllegalArgumentException(
          "FileInput: unknown encoding \""
              + name
              + "\". Expected a Java charset name, e.g. \"utf-8\", \"latin-1\" (ISO-8859-1), "
              + "\"windows-1252\" or \"ISO-8859-15\". Fix [input] encoding.");
    }
    if (!c.equals(StandardCharsets.UTF_8) && !singleByteAscii(c)) {
      throw new IllegalArgumentException(
          "FileInput: encoding \""
              + name
              + "\" ("
              + c.name()
              + ") cannot be read: CSV files are split on ASCII delimiters, quotes and line "
              + "breaks, which needs UTF-8 or a charset of one byte per character that keeps "
              + "ASCII (ISO-8859-*, windows-125*). Convert the file to UTF-8 first, e.g. "
              + "iconv -f "
              + c.name()
              + " -t UTF-8.");
    }
    return c;
  }

  private static Charset lookup(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /** One byte per character, and bytes 0-127 are ASCII. */
  private static boolean singleByteAscii(Charset c) {
    if (!c.canEncode() || c.newEncoder().maxBytesPerChar() != 1f) {
      return false;
    }
    byte[] ascii = new byte[128];
    for (int i = 0; i < ascii.length; i++) {
      ascii[i] = (byte) i;
    }
    String decoded = new String(ascii, c);
    if (decoded.length() != ascii.length) {
      return false;
    }
    for (int i = 0; i < ascii.length; i++) {
      if (decoded.charAt(i) != i) {
        return false;
      }
    }
    return true;
  }
}

package io.industryts.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles documentation code against the test classpath, for the documentation tests. */
final class JavaSources {
  private JavaSources() {}

  /**
   * Writes {@code source} as {@code dir/<className path>.java} and compiles it into {@code dir};
   * fails with {@code what}, the compiler's messages and the numbered source when it does not
   * compile.
   */
  static void compile(String what, String className, String source, Path dir) throws IOException {
    Path file = dir.resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean ok =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString()),
                null,
                javac
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(file.toFile()))
            .call();
    assertThat(what + " does not compile:\n" + errors + "\n" + numbered(source), ok, is(true));
  }

  private static String numbered(String source) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (String line : source.split("\n", -1)) {
      out.append(++n).append(": ").append(line).append('\n');
    }
    return out.toString();
  }
}

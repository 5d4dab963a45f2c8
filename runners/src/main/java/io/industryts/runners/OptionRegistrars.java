package io.industryts.runners;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Narrows what Beam's {@code PipelineOptionsFactory} registers when it first starts: on its first
 * use it validates every options interface of every {@code PipelineOptionsRegistrar} in the jar
 * (reflection, proxy classes), 0.6-0.9 s of CPU on the launcher's critical path
 * (benchmarks/RESULTS.md, "Start-up"). When a run passes Beam no options of its own and runs on the
 * DirectRunner, it needs only the DirectRunner's and the engine's; Beam validates any other
 * interface when a component first asks for it ({@code options.as(...)}), so nothing is lost.
 *
 * <p>Beam reads the registrars through the initializing thread's context class loader; {@link
 * #loader} gives a loader that answers that one service file with the kept registrars and delegates
 * everything else. Example: {@code
 * thread.setContextClassLoader(OptionRegistrars.loader(Main.class.getClassLoader()))}.
 */
final class OptionRegistrars {
  static final String SERVICE_FILE =
      "META-INF/services/org.apache.beam.sdk.options.PipelineOptionsRegistrar";

  /** The registrars a DirectRunner run with the launcher's own options needs. */
  static final Set<String> KEPT =
      Set.of(
          "org.apache.beam.runners.direct.DirectRegistrar$Options",
          "io.industryts.engine.EngineTuningOptions$Registrar");

  private OptionRegistrars() {}

  /**
   * Whether the launcher's arguments leave Beam's options to the launcher: no Beam options after a
   * bare {@code --}, and no {@code --runner} other than the DirectRunner. For example {@code run
   * job.toml} is, {@code run job.toml -- --experiments=x} and {@code run job.toml --runner
   * FlinkRunner} are not.
   */
  static boolean launcherOptionsOnly(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return false;
      }
      String runner = null;
      if (a.startsWith("--runner=")) {
        runner = a.substring("--runner=".length());
      } else if (a.equals("--runner")) {
        runner = i + 1 < args.length ? args[i + 1] : "";
      }
      if (runner != null && !runner.equals("DirectRunner")) {
        return false;
      }
    }
    return true;
  }

  /**
   * A class loader that delegates to {@code parent}, except that {@link #SERVICE_FILE} lists only
   * the {@link #KEPT} registrars that {@code parent} lists.
   */
  static ClassLoader loader(ClassLoader parent) {
    return new ClassLoader(parent) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.equals(SERVICE_FILE)) {
          return super.getResources(name);
        }
        return Collections.enumeration(List.of(inMemory(kept(super.getResources(name)))));
      }
    };
  }

  /** The {@link #KEPT} class names among the lines of the service files {@code files}. */
  static String kept(Enumeration<URL> files) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    while (files.hasMoreElements()) {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          int hash = line.indexOf('#');
          String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
          if (KEPT.contains(name)) {
            names.add(name);
          }
        }
      }
    }
    return String.join("\n", names) + "\n";
  }

  private static URL inMemory(String text) throws MalformedURLException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    URLStreamHandler handler =
        new URLStreamHandler() {
          @Override
          protected URLConnection openConnection(URL u) {
            return new URLConnection(u) {
              @Override
              public void connect() {}

              @Override
              public InputStream getInputStream() {
                return new ByteArrayInputStream(bytes);
              }
            };
          }
        };
    return new URL("industryts-options", null, -1, "/" + SERVICE_FILE, handler);
  }
}

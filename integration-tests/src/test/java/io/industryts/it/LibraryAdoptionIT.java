package io.industryts.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Beam author adopts the library as the README says: a fresh Maven project whose pom holds only
 * the README's "Use from your Beam pipeline" snippet (plus the compiler and surefire versions any
 * project sets) compiles a pipeline of three operations and runs its JUnit 5 test against the
 * installed artifacts.
 *
 * <p>The artifacts this reactor built are installed with {@code install:install-file} (flattened
 * pom, jar, sources, javadoc; no parent pom) into a private repository under {@code target}, never
 * into the shared local repository; everything else the fresh project needs is copied from the
 * local repository through a {@code file://} repository searched first; what that lacks (the oldest
 * Beam below, on a machine that never built against it) comes from Maven Central. The same project
 * is also built against the oldest Beam BOM the README names. The jar count and size of the runtime
 * class path are written to {@code target/library-it/footprint.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryAdoptionIT {
  /**
   * The oldest Beam release the library is tested against (README, Use from your Beam pipeline).
   */
  static final String OLDEST_BEAM = "2.52.0";

  static final String VERSION = "0.1.0-SNAPSHOT";
  static final Path WORK = Path.of("target", "library-it").toAbsolutePath();
  static final Path REPO = WORK.resolve("repo");
  static final Path SETTINGS = WORK.resolve("settings.xml");

  @BeforeAll
  static void installArtifacts() throws Exception {
    Path project = Launcher.projectDir();
    deleteRecursively(WORK);
    Files.createDirectories(REPO);
    Path shared = sharedRepository();
    String localCopy =
        "        <repository>\n          <id>local-copy</id>\n          <url>"
            + shared.toUri()
            + "</url>\n        </repository>\n";
    Files.writeString(
        SETTINGS,
        "<settings>\n  <localRepository>"
            + REPO
            + "</localRepository>\n  <profiles>\n    <profile>\n      <id>local-first</id>\n"
            + "      <repositories>\n"
            + localCopy
            + "      </repositories>\n      <pluginRepositories>\n"
            + localCopy.replace("repository>", "pluginRepository>")
            + "      </pluginRepositories>\n    </profile>\n  </profiles>\n"
            + "  <activeProfiles>\n    <activeProfile>local-first</activeProfile>\n"
            + "  </activeProfiles>\n</settings>\n");
    install(project.resolve("transforms/bom"), "industryts-bom", true);
    install(project.resolve("transforms"), "industryts-transforms", false);
    install(project.resolve("transforms/testing"), "industryts-testing", false);
  }

  @Test
  @Order(1)
  void installedPomsStandAloneWithSourcesAndJavadoc() throws IOException {
    for (String artifact :
        List.of("industryts-bom", "industryts-transforms", "industryts-testing")) {
      Path dir = REPO.resolve("io/industryts/" + artifact + "/" + VERSION);
      String pom = Files.readString(dir.resolve(artifact + "-" + VERSION + ".pom"));
      assertFalse(pom.contains("<parent>"), artifact + " pom names a parent:\n" + pom);
      assertFalse(pom.contains("${"), artifact + " pom has unresolved properties:\n" + pom);
      if (!artifact.equals("industryts-bom")) {
        assertTrue(
            Files.isRegularFile(dir.resolve(artifact + "-" + VERSION + "-sources.jar")), artifact);
        assertTrue(
            Files.isRegularFile(dir.resolve(artifact + "-" + VERSION + "-javadoc.jar")), artifact);
      }
    }
  }

  @Test
  @Order(2)
  void freshProjectFromTheReadmeSnippetCompilesAndPassesItsTest() throws Exception {
    Path fresh = freshProject("fresh", readmeSnippet());
    run(
        fresh,
        "test",
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
        "-DincludeScope=runtime",
        "-DoutputDirectory=target/runtime-jars");
    assertTestsPassed(fresh);

    List<Path> jars;
    try (Stream<Path> s = Files.list(fresh.resolve("target/runtime-jars"))) {
      jars = s.sorted().collect(Collectors.toList());
    }
    long bytes = 0;
    for (Path j : jars) {
      bytes += Files.size(j);
    }
    List<String> names = jars.stream().map(j -> j.getFileName().toString()).toList();
    String report =
        String.format(
            "runtime class path of a pipeline depending on industryts-transforms (and the DirectRunner):"
                + " %d jars, %.1f MB%n%s%n",
            jars.size(), bytes / 1e6, String.join("\n", names));
    Files.writeString(WORK.resolve("footprint.txt"), report);
    assertTrue(names.contains("industryts-transforms-" + VERSION + ".jar"), names.toString());
    assertTrue(
        names.stream().anyMatch(n -> n.startsWith("beam-sdks-java-core-2.62.0")), names.toString());
    // the slim core: the file formats' libraries come only with industryts-io
    List<String> fileFormats =
        names.stream()
            .filter(
                n ->
                    n.startsWith("hadoop-")
                        || n.startsWith("parquet-")
                        || n.startsWith("arrow-")
                        || n.startsWith("industryts-io"))
            .toList();
    assertEquals(List.of(), fileFormats, "industryts-transforms pulls in file-format libraries");
  }

  @Test
  @Order(3)
  void freshProjectBuildsAgainstTheOldestSupportedBeam() throws Exception {
    String snippet = readmeSnippet();
    String beamBom = "<artifactId>beam-sdks-java-bom</artifactId>\n      <version>2.62.0</version>";
    assertTrue(snippet.contains(beamBom), "the README snippet's Beam BOM moved:\n" + snippet);
    Path fresh =
        freshProject(
            "fresh-beam-" + OLDEST_BEAM,
            snippet.replace(beamBom, beamBom.replace("2.62.0", OLDEST_BEAM)));
    run(
        fresh,
        "test",
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
        "-DincludeScope=runtime",
        "-DoutputDirectory=target/runtime-jars");
    assertTestsPassed(fresh);
    assertTrue(
        Files.isRegularFile(
            fresh.resolve("target/runtime-jars/beam-sdks-java-core-" + OLDEST_BEAM + ".jar")));
  }

  /** The first xml block of the README's "Use from your Beam pipeline" section. */
  static String readmeSnippet() throws IOException {
    String readme = Files.readString(Launcher.projectDir().resolve("README.md"));
    int section = readme.indexOf("## Use from your Beam pipeline");
    assertTrue(section >= 0, "README has no section \"Use from your Beam pipeline\"");
    Matcher m = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(section), "no ```xml block in the README's section");
    return m.group(1);
  }

  static Path freshProject(String name, String snippet) throws IOException {
    Path dir = WORK.resolve(name);
    Files.createDirectories(dir.resolve("src/main/java/com/example"));
    Files.createDirectories(dir.resolve("src/test/java/com/example"));
    Files.writeString(
        dir.resolve("pom.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>%s</artifactId>
          <version>1.0</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
        %s
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.13.0</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-surefire-plugin</artifactId>
                <version>3.5.2</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.3.1</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """
            .formatted(name, snippet));
    Files.writeString(
        dir.resolve("src/main/java/com/example/CleanReadings.java"),
        """
        package com.example;

        import io.industryts.TimeSeriesPipeline;
        import io.industryts.ops.Diff;
        import io.industryts.ops.FillNull;
        import io.industryts.ops.Lag;

        /** Three operations, keyed by tag: fill gaps forward, then lag and difference. */
        public final class CleanReadings {
          private CleanReadings() {}

          public static TimeSeriesPipeline transform() {
            return TimeSeriesPipeline.named("clean")
                .withTimeColumn("time")
                .keyedBy("tag")
                .then(FillNull.forward("value"))
                .then(Lag.rows(1).of("value"))
                .then(Diff.periods(1).of("value"));
          }
        }
        """);
    Files.writeString(
        dir.resolve("src/test/java/com/example/CleanReadingsTest.java"),
        """
        package com.example;

        import io.industryts.testing.BeamPipelineExtension;
        import io.industryts.testing.TimeSeriesRows;
        import java.util.List;
        import org.apache.beam.sdk.schemas.Schema;
        import org.apache.beam.sdk.schemas.Schema.FieldType;
        import org.apache.beam.sdk.testing.PAssert;
        import org.apache.beam.sdk.testing.TestPipeline;
        import org.apache.beam.sdk.transforms.Create;
        import org.apache.beam.sdk.values.PCollection;
        import org.apache.beam.sdk.values.Row;
        import org.joda.time.Instant;
        import org.junit.jupiter.api.Test;
        import org.junit.jupiter.api.extension.ExtendWith;

        @ExtendWith(BeamPipelineExtension.class)
        class CleanReadingsTest {
          static final Schema IN = Schema.builder().addStringField("tag").addDateTimeField("time")
              .addNullableField("value", FieldType.DOUBLE).build();
          static final Schema OUT = Schema.builder().addStringField("tag").addDateTimeField("time")
              .addNullableField("value", FieldType.DOUBLE)
              .addNullableField("value_lag1", FieldType.DOUBLE)
              .addNullableField("value_diff1", FieldType.DOUBLE).build();

          static Row in(String tag, int minute, Double v) {
            return Row.withSchema(IN).addValues(tag, new Instant(minute * 60_000L), v).build();
          }

          static Row out(String tag, int minute, Double v, Double lag, Double diff) {
            return Row.withSchema(OUT).addValues(tag, new Instant(minute * 60_000L), v, lag, diff)
                .build();
          }

          @Test
          void fillsLagsAndDifferencesEachSeries(TestPipeline p) {
            PCollection<Row> result = p
                .apply(Create.of(in("a", 0, 1.0), in("a", 1, null), in("a", 2, 4.5),
                    in("b", 0, 10.0), in("b", 1, 20.0)).withRowSchema(IN))
                .apply(CleanReadings.transform());
            PAssert.that(result).satisfies(TimeSeriesRows.equalTo(List.of(
                    out("a", 0, 1.0, null, null),
                    out("a", 1, 1.0, 1.0, 0.0),
                    out("a", 2, 4.5, 1.0, 3.5),
                    out("b", 0, 10.0, null, null),
                    out("b", 1, 20.0, 10.0, 10.0)))
                .keyedBy("tag")
                .withTolerance(1e-12));
            p.run();
          }
        }
        """);
    return dir;
  }

  static void assertTestsPassed(Path fresh) throws IOException {
    Path report = fresh.resolve("target/surefire-reports/TEST-com.example.CleanReadingsTest.xml");
    assertTrue(Files.isRegularFile(report), "the fresh project's test did not run: " + report);
    String xml = Files.readString(report);
    assertTrue(
        xml.contains("tests=\"1\"")
            && xml.contains("failures=\"0\"")
            && xml.contains("errors=\"0\"")
            && xml.contains("skipped=\"0\""),
        xml);
  }

  /**
   * Installs one module's built artifacts (flattened pom, jar, sources, javadoc) into the private
   * repository.
   */
  static void install(Path module, String artifact, boolean pomOnly) throws Exception {
    Path pom = module.resolve(".flattened-pom.xml");
    assertTrue(Files.isRegularFile(pom), pom + " is missing; build the module first (package)");
    List<String> args =
        new ArrayList<>(
            List.of(
                "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file",
                "-DpomFile=" + pom));
    if (pomOnly) {
      args.add("-Dfile=" + pom);
      args.add("-Dpackaging=pom");
    } else {
      Path target = module.resolve("target");
      String base = artifact + "-" + VERSION;
      args.add("-Dfile=" + target.resolve(base + ".jar"));
      args.add("-Dsources=" + target.resolve(base + "-sources.jar"));
      args.add("-Djavadoc=" + target.resolve(base + "-javadoc.jar"));
    }
    run(WORK, args.toArray(new String[0]));
  }

  /**
   * Runs Maven in {@code dir} with the private repository; fails with the log on a non-zero exit.
   */
  static void run(Path dir, String... goals) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(maven(), "-B", "-s", SETTINGS.toString(), "-Dmaven.repo.local=" + REPO));
    cmd.addAll(List.of(goals));
    Path log = Files.createTempFile(WORK, "mvn-", ".log");
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd + "\n" + Files.readString(log));
    }
    assertEquals(
        0,
        p.exitValue(),
        () -> {
          try {
            return cmd + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8);
          } catch (IOException e) {
            return cmd + " failed; log " + log;
          }
        });
  }

  static String maven() {
    String home = System.getProperty("industryts.maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }

  /**
   * The local repository of the build running this test: the repository the fresh project copies
   * from first.
   */
  static Path sharedRepository() {
    String repo = System.getProperty("industryts.maven.repo");
    Path path =
        repo != null && !repo.isBlank() && !repo.contains("${")
            ? Path.of(repo)
            : Path.of(System.getProperty("user.home"), ".m2", "repository");
    assertTrue(Files.isDirectory(path), "no local Maven repository at " + path);
    return path;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }
}

package io.industryts.schematransforms;

import org.apache.beam.sdk.expansion.service.ExpansionService;

/**
 * Serves every industryts operation through Beam's expansion service, for Beam YAML ({@code type:
 * javaJar} providers) and Beam Python ({@code ExternalTransformProvider}):
 *
 * <pre>
 * java -jar industryts-expansion-service.jar 8097
 * </pre>
 *
 * <p>Arguments after the port are Beam pipeline options for the expansion service (Beam Python
 * passes {@code --filesToStage=JAR}). The service lists the registered identifiers ({@code
 * beam:schematransform:io.industryts:<type>:v1}) on start-up.
 */
public final class ExpansionServiceMain {
  private ExpansionServiceMain() {}

  /**
   * Starts the service on {@code args[0]} and blocks until it is stopped.
   *
   * @param args the port, then expansion-service pipeline options
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !args[0].matches("[0-9]+")) {
      System.err.println(
          "usage: java -jar industryts-expansion-service.jar PORT"
              + " [BEAM_OPTIONS...]\n"
              + "Serves every industryts operation as beam:schematransform:io.industryts:TYPE:v1."
              + (args.length == 0 ? "" : "\nGot \"" + args[0] + "\" where the port belongs."));
      System.exit(2);
    }
    ExpansionService.main(args);
  }
}

package io.industryts.schematransforms;

import io.industryts.TimeSeriesPipeline;
import io.industryts.config.ConfigException;
import io.industryts.config.ConfigProblem;
import io.industryts.config.IndustryPipeline;
import io.industryts.config.JobConfig;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.OperationRegistry;
import io.industryts.config.ParamSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.transforms.SchemaTransform;
import org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;

/**
 * One industryts operation as a Beam {@link SchemaTransformProvider}, so Beam YAML and Beam Python
 * (through an expansion service) can use it. Identifier {@code
 * beam:schematransform:io.industryts:<type>:v<version>}; the configuration schema, its field
 * descriptions and the validation all come from the operation's {@link OperationDescription}, the
 * one the TOML loader uses: a configuration {@code Row} is turned into the {@code [[operations]]}
 * table it stands for and loaded as a TOML job would be, so a provider builds exactly the operation
 * the TOML step builds, with the same defaults and the same error messages.
 *
 * <p>Input: {@code input}, the time-series rows. A second input an operation reads by name (an
 * {@code asof_join} with {@code right = "weather"}) is passed under that name. Output: {@code
 * output}. The configuration also takes the {@code [pipeline]} series keys: {@code time_column},
 * {@code key_columns}, {@code time_zone} and the others of SEMANTICS §1.1.
 *
 * <p>Each operation type has a small subclass registered in {@code
 * META-INF/services/org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider} (the service
 * loader needs one class per identifier). From Java:
 *
 * <pre>{@code
 * SchemaTransformProvider lag = new LagSchemaTransformProvider();
 * Row config = Row.withSchema(lag.configurationSchema())
 *     .withFieldValue("columns", List.of("value"))
 *     .withFieldValue("periods", List.of(1L, 2L))
 *     .withFieldValue("key_columns", List.of("tag"))
 *     .build();
 * PCollection<Row> lagged = PCollectionRowTuple.of("input", readings)
 *     .apply(lag.from(config))
 *     .get("output");
 * }</pre>
 */
public abstract class OperationSchemaTransformProvider implements SchemaTransformProvider {
  /** The name of the main input collection. */
  public static final String INPUT = "input";

  /** The name of the output collection. */
  public static final String OUTPUT = "output";

  /** Identifiers are {@value}{@code <type>:v<version>}. */
  public static final String URN_PREFIX = "beam:schematransform:io.industryts:";

  private final String type;

  /**
   * The provider of the operation whose TOML {@code type} is {@code type}.
   *
   * @throws IllegalArgumentException if no {@link OperationProvider} of that type is on the class
   *     path
   */
  protected OperationSchemaTransformProvider(String type) {
    this.type = type;
    registry()
        .find(type)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no industryts operation of type \""
                        + type
                        + "\" on the class path. Known types: "
                        + registry().types()));
  }

  /** The operations on this class's class path, loaded once. */
  static OperationRegistry registry() {
    return Registry.INSTANCE;
  }

  private static final class Registry {
    static final OperationRegistry INSTANCE =
        OperationRegistry.load(OperationSchemaTransformProvider.class.getClassLoader());
  }

  /** The operation's description, shared with the TOML loader and {@code industryts ops}. */
  public OperationDescription operation() {
    return registry().find(type).orElseThrow().description();
  }

  /** {@code beam:schematransform:io.industryts:<type>:v<version>}. */
  @Override
  public String identifier() {
    String id = operation().id(); // industryts:<type>:v<n>
    return URN_PREFIX + id.substring(id.indexOf(':') + 1);
  }

  /** The operation's doc line, its keys with types and defaults, and the TOML example. */
  @Override
  public String description() {
    OperationDescription d = operation();
    StringBuilder sb = new StringBuilder(d.doc()).append("\n\nConfiguration:\n");
    for (ParamSpec p : ConfigurationSchemas.allKeys(d)) {
      sb.append("- `").append(p.key()).append("`: ").append(ConfigurationSchemas.describe(p));
      sb.append('\n');
    }
    sb.append("\nThe same step in a TOML job:\n\n```toml\n").append(d.example()).append("```\n");
    return sb.toString();
  }

  /** The operation's keys, then the series keys; all nullable (unset means the default). */
  @Override
  public Schema configurationSchema() {
    return ConfigurationSchemas.of(operation());
  }

  /**
   * The operation configured by {@code configuration}, validated as its TOML step would be.
   *
   * @throws IllegalArgumentException listing every problem of the configuration, each naming the
   *     key, what was expected and the fix
   */
  @Override
  public SchemaTransform from(Row configuration) {
    return new OperationSchemaTransform(this, configuration);
  }

  @Override
  public List<String> inputCollectionNames() {
    return List.of(INPUT);
  }

  @Override
  public List<String> outputCollectionNames() {
    return List.of(OUTPUT);
  }

  @Override
  public String toString() {
    return identifier();
  }

  /** Loads the configuration as a one-step TOML job; second inputs count as registered. */
  TimeSeriesPipeline pipeline(Row configuration, java.util.Set<String> secondInputs) {
    OperationDescription d = operation();
    String toml = ConfigurationSchemas.toToml(d, configuration);
    try {
      return IndustryPipeline.of(JobConfig.parse(toml, identifier(), registry(), secondInputs));
    } catch (ConfigException e) {
      throw new IllegalArgumentException(
          "invalid configuration for "
              + identifier()
              + ":\n"
              + e.problems().stream()
                  .map(ConfigProblem::message)
                  .map(m -> "  " + m)
                  .collect(Collectors.joining("\n")),
          e);
    }
  }

  /** Applies the configured operation to {@code input}; second inputs by their names. */
  static final class OperationSchemaTransform extends SchemaTransform {
    private static final long serialVersionUID = 1L;

    private final OperationSchemaTransformProvider provider;
    private final Row configuration;

    OperationSchemaTransform(OperationSchemaTransformProvider provider, Row configuration) {
      this.provider = provider;
      this.configuration = configuration;
      // Validate now, so configuration errors surface where the transform is configured. The
      // second inputs are only known at expand(): any name the configuration mentions (right =
      // "weather") counts as registered here, and is checked against the real inputs there.
      java.util.Set<String> mentioned = new java.util.HashSet<>();
      for (Object v : configuration.getValues()) {
        if (v instanceof String) {
          mentioned.add((String) v);
        }
      }
      provider.pipeline(configuration, mentioned);
    }

    @Override
    public PCollectionRowTuple expand(PCollectionRowTuple input) {
      if (!input.has(INPUT)) {
        throw new IllegalArgumentException(
            provider.identifier()
                + ": no input named \""
                + INPUT
                + "\". Got "
                + input.getAll().keySet()
                + ". Pass the time-series rows as \""
                + INPUT
                + "\".");
      }
      Map<String, PCollection<Row>> second = new LinkedHashMap<>(input.getAll());
      PCollection<Row> main = second.remove(INPUT);
      TimeSeriesPipeline pipeline =
          provider.pipeline(configuration, second.keySet()).withInputs(second);
      return PCollectionRowTuple.of(OUTPUT, main.apply(provider.operation().type(), pipeline));
    }
  }
}

package io.industryts.schematransforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.config.IndustryPipeline;
import io.industryts.config.JobConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.beam.model.expansion.v1.ExpansionApi;
import org.apache.beam.model.expansion.v1.ExpansionServiceGrpc;
import org.apache.beam.model.pipeline.v1.ExternalTransforms;
import org.apache.beam.model.pipeline.v1.ExternalTransforms.ExpansionMethods;
import org.apache.beam.model.pipeline.v1.RunnerApi;
import org.apache.beam.model.pipeline.v1.SchemaApi;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.expansion.service.ExpansionServer;
import org.apache.beam.sdk.expansion.service.ExpansionService;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaTranslation;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.construction.BeamUrns;
import org.apache.beam.sdk.util.construction.PipelineTranslation;
import org.apache.beam.sdk.util.construction.SdkComponents;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.vendor.grpc.v1p60p1.com.google.protobuf.ByteString;
import org.apache.beam.vendor.grpc.v1p60p1.io.grpc.ManagedChannel;
import org.apache.beam.vendor.grpc.v1p60p1.io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Beam's expansion service, started in this JVM on a free port with the providers on the class
 * path, answers over gRPC (Beam's ExpansionApi) as Beam YAML and Beam Python would ask it: it lists
 * every operation with its configuration schema, and expands a chain of three operations, each
 * request taking the previous response's components, to the output schema the same TOML chain has.
 */
class ExpansionServiceTest {
  static ExpansionServer server;
  static ManagedChannel channel;
  static ExpansionServiceGrpc.ExpansionServiceBlockingStub stub;

  static final List<String[]> CHAIN =
      List.of(
          new String[] {"fill_null", "method = \"forward\"\ncolumns = [\"flow\"]"},
          new String[] {"lag", "columns = [\"flow\"]\nperiods = [1, 2]"},
          new String[] {
            "rolling", "window = \"30min\"\nfunctions = [\"mean\", \"max\"]\ncolumns = [\"flow\"]"
          });

  @BeforeAll
  static void start() throws Exception {
    server = ExpansionServer.create(new ExpansionService(), "localhost", 0);
    channel =
        ManagedChannelBuilder.forAddress("localhost", server.getPort()).usePlaintext().build();
    stub = ExpansionServiceGrpc.newBlockingStub(channel);
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void discoveryListsEveryOperationWithItsConfigurationSchema() {
    ExpansionApi.DiscoverSchemaTransformResponse r =
        stub.discoverSchemaTransform(
            ExpansionApi.DiscoverSchemaTransformRequest.getDefaultInstance());
    assertEquals("", r.getError());
    for (String type : OperationSchemaTransformProvider.registry().types()) {
      String id = "beam:schematransform:io.industryts:" + type + ":v1";
      ExpansionApi.SchemaTransformConfig config = r.getSchemaTransformConfigsOrThrow(id);
      Schema schema = SchemaTranslation.schemaFromProto(config.getConfigSchema());
      assertEquals(
          ConfigurationSchemas.of(
                  OperationSchemaTransformProvider.registry()
                      .find(type)
                      .orElseThrow()
                      .description())
              .getFieldNames(),
          schema.getFieldNames(),
          id);
      assertEquals(List.of("input"), config.getInputPcollectionNamesList(), id);
      assertEquals(List.of("output"), config.getOutputPcollectionNamesList(), id);
    }
    ExpansionApi.SchemaTransformConfig lag =
        r.getSchemaTransformConfigsOrThrow("beam:schematransform:io.industryts:lag:v1");
    assertTrue(
        lag.getDescription().startsWith("Add {c}_lag{n} (rows) or {c}_lag_{d}"),
        lag.getDescription());
  }

  @Test
  void chainOfThreeOperationsExpandsToTheTomlChainsOutputSchema() throws Exception {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<Row> input =
        p.apply(
            Create.of(ProvidersMatchTomlStepsTest.readings())
                .withRowSchema(ProvidersMatchTomlStepsTest.SCHEMA));
    SdkComponents sdk = SdkComponents.create(p.getOptions());
    String current = sdk.registerPCollection(input);
    RunnerApi.Pipeline proto = PipelineTranslation.toProto(p, sdk);
    RunnerApi.Components components = proto.getComponents();
    List<String> requirements = proto.getRequirementsList();

    for (int i = 0; i < CHAIN.size(); i++) {
      String type = CHAIN.get(i)[0];
      OperationSchemaTransformProvider provider = ProvidersMatchTomlStepsTest.provider(type);
      Schema configSchema = provider.configurationSchema();
      Row config =
          ConfigRows.of(configSchema, ProvidersMatchTomlStepsTest.SERIES + CHAIN.get(i)[1]);
      ExternalTransforms.SchemaTransformPayload payload =
          ExternalTransforms.SchemaTransformPayload.newBuilder()
              .setIdentifier(provider.identifier())
              .setConfigurationSchema(SchemaTranslation.schemaToProto(configSchema, true))
              .setConfigurationRow(
                  ByteString.copyFrom(
                      CoderUtils.encodeToByteArray(RowCoder.of(configSchema), config)))
              .build();
      ExpansionApi.ExpansionRequest request =
          ExpansionApi.ExpansionRequest.newBuilder()
              .setComponents(components)
              .addAllRequirements(requirements)
              .setNamespace("step" + i + "_")
              .setTransform(
                  RunnerApi.PTransform.newBuilder()
                      .setUniqueName(type)
                      .setSpec(
                          RunnerApi.FunctionSpec.newBuilder()
                              .setUrn(BeamUrns.getUrn(ExpansionMethods.Enum.SCHEMA_TRANSFORM))
                              .setPayload(payload.toByteString()))
                      .putInputs("input", current))
              .build();
      ExpansionApi.ExpansionResponse response = stub.expand(request);
      assertEquals("", response.getError(), type);
      assertEquals(
          List.of("output"), List.copyOf(response.getTransform().getOutputsMap().keySet()));
      current = response.getTransform().getOutputsOrThrow("output");
      components = response.getComponents();
      requirements = response.getRequirementsList();
    }

    RunnerApi.Coder coder =
        components.getCodersOrThrow(components.getPcollectionsOrThrow(current).getCoderId());
    assertEquals("beam:coder:row:v1", coder.getSpec().getUrn());
    Schema expanded =
        SchemaTranslation.schemaFromProto(SchemaApi.Schema.parseFrom(coder.getSpec().getPayload()));

    StringBuilder toml = new StringBuilder("[pipeline]\n" + ProvidersMatchTomlStepsTest.SERIES);
    for (String[] step : CHAIN) {
      toml.append("\n[[operations]]\ntype = \"")
          .append(step[0])
          .append("\"\n")
          .append(step[1])
          .append('\n');
    }
    Pipeline q = Pipeline.create(PipelineOptionsFactory.create());
    Schema fromToml =
        q.apply(
                Create.of(ProvidersMatchTomlStepsTest.readings())
                    .withRowSchema(ProvidersMatchTomlStepsTest.SCHEMA))
            .apply(
                IndustryPipeline.of(
                    JobConfig.parse(
                        toml.toString(),
                        "chain.toml",
                        OperationSchemaTransformProvider.registry())))
            .getSchema();
    assertEquals(fromToml.getFieldNames(), expanded.getFieldNames());
    assertTrue(expanded.equivalent(fromToml), expanded + " vs " + fromToml);
    assertEquals(
        List.of("flow_lag1", "flow_lag2"),
        expanded.getFieldNames().stream().filter(n -> n.startsWith("flow_lag")).toList());
    assertTrue(
        expanded
            .getFieldNames()
            .containsAll(List.of("flow_rolling_mean_30min", "flow_rolling_max_30min")),
        expanded.getFieldNames().toString());
  }

  @Test
  void invalidConfigurationIsAnsweredWithTheProblem() throws Exception {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<Row> input =
        p.apply(
            Create.of(ProvidersMatchTomlStepsTest.readings())
                .withRowSchema(ProvidersMatchTomlStepsTest.SCHEMA));
    SdkComponents sdk = SdkComponents.create(p.getOptions());
    String in = sdk.registerPCollection(input);
    RunnerApi.Pipeline proto = PipelineTranslation.toProto(p, sdk);
    OperationSchemaTransformProvider provider = ProvidersMatchTomlStepsTest.provider("resample");
    Schema configSchema = provider.configurationSchema();
    Row config = ConfigRows.of(configSchema, "rule = \"1h\"\naggregation = \"avg\"");
    ExternalTransforms.SchemaTransformPayload payload =
        ExternalTransforms.SchemaTransformPayload.newBuilder()
            .setIdentifier(provider.identifier())
            .setConfigurationSchema(SchemaTranslation.schemaToProto(configSchema, true))
            .setConfigurationRow(
                ByteString.copyFrom(
                    CoderUtils.encodeToByteArray(RowCoder.of(configSchema), config)))
            .build();
    ExpansionApi.ExpansionResponse response =
        stub.expand(
            ExpansionApi.ExpansionRequest.newBuilder()
                .setComponents(proto.getComponents())
                .addAllRequirements(proto.getRequirementsList())
                .setTransform(
                    RunnerApi.PTransform.newBuilder()
                        .setUniqueName("resample")
                        .setSpec(
                            RunnerApi.FunctionSpec.newBuilder()
                                .setUrn(BeamUrns.getUrn(ExpansionMethods.Enum.SCHEMA_TRANSFORM))
                                .setPayload(payload.toByteString()))
                        .putInputs("input", in))
                .build());
    assertTrue(
        response
            .getError()
            .contains("invalid configuration for beam:schematransform:io.industryts:resample:v1"),
        response.getError());
    assertTrue(response.getError().contains("aggregation"), response.getError());
  }
}

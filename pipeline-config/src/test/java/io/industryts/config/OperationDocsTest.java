package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.config.testing.EchoProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationDocsTest {
  private static final OperationDescription DIFF_LIKE =
      OperationDescription.builder("diff_like")
          .doc("Differences.")
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("periods", ParamType.INT_OR_INT_LIST)
                  .defaultsTo(List.of(1))
                  .atLeast(1)
                  .doc("Row distances."))
          .param(
              ParamSpec.of("how", ParamType.STRING)
                  .defaultsTo("any")
                  .allowed("any", "all")
                  .doc("Mode | variant."))
          .rule(ParamRule.notBoth("periods", "how"))
          .example("[[operations]]\ntype = \"diff_like\"\n")
          .build();

  @Test
  void describesKeysRulesAndExample() {
    assertEquals(
        "## diff_like (industryts:diff_like:v1)\n\n"
            + "Differences.\n\n"
            + "| key | type | default | allowed | meaning |\n"
            + "|---|---|---|---|---|\n"
            + "| `name` | string | \"<index>_<type>\" |  | Step name used for the Beam step,"
            + " messages and counters; unique in the file. |\n"
            + "| `columns` | [string] | value columns |  | Input columns the operation reads. |\n"
            + "| `periods` | int \\| [int] | [1] | >= 1 | Row distances. |\n"
            + "| `how` | string | \"any\" | any, all | Mode \\| variant. |\n"
            + "\n"
            + "Rules:\n"
            + "- set periods or how, not both\n"
            + "\n"
            + "Example:\n\n"
            + "```toml\n"
            + "[[operations]]\n"
            + "type = \"diff_like\"\n"
            + "```\n",
        OperationDocs.describe(DIFF_LIKE));
  }

  @Test
  void summaryAlignsOneLinePerType() {
    OperationRegistry registry =
        OperationRegistry.of(
            List.of(new EchoProvider(), new io.industryts.config.testing.FakeProvider(DIFF_LIKE)));
    assertEquals(
        "diff_like  industryts:diff_like:v1  Differences.\n"
            + "test_echo  industryts:test_echo:v1  Test operation.\n",
        OperationDocs.summary(registry));
  }

  @Test
  void referenceListsSectionsThenOperations() {
    OperationRegistry registry = OperationRegistry.of(List.of(new EchoProvider()));
    String md = OperationDocs.reference(registry);
    assertEquals(
        true,
        md.startsWith(
            "# industryts operations\n\n## [pipeline]\n\n"
                + "| key | type | default | allowed | meaning |\n|---|---|---|---|---|\n"
                + "| `name` | string | \"pipeline\" |  | Job name; used in step names and messages. |\n"),
        md);
    assertEquals(true, md.endsWith(OperationDocs.describe(EchoProvider.DESCRIPTION)), md);
  }
}

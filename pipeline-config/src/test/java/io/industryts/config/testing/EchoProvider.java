package io.industryts.config.testing;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test operation registered in the test {@code META-INF/services}: echoes its keys, step name
 * ({@code _step}) and registered inputs ({@code _inputs}); its factory rejects {@code fail =
 * "<message>"} with that message, as an operation factory would.
 */
public final class EchoProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("test_echo")
          .doc("Test operation.")
          .param(ParamSpec.of("fail", ParamType.STRING).doc("Factory error message to raise."))
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams params, StepContext context) {
    if (params.isSet("fail")) {
      throw new IllegalArgumentException(params.string("fail"));
    }
    Map<String, Object> echoed = new LinkedHashMap<>(params.explicit());
    echoed.put("_step", context.stepName());
    echoed.put("_inputs", context.inputNames());
    return new FakeOperation("test_echo", echoed);
  }
}

package io.industryts.config.ops;

import io.industryts.config.ColumnTypes;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Cast;
import io.industryts.ops.Invalid;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/** {@code cast} (SEMANTICS §2.6.4): convert columns to another type. */
public final class CastProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("cast")
          .doc("Convert columns to double, float, int64, int32, string or boolean.")
          .param(
              ParamSpec.of("types", ParamType.STRING_TABLE)
                  .required()
                  .allowed(ColumnTypes.NAMES)
                  .doc("Table column -> target type."))
          .param(InvalidParam.spec("cast_invalid"))
          .example("[[operations]]\ntype = \"cast\"\ntypes = { level = \"double\" }\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Cast op = null;
    for (Map.Entry<String, String> e : p.<String>table("types").entrySet()) {
      // the table's values were checked against ColumnTypes.NAMES when the job was loaded
      FieldType t = ColumnTypes.fieldType("Cast: types." + e.getKey(), e.getValue());
      op = op == null ? Cast.to(t, e.getKey()) : op.alsoTo(t, e.getKey());
    }
    if (op == null) {
      throw new IllegalArgumentException(
          "Cast: types is empty. Got {}; expected a table column -> type such as"
              + " { level = \"double\" }.");
    }
    return p.isSet("invalid")
        ? op.onInvalid(ProviderSupport.constant(Invalid.class, p.string("invalid")))
        : op;
  }
}

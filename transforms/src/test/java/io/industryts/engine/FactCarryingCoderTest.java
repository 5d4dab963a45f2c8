package io.industryts.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.ChunkLayout;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/**
 * Join-value coders compare equal exactly when their layouts do (Flink unions only inputs whose
 * coders are equal), are not deterministic (facts are Java-serialized) and round-trip facts.
 */
class FactCarryingCoderTest {
  private static ChunkLayout layout(String value) {
    return ChunkLayout.of(
        Schema.builder().addDateTimeField("time").addNullableField(value, FieldType.DOUBLE).build(),
        "time",
        List.of());
  }

  @Test
  void coderInstancesOfEqualLayoutsAreEqualOthersAreNot() {
    Part.PartCoder a = new Part.PartCoder(layout("v"));
    Part.PartCoder b = new Part.PartCoder(layout("v"));
    assertThat(a, equalTo(b));
    assertThat(a.hashCode(), is(b.hashCode()));
    assertThat(a, not(equalTo(new Part.PartCoder(layout("w")))));
    JoinPart.JoinPartCoder j = new JoinPart.JoinPartCoder(layout("v"), layout("w"));
    assertThat(j, equalTo(new JoinPart.JoinPartCoder(layout("v"), layout("w"))));
    assertThat(j, not(equalTo(new JoinPart.JoinPartCoder(layout("w"), layout("v")))));
    assertThat((Object) j, not(equalTo((Object) a)));
  }

  @Test
  void factsRoundTripAndTheCoderIsNotDeterministic() throws Exception {
    Part.PartCoder coder = new Part.PartCoder(layout("v"));
    Part back = CoderUtils.clone(coder, Part.ofFact(null, "a fact"));
    assertThat(back.fact, equalTo("a fact"));
    assertThrows(Coder.NonDeterministicException.class, coder::verifyDeterministic);
  }
}

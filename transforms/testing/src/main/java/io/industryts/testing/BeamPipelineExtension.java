package io.industryts.testing;

import java.lang.reflect.Method;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * JUnit 5 support for Beam's {@link TestPipeline} (a JUnit 4 rule in Beam 2.62): injects a fresh
 * pipeline into each test method (and each invocation of a parameterized or repeated test) and runs
 * the test body inside the rule, so a test that builds a pipeline but forgets {@code run()} fails,
 * exactly as under JUnit 4.
 *
 * <pre>{@code
 * @ExtendWith(BeamPipelineExtension.class)
 * class LagTest {
 *   @Test
 *   void firstRowHasNullLag(TestPipeline p) { ...; p.run(); }
 * }
 * }</pre>
 */
public final class BeamPipelineExtension implements ParameterResolver, InvocationInterceptor {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(BeamPipelineExtension.class);

  /** Resolves parameters of type {@link TestPipeline}. */
  @Override
  public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
    return pc.getParameter().getType() == TestPipeline.class;
  }

  /** A fresh {@link TestPipeline} per test (per invocation for test templates). */
  @Override
  public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
    return ec.getStore(NS)
        .getOrComputeIfAbsent("pipeline", k -> TestPipeline.create(), TestPipeline.class);
  }

  /** Runs the test body inside the pipeline's rule when the test takes a pipeline. */
  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext ec)
      throws Throwable {
    runInsideRule(invocation, ec);
  }

  /**
   * Each invocation of a {@code @ParameterizedTest} or {@code @RepeatedTest} gets its own pipeline.
   */
  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext ec)
      throws Throwable {
    runInsideRule(invocation, ec);
  }

  private static void runInsideRule(Invocation<Void> invocation, ExtensionContext ec)
      throws Throwable {
    TestPipeline pipeline = ec.getStore(NS).get("pipeline", TestPipeline.class);
    if (pipeline == null) {
      invocation.proceed();
      return;
    }
    Statement body =
        new Statement() {
          @Override
          public void evaluate() throws Throwable {
            invocation.proceed();
          }
        };
    Description description =
        Description.createTestDescription(
            ec.getRequiredTestClass(), ec.getRequiredTestMethod().getName());
    pipeline.apply(body, description).evaluate();
  }
}

package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Kernel;

/** The parts every kernel of this package shares: step name, output layout, declared context. */
abstract class BaseKernel implements Kernel {
  private static final long serialVersionUID = 1L;

  private final String stepName;
  private final ChunkLayout outputLayout;
  private final ContextSpec context;

  BaseKernel(String stepName, ChunkLayout outputLayout, ContextSpec context) {
    this.stepName = stepName;
    this.outputLayout = outputLayout;
    this.context = context;
  }

  @Override
  public String stepName() {
    return stepName;
  }

  @Override
  public ChunkLayout outputLayout() {
    return outputLayout;
  }

  @Override
  public ContextSpec context() {
    return context;
  }
}

package io.industryts.config.testing;

import io.industryts.config.OperationProvider;
import io.industryts.config.OperationRegistry;
import io.industryts.config.ops.AsofJoinProvider;
import io.industryts.config.ops.BoxCoxProvider;
import io.industryts.config.ops.CastProvider;
import io.industryts.config.ops.ClipProvider;
import io.industryts.config.ops.CounterProvider;
import io.industryts.config.ops.CumulativeProvider;
import io.industryts.config.ops.DatetimeFeaturesProvider;
import io.industryts.config.ops.DiffProvider;
import io.industryts.config.ops.DownsampleLttbProvider;
import io.industryts.config.ops.DropColumnsProvider;
import io.industryts.config.ops.DropDuplicatesProvider;
import io.industryts.config.ops.DropNullProvider;
import io.industryts.config.ops.EwmProvider;
import io.industryts.config.ops.FillNullProvider;
import io.industryts.config.ops.FilterTimeProvider;
import io.industryts.config.ops.GroupByTimeProvider;
import io.industryts.config.ops.InterpolateProvider;
import io.industryts.config.ops.LagProvider;
import io.industryts.config.ops.LeadProvider;
import io.industryts.config.ops.LogProvider;
import io.industryts.config.ops.MaskQualityProvider;
import io.industryts.config.ops.NormalizeProvider;
import io.industryts.config.ops.OutliersProvider;
import io.industryts.config.ops.PctChangeProvider;
import io.industryts.config.ops.RegularizeProvider;
import io.industryts.config.ops.RenameProvider;
import io.industryts.config.ops.ResampleProvider;
import io.industryts.config.ops.RollingProvider;
import io.industryts.config.ops.ScaleProvider;
import io.industryts.config.ops.SelectProvider;
import io.industryts.config.ops.SnapTimeProvider;
import io.industryts.config.ops.StateIntervalsProvider;
import io.industryts.config.ops.YeoJohnsonProvider;
import java.util.ArrayList;
import java.util.List;

/** Registries for loader tests: the real descriptions with fake operations, plus test_echo. */
public final class TestRegistries {
  private TestRegistries() {}

  /** Every described operation (registered or not yet). */
  public static List<OperationProvider> realProviders() {
    return List.of(
        new DropDuplicatesProvider(),
        new FillNullProvider(),
        new OutliersProvider(),
        new ResampleProvider(),
        new LagProvider(),
        new LeadProvider(),
        new RollingProvider(),
        new DiffProvider(),
        new PctChangeProvider(),
        new ScaleProvider(),
        new DatetimeFeaturesProvider(),
        new InterpolateProvider(),
        new DropNullProvider(),
        new ClipProvider(),
        new FilterTimeProvider(),
        new SnapTimeProvider(),
        new RegularizeProvider(),
        new EwmProvider(),
        new NormalizeProvider(),
        new LogProvider(),
        new BoxCoxProvider(),
        new YeoJohnsonProvider(),
        new GroupByTimeProvider(),
        new CumulativeProvider(),
        new SelectProvider(),
        new DropColumnsProvider(),
        new RenameProvider(),
        new CastProvider(),
        new AsofJoinProvider(),
        new CounterProvider(),
        new StateIntervalsProvider(),
        new MaskQualityProvider(),
        new DownsampleLttbProvider());
  }

  /** Real descriptions, fake operations, and {@code test_echo}. */
  public static OperationRegistry fakes() {
    List<OperationProvider> providers = new ArrayList<>();
    for (OperationProvider p : realProviders()) {
      providers.add(new FakeProvider(p.description()));
    }
    providers.add(new EchoProvider());
    return OperationRegistry.of(providers);
  }
}

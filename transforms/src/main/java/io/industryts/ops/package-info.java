/**
 * The operations of SEMANTICS §2: one public class per operation, each a Beam {@code PTransform}
 * over {@code PCollection<Row>} with a kernel on the chunk engine.
 *
 * <p>Cleaning: {@link io.industryts.ops.DropDuplicates}, {@link io.industryts.ops.FillNull}, {@link
 * io.industryts.ops.Interpolate}, {@link io.industryts.ops.DropNull}, {@link
 * io.industryts.ops.Outliers}, {@link io.industryts.ops.Clip}. Time: {@link
 * io.industryts.ops.Resample}, {@link io.industryts.ops.Regularize}, {@link
 * io.industryts.ops.Rolling}, {@link io.industryts.ops.FilterTime}, {@link
 * io.industryts.ops.SnapTime}. Features: {@link io.industryts.ops.Lag}, {@link
 * io.industryts.ops.Lead}, {@link io.industryts.ops.Diff}, {@link io.industryts.ops.PctChange},
 * {@link io.industryts.ops.DatetimeFeatures}, {@link io.industryts.ops.Ewm}. Transformations:
 * {@link io.industryts.ops.Scale}.
 *
 * <p>Every operation is immutable (each {@code with*} returns a copy), resolves and validates its
 * columns against the input schema when planned (value columns by default: numeric, not time, not
 * key, not marked {@code industryts.derived}), and marks the feature columns it adds as derived.
 * Output columns keep NOT NULL where the operation cannot create a null.
 *
 * <p>Every factory returns a transform usable on its own ({@code input.apply(Lag.rows(1))}) and
 * inside a {@link io.industryts.TimeSeriesPipeline}. Used on its own, an operation runs under its
 * own series options ({@code .keyedBy}, {@code .withTimeColumn}, {@code .withTimeZone}); without
 * {@code keyedBy} the whole input is one series, and an input with a STRING field named like a
 * series key ({@code tag}, {@code asset}, {@code sensor}, ...) draws a warning in the log.
 *
 * <p>The time field: whatever its input type, it leaves every operation as Beam {@code DATETIME}
 * (Joda instants, millisecond resolution, SEMANTICS §1.3). A time field read as INT64 or DOUBLE
 * epoch numbers, as STRING, or as a logical timestamp type is converted in place (same name) before
 * the first operation runs, so its type in the output schema is DATETIME.
 *
 * <p>Windows and streams: each class states its execution class (SEMANTICS §1.14). Windowed input
 * is processed per window; unbounded input in the global window is rejected when an operation is
 * applied.
 */
package io.industryts.ops;

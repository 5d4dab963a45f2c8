/**
 * The operations of SEMANTICS §2: one public class per operation, each a Beam {@code PTransform}
 * over {@code PCollection<Row>} with a kernel on the chunk engine.
 *
 * <p>Cleaning: {@link io.industryts.ops.DropDuplicates}, {@link io.industryts.ops.FillNull},
 * {@link io.industryts.ops.Interpolate}, {@link io.industryts.ops.DropNull}, {@link
 * io.industryts.ops.Outliers}, {@link io.industryts.ops.Clip}. Time: {@link
 * io.industryts.ops.Resample}, {@link io.industryts.ops.Regularize}, {@link
 * io.industryts.ops.Rolling}, {@link io.industryts.ops.FilterTime}, {@link
 * io.industryts.ops.SnapTime}. Features: {@link io.industryts.ops.Lag}, {@link
 * io.industryts.ops.Lead}, {@link io.industryts.ops.Diff}, {@link io.industryts.ops.PctChange},
 * {@link io.industryts.ops.DatetimeFeatures}, {@link io.industryts.ops.Ewm}. Transformations: {@link io.industryts.ops.Scale}.
 *
 * <p>Every operation is immutable (each {@code with*} returns a copy), resolves and validates its
 * columns against the input schema when planned (value columns by default: numeric, not time, not
 * key, not marked {@code industryts.derived}), and marks the feature columns it adds as derived.
 */
package io.industryts.ops;

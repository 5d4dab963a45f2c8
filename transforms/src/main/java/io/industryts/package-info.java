/**
 * industryts: time-series conventions shared by every operation (time column resolution, series
 * options, error records) and the {@link io.industryts.TimeSeriesTransform} base class.
 */
package io.industryts;

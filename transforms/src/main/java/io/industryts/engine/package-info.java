/**
 * The chunk engine (ARCHITECTURE §2): columnar {@link io.industryts.engine.Chunk}s of one series,
 * kernels that declare their context, segmentation of each series into time segments, halos,
 * carries, fitted statistics and fusion of consecutive kernels into passes.
 */
package io.industryts.engine;

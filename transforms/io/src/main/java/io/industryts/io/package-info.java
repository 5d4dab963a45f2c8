/**
 * File input and output straight into and out of chunks (ARCHITECTURE §2, SEMANTICS §2.7): CSV,
 * Parquet and Arrow IPC.
 *
 * <ul>
 *   <li>{@link io.industryts.io.FileInput} inspects the files when the pipeline is built (schema,
 *       time column, CSV dialect and types) and reads them as a splittable source: CSV byte ranges,
 *       Parquet row groups, Arrow files. It produces a {@link io.industryts.io.ReadResult}: chunks
 *       of one series each, and error rows for bad input rows.
 *   <li>{@link io.industryts.io.FileOutput} writes sorted segments to CSV, Parquet or Arrow IPC in
 *       series order, atomically (temporary file, then rename).
 *   <li>{@link io.industryts.io.DeadLetters} writes error rows to {@code .csv} or {@code .jsonl}.
 * </ul>
 *
 * <p>Readers know no operation and writers know no engine internals beyond chunks and layouts.
 */
package io.industryts.io;

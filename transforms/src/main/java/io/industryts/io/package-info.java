/** File input and output straight into and out of chunks: CSV, Parquet and Arrow IPC. */
package io.industryts.io;

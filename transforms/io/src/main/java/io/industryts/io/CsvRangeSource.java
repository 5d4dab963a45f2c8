package io.industryts.io;

import io.industryts.io.CsvSource.Plan;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.display.DisplayData;

/**
 * The files as a source; split into byte ranges (a file that contains {@code "}: one range).
 *
 * <p>A {@link BoundedSource} rather than {@code Create.of(ranges)} + {@code Reshuffle} + a ParDo:
 * runners split a source when the job starts (the DirectRunner runs the splits on its worker
 * threads) without a shuffle. Measured on 2 cores, a {@code Reshuffle} of ten elements alone added
 * 0.2-0.5 s to a DirectRunner pipeline, about as much as parsing the 80 MB benchmark file.
 */
final class CsvRangeSource extends BoundedSource<ReadItem> {
  private static final long serialVersionUID = 1L;
  private final Plan plan;
  private final Range range; // null: all files, not split yet
  private final boolean provenance; // rows carry file and line (Chunk origins)
  private final boolean blocks; // keyed rows leave as one block per range, not a chunk per series

  /** Byte range {@code [start, end)} of a file; quoted ranges cover the whole file. */
  static final class Range implements Serializable {
    private static final long serialVersionUID = 1L;
    final String path;
    final int fileIndex;
    final long start;
    final long end;
    final boolean quotes;
    final long firstLine; // physical line of the range's first record

    Range(String path, int fileIndex, long start, long end, boolean quotes, long firstLine) {
      this.path = path;
      this.fileIndex = fileIndex;
      this.start = start;
      this.end = end;
      this.quotes = quotes;
      this.firstLine = firstLine;
    }

    @Override
    public String toString() {
      return path + "[" + start + ", " + end + ")" + (quotes ? " quoted" : "");
    }
  }

  CsvRangeSource(Plan plan, Range range, boolean provenance) {
    this(plan, range, provenance, false);
  }

  /**
   * @param blocks whether the rows of many series leave each range as blocks ({@link
   *     io.industryts.engine.spi.Chunk#block}), for a consumer that takes blocks apart
   */
  CsvRangeSource(Plan plan, Range range, boolean provenance, boolean blocks) {
    this.plan = plan;
    this.range = range;
    this.provenance = provenance;
    this.blocks = blocks;
  }

  @Override
  public List<CsvRangeSource> split(long desiredBundleSizeBytes, PipelineOptions options)
      throws IOException {
    if (range != null) {
      return List.of(this);
    }
    List<CsvRangeSource> out = new ArrayList<>();
    for (int i = 0; i < plan.files.size(); i++) {
      String file = plan.files.get(i);
      Path path = Paths.get(file);
      long size = Files.size(path);
      if (size == 0) {
        throw new IOException("empty file: " + file);
      }
      if (size <= plan.splitBytes) {
        out.add(new CsvRangeSource(plan, new Range(file, i, 0, size, true, 1), provenance, blocks));
        continue;
      }
      long pieces = (size + plan.splitBytes - 1) / plan.splitBytes;
      long step = (size + pieces - 1) / pieces;
      List<Long> starts = new ArrayList<>();
      for (long start = step; start < size; start += step) {
        starts.add(start);
      }
      long[] boundaries = new long[starts.size()];
      for (int k = 0; k < boundaries.length; k++) {
        boundaries[k] = starts.get(k) - 1;
      }
      // one pass: quotes (then one range) and, for rows that carry their origin, the line feeds
      // before each range (the physical line of its first row); read errors find their lines
      // from byte offsets on their own
      long[] feeds =
          provenance
              ? FileBytes.lineFeedsBeforeUnlessQuoted(path, boundaries)
              : FileBytes.containsQuote(path) ? null : new long[boundaries.length];
      if (feeds == null) {
        out.add(new CsvRangeSource(plan, new Range(file, i, 0, size, true, 1), provenance, blocks));
        continue;
      }
      out.add(
          new CsvRangeSource(
              plan, new Range(file, i, 0, Math.min(size, step), false, 1), provenance, blocks));
      for (int k = 0; k < boundaries.length; k++) {
        long start = starts.get(k);
        // the range's first record follows the first line feed at or after start - 1
        out.add(
            new CsvRangeSource(
                plan,
                new Range(file, i, start, Math.min(size, start + step), false, feeds[k] + 2),
                provenance,
                blocks));
      }
    }
    return out;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) throws IOException {
    if (range != null) {
      return range.end - range.start;
    }
    long total = 0;
    for (String f : plan.files) {
      total += Files.size(Paths.get(f));
    }
    return total;
  }

  @Override
  public BoundedReader<ReadItem> createReader(PipelineOptions options) throws IOException {
    if (range == null) {
      // read unsplit: one range per file, in order
      return new ConcatReader(this, split(0, options));
    }
    return new CsvRangeReader(this, plan, range, provenance, blocks);
  }

  @Override
  public Coder<ReadItem> getOutputCoder() {
    return new ReadItem.ItemCoder(plan.layout);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    builder.add(DisplayData.item("files", String.join(", ", plan.files)).withLabel("Files"));
    if (range != null) {
      builder.add(DisplayData.item("range", range.toString()).withLabel("Range"));
    }
  }
}

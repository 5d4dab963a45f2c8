package io.industryts.io;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.BoundedSource;

/** Reads several sources one after the other (a source that was not split). */
final class ConcatReader extends ReadItem.Reader {
  private final BoundedSource<ReadItem> source;
  private final List<? extends BoundedSource<ReadItem>> parts;
  private int next;
  private BoundedSource.BoundedReader<ReadItem> reader;

  ConcatReader(BoundedSource<ReadItem> source, List<? extends BoundedSource<ReadItem>> parts) {
    this.source = source;
    this.parts = parts;
  }

  @Override
  protected void open() {}

  @Override
  protected boolean produce() throws IOException {
    while (true) {
      if (reader == null) {
        if (next == parts.size()) {
          return false;
        }
        reader = parts.get(next++).createReader(null);
        if (!reader.start()) {
          reader.close();
          reader = null;
          continue;
        }
      } else if (!reader.advance()) {
        reader.close();
        reader = null;
        continue;
      }
      ReadItem item = reader.getCurrent();
      if (item.chunk != null) {
        chunk(item.chunk, item.timestamp);
      } else {
        error(item.error);
      }
      return true;
    }
  }

  @Override
  public BoundedSource<ReadItem> getCurrentSource() {
    return source;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}

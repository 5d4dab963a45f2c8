package io.industryts.engine.spi;

import java.util.Arrays;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Grows one column cell by cell (readers, the Row edge). Pick the builder with {@link
 * #forType(FieldType, int)}; call the {@code append} method of its storage kind.
 */
public abstract class ColumnBuilder {
  protected boolean[] nulls;
  protected int size;

  ColumnBuilder(int capacity) {
    this.nulls = new boolean[Math.max(capacity, 16)];
  }

  /** The builder for a Beam field type's storage kind ({@link Column}). */
  public static ColumnBuilder forType(FieldType type, int capacity) {
    switch (type.getTypeName()) {
      case DOUBLE:
      case FLOAT:
        return new Doubles(capacity);
      case BYTE:
      case INT16:
      case INT32:
      case INT64:
        return new Longs(capacity);
      case BOOLEAN:
        return new Booleans(capacity);
      default:
        return new Objects(capacity);
    }
  }

  public int size() {
    return size;
  }

  protected void grow() {
    if (size == nulls.length) {
      int cap = nulls.length * 2;
      nulls = Arrays.copyOf(nulls, cap);
      growValues(cap);
    }
  }

  protected abstract void growValues(int capacity);

  public abstract void appendNull();

  /** Appends a boxed Row value (null allowed). */
  public abstract void appendValue(Object value);

  public void appendDouble(double v) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not hold doubles");
  }

  public void appendLong(long v) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not hold longs");
  }

  public void appendBoolean(boolean v) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not hold booleans");
  }

  public abstract Column build();

  /** DOUBLE/FLOAT. */
  public static final class Doubles extends ColumnBuilder {
    private double[] values;

    public Doubles(int capacity) {
      super(capacity);
      values = new double[nulls.length];
    }

    @Override
    protected void growValues(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    public void appendNull() {
      grow();
      nulls[size++] = true;
    }

    @Override
    public void appendDouble(double v) {
      grow();
      values[size++] = v;
    }

    @Override
    public void appendValue(Object value) {
      if (value == null) {
        appendNull();
      } else {
        appendDouble(((Number) value).doubleValue());
      }
    }

    @Override
    public DoubleColumn build() {
      return new DoubleColumn(Arrays.copyOf(values, size), Arrays.copyOf(nulls, size));
    }
  }

  /** BYTE/INT16/INT32/INT64. */
  public static final class Longs extends ColumnBuilder {
    private long[] values;

    public Longs(int capacity) {
      super(capacity);
      values = new long[nulls.length];
    }

    @Override
    protected void growValues(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    public void appendNull() {
      grow();
      nulls[size++] = true;
    }

    @Override
    public void appendLong(long v) {
      grow();
      values[size++] = v;
    }

    @Override
    public void appendValue(Object value) {
      if (value == null) {
        appendNull();
      } else {
        appendLong(((Number) value).longValue());
      }
    }

    @Override
    public LongColumn build() {
      return new LongColumn(Arrays.copyOf(values, size), Arrays.copyOf(nulls, size));
    }
  }

  /** BOOLEAN. */
  public static final class Booleans extends ColumnBuilder {
    private boolean[] values;

    public Booleans(int capacity) {
      super(capacity);
      values = new boolean[nulls.length];
    }

    @Override
    protected void growValues(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    public void appendNull() {
      grow();
      nulls[size++] = true;
    }

    @Override
    public void appendBoolean(boolean v) {
      grow();
      values[size++] = v;
    }

    @Override
    public void appendValue(Object value) {
      if (value == null) {
        appendNull();
      } else {
        appendBoolean((Boolean) value);
      }
    }

    @Override
    public BooleanColumn build() {
      return new BooleanColumn(Arrays.copyOf(values, size), Arrays.copyOf(nulls, size));
    }
  }

  /** Every other type, boxed. */
  public static final class Objects extends ColumnBuilder {
    private Object[] values;

    public Objects(int capacity) {
      super(capacity);
      values = new Object[nulls.length];
    }

    @Override
    protected void growValues(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    public void appendNull() {
      grow();
      size++;
    }

    @Override
    public void appendValue(Object value) {
      grow();
      values[size++] = value;
    }

    @Override
    public ObjectColumn build() {
      return new ObjectColumn(Arrays.copyOf(values, size));
    }
  }
}

package io.industryts.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * Any {@link Serializable} value through Java serialization, length-prefixed so that it can sit
 * inside other coders' output. Beam's {@code SerializableCoder.of(Serializable.class)} does the
 * same, but, built for one concrete class, it logs a warning on every run that the interface
 * declares no {@code equals}; the engine's facts are never compared in encoded form (the coders
 * using this one are not deterministic and say so), so the warning does not apply.
 */
final class JavaSerializedCoder extends AtomicCoder<Serializable> {
  private static final long serialVersionUID = 1L;
  private static final JavaSerializedCoder INSTANCE = new JavaSerializedCoder();

  private JavaSerializedCoder() {}

  static JavaSerializedCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Serializable value, OutputStream out) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
      oos.writeObject(value);
    }
    VarIntCoder.of().encode(bytes.size(), out);
    bytes.writeTo(out);
  }

  @Override
  public Serializable decode(InputStream in) throws IOException {
    int n = VarIntCoder.of().decode(in);
    byte[] bytes = in.readNBytes(n);
    if (bytes.length != n) {
      throw new CoderException(
          "JavaSerializedCoder: expected " + n + " bytes, got " + bytes.length);
    }
    try (ObjectInputStream ois = new ContextObjectInputStream(bytes)) {
      return (Serializable) ois.readObject();
    } catch (ClassNotFoundException e) {
      throw new CoderException("JavaSerializedCoder: cannot decode a value: " + e.getMessage(), e);
    }
  }

  /** Resolves classes through the thread's context class loader first (Flink's user code). */
  private static final class ContextObjectInputStream extends ObjectInputStream {
    ContextObjectInputStream(byte[] bytes) throws IOException {
      super(new java.io.ByteArrayInputStream(bytes));
    }

    @Override
    protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader != null) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // fall back to the default resolution
        }
      }
      return super.resolveClass(desc);
    }
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "Java serialization is not deterministic");
  }
}

package dev.ember.execution.cluster;

import dev.ember.catalyst.errors.EmberException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * The envelope of every message between the driver and executors (tasks, statuses, heartbeats):
 * a magic number, a format version, then the message in Java serialization — what Spark uses
 * for its tasks too. A peer built from other sources fails fast on the version instead of
 * misreading a plan. The layout is documented in {@code docs/cluster.md}.
 */
public final class WireFormat {
  /** "EMBR". */
  public static final int MAGIC = 0x454D4252;
  /** Bump when any record that travels changes shape. */
  public static final int VERSION = 3; // 2: StageInputExec.ranges (adaptive execution); 3: PartitionRange map ranges (skewed joins), TaskSettings.slowTask, KillTask (speculation)

  private WireFormat() {}

  public static byte[] encode(Serializable message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      try (ObjectOutputStream o = new ObjectOutputStream(out)) {
        o.writeObject(message);
      }
    } catch (NotSerializableException e) {
      throw new EmberException(EmberException.FEATURE_NOT_SUPPORTED,
          "not supported in cluster mode: " + e.getMessage() + " cannot be sent to an executor");
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
    }
    return bytes.toByteArray();
  }

  public static Object decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int magic = in.readInt();
      if (magic != MAGIC) throw new IllegalStateException("not an Ember cluster message (magic " + Integer.toHexString(magic) + ")");
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalStateException("cluster message format " + version + " (this build reads " + VERSION
            + "): driver and executors must run the same Ember build");
      }
      try (ObjectInputStream o = new ObjectInputStream(in)) {
        return o.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot decode a cluster message", e);
    }
  }
}

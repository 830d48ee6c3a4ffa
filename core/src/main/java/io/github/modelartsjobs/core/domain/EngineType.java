package io.github.modelartsjobs.core.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine family of a training job, the service's {@code engine_type} code.
 *
 * <p>The documented codes are constants. Any other code (real accounts send 1000 for built-in
 * algorithms) is kept as an unknown type with its number, never an exception; the engine name the
 * service sent stays in {@link Engine#name()}. Instances are immutable and equal by code.
 */
public final class EngineType {

  private static final Map<Integer, EngineType> KNOWN = new TreeMap<>();

  /** 1: TensorFlow. */
  public static final EngineType TENSORFLOW = known(1, "TensorFlow");

  /** 2: MXNet. */
  public static final EngineType MXNET = known(2, "MXNet");

  /** 3: Ray. */
  public static final EngineType RAY = known(3, "Ray");

  /** 4: Caffe. */
  public static final EngineType CAFFE = known(4, "Caffe");

  /** 5: Spark MLlib. */
  public static final EngineType SPARK_MLLIB = known(5, "Spark_MLlib");

  /** 6: scikit-learn. */
  public static final EngineType SCIKIT_LEARN = known(6, "Scikit_Learn");

  /** 9: XGBoost with scikit-learn. */
  public static final EngineType XGBOOST_SKLEARN = known(9, "XGBoost-Sklearn");

  /** 10: PyTorch. */
  public static final EngineType PYTORCH = known(10, "PyTorch");

  /** 12: Horovod. */
  public static final EngineType HOROVOD = known(12, "Horovod");

  /** 13: Ascend-Powered-Engine. */
  public static final EngineType ASCEND = known(13, "Ascend-Powered-Engine");

  /** 17: MindSpore on GPU. */
  public static final EngineType MINDSPORE_GPU = known(17, "MindSpore-GPU");

  private final int code;
  private final String documentedName;

  private EngineType(int code, String documentedName) {
    this.code = code;
    this.documentedName = documentedName;
  }

  private static EngineType known(int code, String name) {
    EngineType type = new EngineType(code, name);
    KNOWN.put(code, type);
    return type;
  }

  /**
   * The engine type for a code as the service sends it.
   *
   * @param code the {@code engine_type} field
   * @return the documented constant, or an unknown type keeping the code; never throws
   */
  public static EngineType of(int code) {
    EngineType type = KNOWN.get(code);
    return type != null ? type : new EngineType(code, null);
  }

  /**
   * Every documented engine type, in code order.
   *
   * @return an unmodifiable list of the constants
   */
  public static List<EngineType> documented() {
    return List.copyOf(KNOWN.values());
  }

  /** The code as sent by the service. */
  public int code() {
    return code;
  }

  /** The documented engine name for this code; empty for codes this library does not know. */
  public Optional<String> documentedName() {
    return Optional.ofNullable(documentedName);
  }

  /** Whether the code is one of the documented engine types. */
  public boolean isKnown() {
    return documentedName != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EngineType that && code == that.code;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(code);
  }

  /** For example {@code TensorFlow(1)} or {@code unknown engine type 1000}. */
  @Override
  public String toString() {
    return documentedName != null
        ? documentedName + "(" + code + ")"
        : "unknown engine type " + code;
  }
}

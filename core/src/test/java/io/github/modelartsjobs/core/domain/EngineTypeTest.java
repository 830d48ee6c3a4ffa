package io.github.modelartsjobs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EngineTypeTest {

  /** Section 4 of the API reference. */
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "1, TensorFlow",
    "2, MXNet",
    "3, Ray",
    "4, Caffe",
    "5, Spark_MLlib",
    "6, Scikit_Learn",
    "9, XGBoost-Sklearn",
    "10, PyTorch",
    "12, Horovod",
    "13, Ascend-Powered-Engine",
    "17, MindSpore-GPU",
  })
  void documentedCodeHasItsName(int code, String name) {
    EngineType type = EngineType.of(code);

    assertThat(type.code()).isEqualTo(code);
    assertThat(type.documentedName()).contains(name);
    assertThat(type.isKnown()).isTrue();
    assertThat(type).hasToString(name + "(" + code + ")");
  }

  @Test
  void documentedListsTheElevenCodesInOrder() {
    assertThat(EngineType.documented())
        .extracting(EngineType::code)
        .containsExactly(1, 2, 3, 4, 5, 6, 9, 10, 12, 13, 17);
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {0, 7, 8, 11, 14, 18, 1000, -1, Integer.MAX_VALUE})
  void undocumentedCodeKeepsItsNumber(int code) {
    EngineType type = EngineType.of(code);

    assertThat(type.code()).isEqualTo(code);
    assertThat(type.documentedName()).isEmpty();
    assertThat(type.isKnown()).isFalse();
    assertThat(type).hasToString("unknown engine type " + code);
  }

  @Test
  void typesAreEqualByCode() {
    assertThat(EngineType.of(1000)).isEqualTo(EngineType.of(1000));
    assertThat(EngineType.of(1000)).hasSameHashCodeAs(EngineType.of(1000));
    assertThat(EngineType.of(1000)).isNotEqualTo(EngineType.of(1001));
    assertThat(EngineType.of(1)).isSameAs(EngineType.TENSORFLOW);
  }

  @Test
  void engineShowsTheNameTheServiceSentBeforeTheDocumentedOne() {
    Engine engine =
        new Engine(
            Optional.of(EngineType.of(1000)),
            Optional.of("INNER_TensorFlow"),
            Optional.empty(),
            OptionalLong.empty());

    assertThat(engine.displayName()).contains("INNER_TensorFlow");
  }

  @Test
  void engineWithoutASentNameShowsTheDocumentedName() {
    Engine engine =
        new Engine(
            Optional.of(EngineType.PYTORCH),
            Optional.empty(),
            Optional.empty(),
            OptionalLong.of(3));

    assertThat(engine.displayName()).contains("PyTorch");
  }

  @Test
  void engineOfAnUndocumentedTypeWithoutANameHasNoDisplayName() {
    Engine engine =
        new Engine(
            Optional.of(EngineType.of(1000)),
            Optional.empty(),
            Optional.empty(),
            OptionalLong.empty());

    assertThat(engine.displayName()).isEmpty();
    assertThat(Engine.NONE.displayName()).isEmpty();
  }
}

package io.github.modelartsjobs.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

  @Test
  void changesToTheOriginalDoNotReachTheCopy() {
    List<Object> inner = new ArrayList<>(List.of(1L, "two"));
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("list", inner);
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("nested", nested);

    Map<String, Object> copy = JsonValues.copyOfObject(original);
    inner.add(3L);
    nested.put("added", true);
    original.put("top", "x");

    assertThat(copy).isEqualTo(Map.of("nested", Map.of("list", List.of(1L, "two"))));
  }

  @Test
  void copyIsUnmodifiableAtEveryLevel() {
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("list", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("k", "v")))));

    Map<String, Object> copy = JsonValues.copyOfObject(original);
    List<?> list = (List<?>) copy.get("list");
    @SuppressWarnings("unchecked")
    Map<String, Object> innerMap = (Map<String, Object>) list.get(0);

    assertThatThrownBy(() -> copy.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> innerMap.put("x", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copyKeepsKeyOrderAndNullValues() {
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("zeta", 1L);
    original.put("alpha", null);
    original.put("mid", List.of());

    Map<String, Object> copy = JsonValues.copyOfObject(original);

    assertThat(copy.keySet()).containsExactly("zeta", "alpha", "mid");
    assertThat(copy).containsEntry("alpha", null);
  }

  @Test
  void listsMayHoldNulls() {
    List<Object> original = new ArrayList<>();
    original.add(null);
    original.add("x");

    Object copy = JsonValues.copyOf(original);

    assertThat(copy).isEqualTo(original);
  }

  @Test
  void scalarsAreKeptAsTheyAre() {
    BigInteger big = new BigInteger("123456789012345678901234567890");
    BigDecimal decimal = new BigDecimal("0.1000");

    assertThat(JsonValues.copyOf(null)).isNull();
    assertThat(JsonValues.copyOf("s")).isEqualTo("s");
    assertThat(JsonValues.copyOf(true)).isEqualTo(true);
    assertThat(JsonValues.copyOf(7L)).isEqualTo(7L);
    assertThat(JsonValues.copyOf(big)).isSameAs(big);
    assertThat(JsonValues.copyOf(decimal)).isSameAs(decimal);
    assertThat(JsonValues.copyOf(0.5d)).isEqualTo(0.5d);
  }

  @Test
  void smallerNumberTypesBecomeLongAndDouble() {
    assertThat(JsonValues.copyOf(7)).isEqualTo(7L);
    assertThat(JsonValues.copyOf((short) 7)).isEqualTo(7L);
    assertThat(JsonValues.copyOf((byte) 7)).isEqualTo(7L);
    assertThat(JsonValues.copyOf(0.5f)).isEqualTo(0.5d);
  }

  @Test
  void nullOrEmptyObjectGivesAnEmptyMap() {
    assertThat(JsonValues.copyOfObject(null)).isEmpty();
    assertThat(JsonValues.copyOfObject(new HashMap<>())).isEmpty();
  }

  @Test
  void valueThatIsNotJsonShapedIsRejectedNamingItsClass() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonValues.copyOf(List.of(new StringBuilder("x"))))
        .withMessage(
            "a JSON value must be null, a string, a boolean, a number, a list or a map, but was a"
                + " java.lang.StringBuilder");
  }

  @Test
  void nestedKeyThatIsNotAStringIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonValues.copyOf(Map.of(1, "x")))
        .withMessage("JSON object keys must be strings, but one was 1");
  }

  @Test
  void nullTopLevelKeyIsRejected() {
    Map<String, Object> original = new HashMap<>();
    original.put(null, "x");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonValues.copyOfObject(original))
        .withMessage("JSON object keys must not be null");
  }
}

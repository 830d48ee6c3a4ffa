package io.github.modelartsjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodiesTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void largeBodyHoldsEachNamedSeriesWithTheRequestedPointsAsTwoDecimalStrings() throws Exception {
    byte[] body = Bodies.large(8, 1_000);

    JsonNode metrics = mapper.readTree(body).get("system_metric_list");

    List<String> names = new ArrayList<>();
    metrics.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyElementsOf(concat(Bodies.SERIES, "interval"));
    for (String name : Bodies.SERIES) {
      JsonNode series = metrics.get(name);
      assertThat(series.size()).as(name).isEqualTo(1_000);
      series.forEach(
          p -> assertThat(p.isTextual() && p.asText().matches("\\d{1,2}\\.\\d\\d")).isTrue());
    }
    assertThat(metrics.get("interval").asInt()).isEqualTo(1);
  }

  @Test
  void largeBodyKeepsTheOtherFieldsOfTheSample() throws Exception {
    JsonNode sample = mapper.readTree(Bodies.documentedSample());

    JsonNode large = mapper.readTree(Bodies.large(2, 10));

    ((com.fasterxml.jackson.databind.node.ObjectNode) sample).remove("system_metric_list");
    ((com.fasterxml.jackson.databind.node.ObjectNode) large).remove("system_metric_list");
    assertThat(large).isEqualTo(sample);
  }

  @Test
  void largeBodyIsTheSameOnEveryCall() {
    byte[] first = Bodies.large(1, 500);

    byte[] second = Bodies.large(1, 500);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void fullSizeLargeBodyWeighsSeveralMegabytes() {
    byte[] body = Bodies.named("large");

    assertThat(body.length).isBetween(4_000_000, 12_000_000);
  }

  @Test
  void hundredthsAreWrittenWithTwoDecimals() {
    char[] scratch = new char[5];

    List<String> texts =
        List.of(
            Bodies.twoDecimals(0, scratch),
            Bodies.twoDecimals(5, scratch),
            Bodies.twoDecimals(1234, scratch),
            Bodies.twoDecimals(9999, scratch));

    assertThat(texts).containsExactly("0.00", "0.05", "12.34", "99.99");
  }

  @Test
  void unknownBodyNameIsRejected() {
    assertThatThrownBy(() -> Bodies.named("medium"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("body must be small or large, but was medium");
  }

  private static List<String> concat(List<String> names, String last) {
    List<String> all = new ArrayList<>(names);
    all.add(last);
    return all;
  }
}

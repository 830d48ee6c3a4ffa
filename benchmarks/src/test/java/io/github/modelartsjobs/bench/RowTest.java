package io.github.modelartsjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowTest {

  @Test
  void ratioAtOrBelowAnUpperBoundMeetsIt() {
    Row row = new Row("t", Measure.of(13, "us/op"), Measure.of(10, "us/op"), Target.atMost(1.3));

    String verdict = row.verdict();

    assertThat(row.ratio()).isCloseTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(verdict).isEqualTo("yes");
  }

  @Test
  void ratioAboveAnUpperBoundSaysByHowMuch() {
    Row row = new Row("t", Measure.of(15.6, "us/op"), Measure.of(10, "us/op"), Target.atMost(1.3));

    String verdict = row.verdict();

    assertThat(verdict).isEqualTo("NO (20% over)");
  }

  @Test
  void ratioBelowALowerBoundSaysByHowMuch() {
    Row row = new Row("t", Measure.of(81, "ops/s"), Measure.of(100, "ops/s"), Target.atLeast(0.9));

    String verdict = row.verdict();

    assertThat(verdict).isEqualTo("NO (10% under)");
  }

  @Test
  void rowWithoutTargetIsInformation() {
    Row row = new Row("t", Measure.of(5, "B"), Measure.of(1, "B"), Target.none());

    String verdict = row.verdict();

    assertThat(verdict).isEqualTo("info");
  }

  @Test
  void rowMissingASideIsNotRun() {
    Row row = new Row("t", null, Measure.of(1, "B"), Target.atMost(1));

    String line = row.markdown();

    assertThat(line).isEqualTo("| t | - | 1.00 B | - | <= 1.00x | not run |");
  }

  @Test
  void largeFiguresMoveToLargerUnits() {
    Measure time = new Measure(105_092, 5_842, "us/op");
    Measure bytes = Measure.of(54_624_022, "B");

    String shown = time.format() + "; " + bytes.format();

    assertThat(shown).isEqualTo("105 ± 5.84 ms/op; 54.6 MB");
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    double odd = StartupComparison.median(java.util.List.of(5.0, 1.0, 3.0));

    double even = StartupComparison.median(java.util.List.of(4.0, 1.0, 3.0, 2.0));

    assertThat(odd).isEqualTo(3.0);
    assertThat(even).isEqualTo(2.5);
  }
}

package io.fleetcare.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SustainedRuleTest {
  private final SustainedRule rule = SustainedRule.pipeline();

  @Test
  void outputMatchingInputWithASteadyBacklogIsSustained() {
    // 10 s window at 1,000 msgs/s; the checkpoint-and-flush backlog stays at about 1.5 s.
    StepMeasurement m = new StepMeasurement(1_000, 10, 10_000, 9_990, 1_500, 1_510);
    assertThat(rule.judge(m).sustained()).isTrue();
  }

  @Test
  void outputFallingBehindIsNotSustained() {
    StepMeasurement m = new StepMeasurement(1_000, 10, 10_000, 9_000, 1_000, 2_000);
    SustainedRule.Verdict v = rule.judge(m);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reason()).contains("output 900 msgs/s");
  }

  @Test
  void aGrowingBacklogIsNotSustainedEvenWhenTheRatesLookClose() {
    // 96 % of input is done, but over a long window the backlog grows by 2 s of input.
    StepMeasurement m = new StepMeasurement(1_000, 50, 50_000, 48_000, 500, 2_500);
    SustainedRule.Verdict v = rule.judge(m);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reason()).contains("backlog grew");
  }

  @Test
  void aLargeStandingBacklogIsNotSustained() {
    StepMeasurement m = new StepMeasurement(1_000, 10, 10_000, 10_000, 6_000, 6_000);
    assertThat(rule.judge(m).reason()).contains("backlog of 6.0 s");
  }

  @Test
  void aLoadGeneratorThatCouldNotOfferTheRateFailsTheStepAndSaysSo() {
    StepMeasurement m = new StepMeasurement(10_000, 10, 80_000, 80_000, 0, 0);
    SustainedRule.Verdict v = rule.judge(m);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reason()).contains("load generator offered only 8000");
  }

  @Test
  void fromCountsTurnsCumulativeCountsIntoWindowFigures() {
    StepMeasurement m = StepMeasurement.fromCounts(1_000, 15, 5_200, 20_200, 4_900, 19_850);
    assertThat(m.published()).isEqualTo(15_000);
    assertThat(m.output()).isEqualTo(14_950);
    assertThat(m.lagStart()).isEqualTo(300);
    assertThat(m.lagEnd()).isEqualTo(350);
  }
}

package io.fleetcare.streamjobs.usage;

import static io.fleetcare.streamjobs.usage.UsageProfileProcessorTest.T0;
import static io.fleetcare.streamjobs.usage.UsageProfileProcessorTest.trip;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class UsageProfileFunctionTest {
  private static final long DAY_MS = 86_400_000L;

  @Test
  void snapshotsOncePerDayAndStateGoesBackToZero() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, Trip, UsageProfileSnapshot> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new UsageProfileFunction(UsageOptions.defaults()), Trip::vin, Types.STRING)) {
      harness.setProcessingTime(0);
      // Twelve rides a day for ten days: ride-hailing, one snapshot a day from day 6 on.
      for (int day = 0; day < 10; day++) {
        for (int ride = 0; ride < 12; ride++) {
          harness.processElement(trip(T0 + day * DAY_MS + ride * 2_400_000L, 5, 0, 0.3), 0);
        }
      }
      assertThat(harness.extractOutputValues()).hasSize(4);
      assertThat(harness.extractOutputValues())
          .extracting(UsageProfileSnapshot::scenario)
          .containsOnly("ride-hailing");
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

      harness.setProcessingTime(60 * DAY_MS);
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numProcessingTimeTimers()).isZero();
      assertThat(harness.numEventTimeTimers()).isZero();
    }
  }
}

package io.fleetcare.streamjobs.battery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.simulator.replay.LogReplayer;
import io.fleetcare.simulator.replay.ReplayMapping;
import io.fleetcare.simulator.replay.ReplayOptions;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real Toyota Etios logs (carOBD), each replayed as a gateway would publish it, against a
 * computation straight from the CSV: resting = mean of the leading engine-off rows before the
 * voltage drops 0.5 V (cranking), charging = mean of the rows from 30 s after the rpm first shows.
 */
class Battery12VCarObdTest {
  private static final Path DIR = Path.of("/work/shared/datasets/carobd");
  private static final String VIN = "JTDBT923X71234567";

  @Test
  void restingAndChargingMatchTheCsvAndDipsBelowElevenVoltsAreFound() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DIR), "carOBD dataset not present");
    List<Path> files;
    try (Stream<Path> list = Files.list(DIR)) {
      files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    ReplayMapping mapping = ReplayMapping.carObd();
    PayloadCodec codec = new PayloadCodec();
    double worstResting = 0;
    double worstCharging = 0;
    int dips = 0;
    int dipsFound = 0;
    List<Double> cranks = new ArrayList<>();
    for (Path file : files) {
      List<VehicleMessage> messages = new ArrayList<>();
      new LogReplayer(ReplayOptions.defaults(mapping, VIN).withSpeedFactor(0))
          .replay(
              file,
              (topic, payload, retained) -> {
                if (codec.decode(topic, payload) instanceof DecodeResult.Accepted a) {
                  messages.add(a.message());
                }
              });
      Battery12VState state = new Battery12VState();
      List<SignalPoint> out = new ArrayList<>();
      Battery12VProcessor processor = Battery12VProcessor.defaults();
      messages.forEach(m -> processor.process(VIN, state, m, out::add));

      Expected expected = Expected.of(file);
      List<Double> resting = SignalFixtures.values(out, SignalNames.BATTERY_RESTING_V);
      List<Double> charging = SignalFixtures.values(out, SignalNames.BATTERY_CHARGING_V);
      List<Double> cranking = SignalFixtures.values(out, SignalNames.BATTERY_CRANKING_MIN_V);
      if (Double.isNaN(expected.resting)) {
        assertThat(resting).as(file.toString()).isEmpty();
      } else {
        assertThat(resting).as(file.toString()).hasSize(1);
        worstResting = Math.max(worstResting, Math.abs(resting.getFirst() - expected.resting));
      }
      assertThat(charging).as(file.toString()).hasSize(1);
      worstCharging = Math.max(worstCharging, Math.abs(charging.getFirst() - expected.charging));
      if (expected.dipBelow11) {
        dips++;
        if (!cranking.isEmpty() && cranking.getFirst() < 11) {
          dipsFound++;
        }
      }
      cranks.addAll(cranking);
    }
    System.out.printf(
        "carOBD: %d files, worst |resting - csv| %.4f V, worst |charging - csv| %.4f V,"
            + " dips < 11 V %d found of %d, cranking minima %d (min %.2f V)%n",
        files.size(),
        worstResting,
        worstCharging,
        dipsFound,
        dips,
        cranks.size(),
        cranks.stream().mapToDouble(d -> d).min().orElse(Double.NaN));
    assertThat(worstResting).isLessThan(0.05);
    assertThat(worstCharging).isLessThan(0.05);
    assertThat(dipsFound).isEqualTo(dips);
  }

  /** Straight from the CSV (column 2 rpm, column 22 control-module voltage). */
  private record Expected(double resting, double charging, boolean dipBelow11) {
    static Expected of(Path file) throws IOException {
      List<String> lines = Files.readAllLines(file);
      double restSum = 0;
      int restN = 0;
      boolean resting = true;
      long firstRun = -1;
      double chargeSum = 0;
      int chargeN = 0;
      boolean dip = false;
      for (int i = 1; i < lines.size(); i++) {
        String[] cells = lines.get(i).split(",");
        if (cells.length < 22 || cells[21].isBlank() || cells[1].isBlank()) {
          continue;
        }
        double rpm = Double.parseDouble(cells[1].trim());
        double v = Double.parseDouble(cells[21].trim());
        if (v < 5) {
          continue;
        }
        if (firstRun < 0 && (rpm > 0 || v >= 13)) {
          firstRun = i;
        }
        if (firstRun < 0 && resting) {
          if (restN > 0 && v < restSum / restN - 0.5) {
            resting = false;
          } else {
            restSum += v;
            restN++;
          }
        }
        if (firstRun >= 0 && i - firstRun >= 30 && (rpm > 0 || v >= 13)) {
          chargeSum += v;
          chargeN++;
        }
        if ((firstRun < 0 || i - firstRun <= 10) && v < 11) {
          dip = true;
        }
      }
      return new Expected(restN == 0 ? Double.NaN : restSum / restN, chargeSum / chargeN, dip);
    }
  }
}

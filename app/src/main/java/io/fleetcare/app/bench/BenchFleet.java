package io.fleetcare.app.bench;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench's fleet: {@code vehicles} cars that drive continuously, each message a wire-contract
 * telemetry batch of {@value #SAMPLES_PER_MESSAGE} one-second samples with the signals an ICE car's
 * gateway sends (speed, odometer, engine speed, fuel rate, fuel level, 12 V voltage, coolant and
 * air temperature), encoded with the contract's {@link PayloadCodec}. Event time starts {@code
 * startMs} and runs ten seconds per message per vehicle, so a fleet publishing faster than real
 * time simply compresses its life, as the simulator does.
 *
 * <p>Each vehicle's state is touched only by the thread that owns it ({@link #owns}), so several
 * publisher threads can share a fleet without locks and every vehicle's {@code seq} still rises by
 * one per message.
 */
public final class BenchFleet {
  /** Samples per telemetry message (issue #8: "10 samples each"). */
  public static final int SAMPLES_PER_MESSAGE = 10;

  /** Messages per trip: ten minutes of driving. */
  public static final int MESSAGES_PER_TRIP = 60;

  private static final long PARKING_MS = 2 * 3_600_000L;
  private static final String VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  private static final String DEALER = "D001";

  private final PayloadCodec codec = new PayloadCodec();
  private final String[] vins;
  private final String[] telemetryTopics;
  private final long[] seq;
  private final double[] odometerM;
  private final double[] fuelLevelPct;
  private final long startMs;

  /**
   * @param runTag one character of {@code A-Z, 0-9} (no I, O, Q) that makes this run's VINs unique
   * @param vehicles fleet size
   * @param startMs event time of every vehicle's first sample
   */
  public BenchFleet(char runTag, int vehicles, long startMs) {
    if (vehicles < 1 || vehicles > 99_999_999) {
      throw new IllegalArgumentException("vehicles must be 1..99,999,999, was " + vehicles);
    }
    this.vins = new String[vehicles];
    this.telemetryTopics = new String[vehicles];
    this.seq = new long[vehicles];
    this.odometerM = new double[vehicles];
    this.fuelLevelPct = new double[vehicles];
    this.startMs = startMs;
    for (int i = 0; i < vehicles; i++) {
      vins[i] = vin(runTag, i);
      telemetryTopics[i] = Topic.of(vins[i], TopicKind.TELEMETRY);
      odometerM[i] = 10_000_000.0 + 7_919.0 * i;
      fuelLevelPct[i] = 80;
    }
  }

  /** A valid European VIN (no check digit needed) unique per run tag and index. */
  static String vin(char runTag, int index) {
    if (VIN_ALPHABET.indexOf(runTag) < 0) {
      throw new IllegalArgumentException("run tag must be one of " + VIN_ALPHABET);
    }
    return String.format("WBNBENCH%c%08d", runTag, index);
  }

  /** A run tag from the clock, so concurrent or repeated runs publish different VINs. */
  public static char runTag(long seed) {
    return VIN_ALPHABET.charAt((int) Math.floorMod(seed, (long) VIN_ALPHABET.length()));
  }

  public int size() {
    return vins.length;
  }

  public String vin(int vehicle) {
    return vins[vehicle];
  }

  /** Whether publisher thread {@code thread} of {@code threads} owns {@code vehicle}. */
  public static boolean owns(int thread, int threads, int vehicle) {
    return vehicle % threads == thread;
  }

  public String telemetryTopic(int vehicle) {
    return telemetryTopics[vehicle];
  }

  /** The seq of the vehicle's last generated message (0 before the first). */
  public long lastSeq(int vehicle) {
    return seq[vehicle];
  }

  /** The vehicle's next telemetry message (advances its seq, odometer and fuel level). */
  public TelemetryMessage nextMessage(int vehicle) {
    long s = ++seq[vehicle];
    long t0 = firstSampleMs(startMs, s);
    Sample[] samples = new Sample[SAMPLES_PER_MESSAGE];
    for (int k = 0; k < SAMPLES_PER_MESSAGE; k++) {
      long tick = (s - 1) * SAMPLES_PER_MESSAGE + k;
      // An urban / extra-urban cycle of ten minutes, shifted per vehicle.
      double phase = 2 * Math.PI * ((tick + 37L * vehicle) % 600) / 600.0;
      double speedKmh = Math.max(0, 45 + 40 * Math.sin(phase));
      odometerM[vehicle] += speedKmh / 3.6;
      double fuelRateLph = 0.7 + 0.075 * speedKmh;
      fuelLevelPct[vehicle] -= fuelRateLph / 3600 / 50 * 100;
      if (fuelLevelPct[vehicle] < 10) {
        fuelLevelPct[vehicle] = 90; // refuelled
      }
      Map<String, Double> signals = new LinkedHashMap<>();
      signals.put(SignalCatalogue.SPEED, round1(speedKmh));
      signals.put(SignalCatalogue.TRAVELED_DISTANCE, Math.rint(odometerM[vehicle]));
      signals.put(SignalCatalogue.ENGINE_SPEED, Math.rint(800 + 28 * speedKmh));
      signals.put(SignalCatalogue.FUEL_RATE, round1(fuelRateLph));
      signals.put(SignalCatalogue.FUEL_LEVEL, round1(fuelLevelPct[vehicle]));
      signals.put(SignalCatalogue.BATTERY_12V_VOLTAGE, 14.1);
      signals.put(SignalCatalogue.COOLANT_TEMPERATURE, 90.0);
      signals.put(SignalCatalogue.AIR_TEMPERATURE, 15.0);
      samples[k] = new Sample(t0 + k * 1000L, signals);
    }
    return new TelemetryMessage(vins[vehicle], s, List.of(samples));
  }

  /** Event time of the first sample of message {@code seq}: driving, parking between trips. */
  static long firstSampleMs(long startMs, long seq) {
    long trips = (seq - 1) / MESSAGES_PER_TRIP;
    return startMs + (seq - 1) * SAMPLES_PER_MESSAGE * 1000L + trips * PARKING_MS;
  }

  /** The vehicle's next telemetry message, encoded. */
  public byte[] nextPayload(int vehicle) {
    return codec.encode(nextMessage(vehicle));
  }

  /** The vehicle's profile (an ICE car of dealer D001), encoded, for the retained profile topic. */
  public byte[] profilePayload(int vehicle) {
    return codec.encode(profile(vins[vehicle]));
  }

  /** A profile of an ICE car of dealer D001. */
  public static VehicleProfile profile(String vin) {
    return new VehicleProfile(
        1,
        vin,
        VehicleProfile.Powertrain.ICE,
        VehicleProfile.FuelType.PETROL,
        1.5,
        1350,
        2019,
        DEALER,
        false,
        Map.of());
  }

  /**
   * A {@code DTC_SET} of a critical code (misfire, planned as an URGENT order as soon as it is set)
   * as the first event message of {@code vin}.
   */
  public byte[] dtcSetPayload(String vin, long tsMs) {
    return codec.encode(new EventMessage(vin, 1, List.of(new VehicleEvent.DtcSet(tsMs, "P0300"))));
  }

  public byte[] encode(io.fleetcare.core.wire.VehicleMessage message) {
    return codec.encode(message);
  }

  private static double round1(double v) {
    return Math.rint(v * 10) / 10;
  }
}

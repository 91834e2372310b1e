package io.fleetcare.core.wire;

import java.util.Map;

/** A discrete event on {@code fleet/{vin}/events}; every event has an event time. */
public sealed interface VehicleEvent {
  /** Event time in epoch milliseconds (UTC). */
  long tsMs();

  /** The wire name of the event type, e.g. {@code DTC_SET}. */
  String type();

  /** Ignition switched on. */
  record IgnitionOn(long tsMs) implements VehicleEvent {
    @Override
    public String type() {
      return "IGNITION_ON";
    }
  }

  /** Ignition switched off. */
  record IgnitionOff(long tsMs) implements VehicleEvent {
    @Override
    public String type() {
      return "IGNITION_OFF";
    }
  }

  /**
   * The engine was started.
   *
   * @param crankingMinV lowest 12 V battery voltage seen while cranking, in volts
   */
  record EngineStart(long tsMs, double crankingMinV) implements VehicleEvent {
    @Override
    public String type() {
      return "ENGINE_START";
    }
  }

  /**
   * A diagnostic trouble code was set.
   *
   * @param code SAE J2012 code such as {@code P0301}
   */
  record DtcSet(long tsMs, String code) implements VehicleEvent {
    @Override
    public String type() {
      return "DTC_SET";
    }
  }

  /**
   * A diagnostic trouble code was cleared.
   *
   * @param code SAE J2012 code such as {@code P0301}
   */
  record DtcCleared(long tsMs, String code) implements VehicleEvent {
    @Override
    public String type() {
      return "DTC_CLEARED";
    }
  }

  /**
   * A service was performed (published by the dealer side when a work order is done).
   *
   * @param service the work-order type serviced, e.g. {@code BRAKE_PADS}
   * @param odometerKm odometer reading at the service, in kilometres
   */
  record ServicePerformed(long tsMs, String service, double odometerKm) implements VehicleEvent {
    @Override
    public String type() {
      return "SERVICE_PERFORMED";
    }
  }

  /**
   * An event type this version does not know; kept, not dropped.
   *
   * @param type the type as published
   * @param fields its other fields as raw JSON text by name
   */
  record Other(long tsMs, String type, Map<String, String> fields) implements VehicleEvent {
    public Other {
      fields = Ordered.map(fields);
    }
  }
}

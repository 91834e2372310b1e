package io.fleetcare.streamjobs.fault;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import io.fleetcare.streamjobs.signal.FaultCodeChange.Status;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * DTC lifecycle: {@code SET} when a valid J2012 code first appears, {@code PERSISTENT} once (when
 * it is reported again in a later trip, or is still set {@code confirmAfter} after it was first
 * set), {@code CLEARED} when the car reports it cleared or a {@code FAULT_CODE} service is done.
 * Invalid codes are dropped (the decoder normally rejects them first); a repeated {@code DTC_SET}
 * of a code already set in the same trip changes nothing.
 */
public final class FaultCodeProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long confirmAfterMs;

  /**
   * @param confirmAfter a code still set this long after it appeared is persistent (default 1 day)
   */
  public FaultCodeProcessor(Duration confirmAfter) {
    if (confirmAfter.isNegative() || confirmAfter.isZero()) {
      throw new IllegalArgumentException("confirmAfter must be positive");
    }
    this.confirmAfterMs = confirmAfter.toMillis();
  }

  /** The documented defaults. */
  public static FaultCodeProcessor defaults() {
    return new FaultCodeProcessor(Duration.ofDays(1));
  }

  /** Applies one message of {@code vin}. */
  public void process(
      String vin, FaultCodeState s, VehicleMessage message, Consumer<FaultCodeChange> out) {
    switch (message) {
      case EventMessage e -> {
        for (VehicleEvent event : e.events()) {
          onEvent(vin, s, event, out);
          confirmOld(vin, s, event.tsMs(), out);
        }
      }
      case TelemetryMessage t -> confirmOld(vin, s, t.samples().getLast().tsMs(), out);
      default -> {}
    }
  }

  private void onEvent(
      String vin, FaultCodeState s, VehicleEvent event, Consumer<FaultCodeChange> out) {
    switch (event) {
      case VehicleEvent.IgnitionOn on ->
          s.lastIgnitionOnMs = Math.max(s.lastIgnitionOnMs, on.tsMs());
      case VehicleEvent.DtcSet set -> {
        Optional<String> code = DtcCatalogue.normalise(set.code());
        if (code.isEmpty()) {
          return;
        }
        int slot = find(s, code.get());
        if (slot < 0) {
          slot = free(s);
          s.codes[slot] = code.get();
          s.firstSetMs[slot] = set.tsMs();
          s.persistent[slot] = false;
          out.accept(change(vin, s, slot, Status.SET, set.tsMs()));
        } else if (!s.persistent[slot] && s.lastIgnitionOnMs > s.firstSetMs[slot]) {
          markPersistent(vin, s, slot, set.tsMs(), out);
        }
      }
      case VehicleEvent.DtcCleared cleared ->
          DtcCatalogue.normalise(cleared.code())
              .ifPresent(c -> clear(vin, s, find(s, c), cleared.tsMs(), out));
      case VehicleEvent.ServicePerformed sp when sp.service().equals("FAULT_CODE") -> {
        for (int i = 0; i < FaultCodeState.SLOTS; i++) {
          clear(vin, s, i, sp.tsMs(), out);
        }
      }
      default -> {}
    }
  }

  private void confirmOld(String vin, FaultCodeState s, long nowMs, Consumer<FaultCodeChange> out) {
    for (int i = 0; i < FaultCodeState.SLOTS; i++) {
      if (s.codes[i] != null && !s.persistent[i] && nowMs - s.firstSetMs[i] >= confirmAfterMs) {
        markPersistent(vin, s, i, nowMs, out);
      }
    }
  }

  private static void markPersistent(
      String vin, FaultCodeState s, int slot, long ts, Consumer<FaultCodeChange> out) {
    s.persistent[slot] = true;
    out.accept(change(vin, s, slot, Status.PERSISTENT, ts));
  }

  private static void clear(
      String vin, FaultCodeState s, int slot, long ts, Consumer<FaultCodeChange> out) {
    if (slot < 0 || s.codes[slot] == null) {
      return;
    }
    out.accept(change(vin, s, slot, Status.CLEARED, ts));
    s.codes[slot] = null;
    s.firstSetMs[slot] = 0;
    s.persistent[slot] = false;
  }

  private static FaultCodeChange change(
      String vin, FaultCodeState s, int slot, Status status, long ts) {
    String code = s.codes[slot];
    return new FaultCodeChange(
        vin, code, status, ts, s.firstSetMs[slot], DtcCatalogue.describe(code));
  }

  private static int find(FaultCodeState s, String code) {
    for (int i = 0; i < FaultCodeState.SLOTS; i++) {
      if (code.equals(s.codes[i])) {
        return i;
      }
    }
    return -1;
  }

  /** A free slot, or the oldest code's (forgotten without a CLEARED: the table is full). */
  private static int free(FaultCodeState s) {
    int oldest = 0;
    for (int i = 0; i < FaultCodeState.SLOTS; i++) {
      if (s.codes[i] == null) {
        return i;
      }
      if (s.firstSetMs[i] < s.firstSetMs[oldest]) {
        oldest = i;
      }
    }
    return oldest;
  }
}

package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckLedgerTest {
  private final AckLedger ledger = new AckLedger();

  private static PendingAck ack(int id) {
    return new PendingAck(null, id, 1, 0);
  }

  @Test
  void releasesOnlyWhatACompletedCheckpointCovers() {
    ledger.emitted(ack(1));
    ledger.emitted(ack(2));
    ledger.snapshot(1);
    ledger.emitted(ack(3));

    assertThat(ledger.complete(1)).extracting(PendingAck::packetId).containsExactly(1, 2);
    assertThat(ledger.pending()).isEqualTo(1);
    // Emitted after checkpoint 1's barrier: waits for a later checkpoint.
    assertThat(ledger.complete(1)).isEmpty();
  }

  @Test
  void aLaterCheckpointSubsumesAbortedOrUnconfirmedOnes() {
    ledger.emitted(ack(1));
    ledger.snapshot(1);
    ledger.emitted(ack(2));
    ledger.snapshot(2);
    ledger.emitted(ack(3));
    ledger.snapshot(3);

    assertThat(ledger.complete(2)).extracting(PendingAck::packetId).containsExactly(1, 2);
    assertThat(ledger.complete(3)).extracting(PendingAck::packetId).containsExactly(3);
    assertThat(ledger.pending()).isZero();
  }

  @Test
  void aCompletionBeforeAnySnapshotReleasesNothing() {
    ledger.emitted(ack(1));

    assertThat(ledger.complete(5)).isEmpty();
    assertThat(ledger.pending()).isEqualTo(1);
  }

  @Test
  void emptySnapshotsCostNothing() {
    ledger.snapshot(1);
    ledger.snapshot(2);

    assertThat(ledger.complete(2)).isEmpty();
    assertThat(ledger.pending()).isZero();
  }
}

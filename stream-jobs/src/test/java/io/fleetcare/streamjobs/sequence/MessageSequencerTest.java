package io.fleetcare.streamjobs.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSequencerTest {
  private final MessageSequencer<String> sequencer =
      new MessageSequencer<>(new StringCodec(), 1_000, 5);
  private final SequenceState state = new SequenceState();
  private final List<String> out = new ArrayList<>();

  private MessageSequencer.Outcome offer(long seq) {
    return offer(seq, seq * 1000);
  }

  private MessageSequencer.Outcome offer(long seq, long tsMs) {
    return sequencer.offer(state, "VIN", seq, tsMs, "m" + seq, out::add);
  }

  @Test
  void inOrderMessagesPassStraightThrough() {
    assertThat(offer(7)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    assertThat(offer(8)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    assertThat(out).containsExactly("m7", "m8");
    assertThat(state.waitingCount()).isZero();
  }

  @Test
  void messagesJustBeforeTheFirstOneSeenAreStillAcceptedOnce() {
    offer(3);
    assertThat(offer(1)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    assertThat(offer(2)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    assertThat(offer(1)).isEqualTo(MessageSequencer.Outcome.DUPLICATE);
    assertThat(out).containsExactly("m3", "m1", "m2");
  }

  @Test
  void aVehiclesFirstMessagesAreAcceptedWhenHundredsOfLaterOnesArriveFirst() {
    // One reader lags: seqs 1..299 come after 300..399 (seen in HostileGatewayDrill).
    for (long seq = 300; seq < 400; seq++) {
      assertThat(offer(seq)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    }
    for (long seq = 299; seq >= 150; seq--) {
      assertThat(offer(seq)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    }
    for (long seq = 1; seq < 150; seq++) {
      assertThat(offer(seq)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    }
    assertThat(out).hasSize(399).doesNotHaveDuplicates();
    for (long seq = 1; seq < 400; seq += 37) {
      assertThat(offer(seq)).isEqualTo(MessageSequencer.Outcome.DUPLICATE);
    }
    // Seq 0 never came (gateways number from 1): the window is two numbers, no stragglers kept.
    assertThat(state.startStragglers).isEmpty();
    assertThat(state.startSeq).isEqualTo(1);
  }

  @Test
  void theStartWindowClosesOnceEverySeqBelowTheFirstHasArrived() {
    offer(4);
    offer(2);
    offer(0);
    assertThat(state.startStragglers).containsExactly(0L, 2L);
    offer(3);
    offer(1);
    assertThat(out).containsExactly("m4", "m2", "m0", "m3", "m1");
    assertThat(state.startStragglers).isEmpty();
    assertThat(state.startSeq).isEqualTo(-1);
    assertThat(offer(2)).isEqualTo(MessageSequencer.Outcome.DUPLICATE);
  }

  @Test
  void duplicatesAreDropped() {
    offer(1);
    offer(2);
    assertThat(offer(1)).isEqualTo(MessageSequencer.Outcome.DUPLICATE);
    assertThat(offer(2)).isEqualTo(MessageSequencer.Outcome.DUPLICATE);
    assertThat(out).containsExactly("m1", "m2");
  }

  @Test
  void aMessageAheadOfAGapWaitsUntilTheGapFills() {
    offer(1);
    assertThat(offer(3)).isEqualTo(MessageSequencer.Outcome.WAITING);
    assertThat(offer(3)).isEqualTo(MessageSequencer.Outcome.DUPLICATE);
    assertThat(out).containsExactly("m1");
    assertThat(offer(2)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    assertThat(out).containsExactly("m1", "m2", "m3");
    assertThat(state.nextSeq()).isEqualTo(4);
  }

  @Test
  void skippingAGapEmitsWaitingMessagesAndStillAcceptsAStragglerOnce() {
    offer(1);
    offer(4);
    offer(5);
    assertThat(sequencer.skipGap(state, "VIN", out::add)).isEqualTo(2);
    assertThat(out).containsExactly("m1", "m4", "m5");
    assertThat(offer(2)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    assertThat(offer(2)).isEqualTo(MessageSequencer.Outcome.DUPLICATE);
    assertThat(out).containsExactly("m1", "m4", "m5", "m2");
  }

  @Test
  void tooManyWaitingMessagesForceTheGapToBeSkipped() {
    offer(1);
    for (long seq = 3; seq <= 8; seq++) {
      offer(seq);
    }
    assertThat(out).containsExactly("m1", "m3", "m4", "m5", "m6", "m7", "m8");
    assertThat(state.waitingCount()).isZero();
  }

  @Test
  void aGatewayThatRestartsItsNumberingIsFollowed() {
    offer(5_000, 10_000);
    assertThat(offer(1, 20_000)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    assertThat(offer(2, 21_000)).isEqualTo(MessageSequencer.Outcome.EMITTED);
    assertThat(out).containsExactly("m5000", "m1", "m2");
  }

  @Test
  void anOldMessageFarBelowIsStillADuplicateWhenItsTimeIsNotNewer() {
    offer(5_000, 10_000);
    assertThat(offer(1, 5_000)).isEqualTo(MessageSequencer.Outcome.DUPLICATE);
  }

  private static final class StringCodec implements MessageSequencer.Codec<String> {
    @Override
    public byte[] encode(String message) {
      return message.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(String key, byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}

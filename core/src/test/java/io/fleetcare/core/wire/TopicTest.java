package io.fleetcare.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTest {
  private static final String VIN = "1HGCM82633A004352";

  @ParameterizedTest
  @CsvSource({
    "fleet/1HGCM82633A004352/telemetry, TELEMETRY",
    "fleet/1HGCM82633A004352/events, EVENTS",
    "fleet/1HGCM82633A004352/profile, PROFILE",
  })
  void parsesVehicleTopics(String topic, TopicKind kind) {
    assertThat(Topic.parse(topic)).contains(new Topic(VIN, kind));
  }

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void ofAndToStringRoundTripThroughParse(TopicKind kind) {
    String topic = Topic.of(VIN, kind);

    assertThat(topic).isEqualTo("fleet/" + VIN + "/" + kind.suffix());
    assertThat(Topic.parse(topic)).hasValueSatisfying(t -> assertThat(t).hasToString(topic));
  }

  @Test
  void leavesVinValidationToTheDecoder() {
    assertThat(Topic.parse("fleet/not-a-vin/telemetry"))
        .contains(new Topic("not-a-vin", TopicKind.TELEMETRY));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // empty
        "fleet", // root only
        "fleet/1HGCM82633A004352", // no kind
        "Fleet/1HGCM82633A004352/telemetry", // levels are case-sensitive
        "fleets/1HGCM82633A004352/telemetry", // wrong root
        "vehicles/1HGCM82633A004352/telemetry",
        "/fleet/1HGCM82633A004352/telemetry", // leading slash adds an empty level
        "fleet/1HGCM82633A004352/telemetry/", // trailing slash adds an empty level
        "fleet/1HGCM82633A004352/telemetry/extra", // extra level
        "fleet/eu/1HGCM82633A004352/telemetry",
        "fleet//telemetry", // empty VIN
        "fleet/1HGCM82633A004352/", // empty kind
        "fleet/1HGCM82633A004352/Telemetry", // kinds are lower case
        "fleet/1HGCM82633A004352/status", // unknown kind
        "fleet/1HGCM82633A004352/work-orders",
        "fleet/service/D001/work-orders", // the outbound work-order topic is not a vehicle topic
        "fleet/+/telemetry", // a subscription filter, not a topic name
        "fleet/#",
        "fleet/1HGCM8263#A004352/telemetry",
        "$share/ingest/fleet/+/telemetry",
      })
  void rejectsAnythingElse(String topic) {
    assertThat(Topic.parse(topic)).isEmpty();
  }

  @Test
  void subscriptionFilters() {
    assertThat(Topic.allVehicles(TopicKind.TELEMETRY)).isEqualTo("fleet/+/telemetry");
    assertThat(Topic.allVehicles(TopicKind.EVENTS)).isEqualTo("fleet/+/events");
    assertThat(Topic.allVehicles(TopicKind.PROFILE)).isEqualTo("fleet/+/profile");
  }

  @ParameterizedTest
  @CsvSource({
    "ingest, TELEMETRY, $share/ingest/fleet/+/telemetry",
    "ingest, EVENTS, $share/ingest/fleet/+/events",
    "fleetcare-job, PROFILE, $share/fleetcare-job/fleet/+/profile",
  })
  void sharedSubscriptionFilters(String group, TopicKind kind, String filter) {
    assertThat(Topic.shared(group, kind)).isEqualTo(filter);
  }
}

package io.fleetcare.workorders.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.workorder.GeoPoint;
import org.junit.jupiter.api.Test;

class MaskingTest {
  @Test
  void vinShowsOnlyTheLastSix() {
    assertThat(Masking.vin("1HGCM82633A004352")).isEqualTo("***********004352");
  }

  @Test
  void phoneShowsOnlyTheLastTwoDigitsAndKeepsItsShape() {
    assertThat(Masking.phone("+49 170 1234567")).isEqualTo("+** *** *****67");
    assertThat(Masking.phone("7")).isEqualTo("7");
    assertThat(Masking.phone(null)).isNull();
  }

  @Test
  void locationIsRoundedToAboutTenKilometres() {
    assertThat(new GeoPoint(48.137154, 11.576124).coarse()).isEqualTo(new GeoPoint(48.1, 11.6));
    assertThat(new GeoPoint(-33.8688, 151.2093).coarse()).isEqualTo(new GeoPoint(-33.9, 151.2));
  }
}

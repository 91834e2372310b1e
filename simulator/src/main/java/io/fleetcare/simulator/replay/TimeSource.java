package io.fleetcare.simulator.replay;

/** How a log's rows get their event time; see {@code docs/replay-mapping.md}. */
public enum TimeSource {
  /** Rows are {@code intervalS} apart, the first at the replay's start instant. */
  FIXED_RATE,
  /** A column holds seconds since the log started (or the engine started). */
  SECONDS_SINCE_START,
  /** A column holds Unix epoch seconds (fractions allowed). */
  EPOCH_SECONDS,
  /** A column holds Unix epoch milliseconds. */
  EPOCH_MILLIS,
  /** A column holds ISO-8601 date-times with an offset, e.g. {@code 2019-05-03T08:15:02.250Z}. */
  ISO_8601,
  /**
   * A column holds a time of day ({@code HH:mm:ss[.SSS]}); the date comes from a date column or the
   * mapping's {@code date}, in the mapping's {@code zone}; passing midnight moves to the next day.
   */
  TIME_OF_DAY;

  /** Parses the YAML spelling, e.g. {@code seconds-since-start}. */
  public static TimeSource parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown time source '"
              + text
              + "'; use fixed-rate, seconds-since-start, epoch-seconds, epoch-millis, iso-8601 or"
              + " time-of-day");
    }
  }
}

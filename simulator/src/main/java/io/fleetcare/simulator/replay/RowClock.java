package io.fleetcare.simulator.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** Gives each row its event time according to a {@link ReplayMapping.TimeSpec}. */
final class RowClock {
  private final ReplayMapping.TimeSpec spec;
  private final long startMs;
  private final int column;
  private final int dateColumn;
  private long row;
  private Double firstSeconds;
  private LocalDate day;
  private LocalTime previousTime;

  RowClock(ReplayMapping.TimeSpec spec, Instant start, int column, int dateColumn) {
    this.spec = spec;
    this.startMs = start.toEpochMilli();
    this.column = column;
    this.dateColumn = dateColumn;
    this.day = spec.date() != null ? spec.date() : start.atZone(spec.zone()).toLocalDate();
  }

  /** The event time of the next row in epoch ms, or null when its time cell is unreadable. */
  Long next(String[] cells) {
    long index = row++;
    try {
      return switch (spec.source()) {
        case FIXED_RATE -> startMs + Math.round(index * spec.intervalS() * 1000);
        case SECONDS_SINCE_START -> {
          double seconds = Double.parseDouble(cell(cells, column));
          if (firstSeconds == null) {
            firstSeconds = seconds;
          }
          yield startMs + Math.round((seconds - firstSeconds) * 1000);
        }
        case EPOCH_SECONDS -> Math.round(Double.parseDouble(cell(cells, column)) * 1000);
        case EPOCH_MILLIS -> Math.round(Double.parseDouble(cell(cells, column)));
        case ISO_8601 -> parseIso(cell(cells, column));
        case TIME_OF_DAY -> timeOfDay(cells);
      };
    } catch (NumberFormatException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
      return null;
    }
  }

  private long parseIso(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // Without an offset: a local date-time in the mapping's zone.
      return java.time.LocalDateTime.parse(text).atZone(spec.zone()).toInstant().toEpochMilli();
    }
  }

  private long timeOfDay(String[] cells) {
    LocalTime time = LocalTime.parse(cell(cells, column));
    if (dateColumn >= 0) {
      day = LocalDate.parse(cell(cells, dateColumn));
    } else if (previousTime != null && time.isBefore(previousTime.minusHours(12))) {
      day = day.plusDays(1); // the log ran past midnight
    }
    previousTime = time;
    return ZonedDateTime.of(day, time, spec.zone()).toInstant().toEpochMilli();
  }

  private static String cell(String[] cells, int index) {
    String value = cells[index];
    if (value.isEmpty()) {
      throw new NumberFormatException("blank time cell");
    }
    return value;
  }
}

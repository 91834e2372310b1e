package io.fleetcare.simulator.replay;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.core.wire.WireContract;
import io.fleetcare.simulator.MessageSink;
import io.fleetcare.simulator.Progress;
import io.fleetcare.simulator.ProgressListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Publishes a recorded OBD log (CSV with a header row) as a gateway would: the retained profile,
 * IGNITION_ON, the rows as batched telemetry samples in VSS paths and units, IGNITION_OFF. Rows
 * keep their order; a row's event time comes from the mapping's time source.
 */
public final class LogReplayer {
  private final ReplayOptions options;
  private final ProgressListener listener;
  private final PayloadCodec codec = new PayloadCodec();

  public LogReplayer(ReplayOptions options) {
    this(options, ProgressListener.NONE);
  }

  public LogReplayer(ReplayOptions options, ProgressListener listener) {
    this.options = options;
    this.listener = listener;
  }

  /** Replays {@code log} into {@code sink} (not closed). */
  public ReplaySummary replay(Path log, MessageSink sink) throws Exception {
    ReplayMapping mapping = options.mapping();
    long fileBytes = Math.max(1, Files.size(log));
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IOException(log + " is empty");
      }
      Map<String, Integer> columns =
          indexColumns(CsvLine.split(stripBom(header), mapping.delimiter()));
      int n = mapping.signals().size();
      int[] cellIndex = new int[n];
      DoubleUnaryOperator[] convert = new DoubleUnaryOperator[n];
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ReplayMapping.ColumnMapping m = mapping.signals().get(i);
        cellIndex[i] = columns.getOrDefault(m.column().trim(), -1);
        if (cellIndex[i] < 0) {
          missing.add(m.column());
        }
        convert[i] = m.converter();
      }
      ReplayMapping.TimeSpec time = mapping.time();
      int timeColumn = time.column() == null ? -1 : columns.getOrDefault(time.column().trim(), -1);
      int dateColumn =
          time.dateColumn() == null ? -1 : columns.getOrDefault(time.dateColumn().trim(), -1);
      if (time.column() != null && timeColumn < 0) {
        missing.add(time.column());
      }
      if (time.dateColumn() != null && dateColumn < 0) {
        missing.add(time.dateColumn());
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            log + " lacks mapped columns " + missing + "; it has " + columns.keySet());
      }
      Run run = new Run(sink, fileBytes);
      RowClock clock = new RowClock(time, options.start(), timeColumn, dateColumn);
      double[] last = new double[n];
      boolean[] seen = new boolean[n];
      String line;
      long bytesRead = header.length() + 1;
      while ((line = in.readLine()) != null) {
        bytesRead += line.length() + 1;
        if (line.isBlank()) {
          continue;
        }
        run.rows++;
        String[] cells = CsvLine.split(line, mapping.delimiter());
        Long ts = clock.next(cells);
        Map<String, Double> signals = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          String cell = cellIndex[i] < cells.length ? cells[cellIndex[i]] : "";
          if (!cell.isEmpty()) {
            try {
              last[i] = convert[i].applyAsDouble(Double.parseDouble(cell));
              seen[i] = true;
              signals.put(mapping.signals().get(i).path(), round(last[i]));
              continue;
            } catch (NumberFormatException e) {
              run.invalidCells++;
            }
          }
          if (mapping.carryForward() && seen[i]) {
            signals.put(mapping.signals().get(i).path(), round(last[i]));
          }
        }
        if (ts == null || signals.isEmpty()) {
          run.skippedRows++;
          continue;
        }
        run.sample(new Sample(ts, signals), bytesRead);
      }
      return run.finish();
    }
  }

  private static Map<String, Integer> indexColumns(String[] header) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      if (!header[i].isEmpty()) {
        columns.putIfAbsent(header[i], i);
      }
    }
    return columns;
  }

  private static String stripBom(String header) {
    return header.startsWith("\uFEFF") ? header.substring(1) : header;
  }

  /** Six significant decimals are more than any OBD PID resolves; keeps payloads short. */
  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }

  /** The publishing side of one replay: batching, seq numbers, pacing, progress. */
  private final class Run {
    private final MessageSink sink;
    private final long fileBytes;
    private final String vin = options.vin();
    private final String telemetryTopic = Topic.of(vin, TopicKind.TELEMETRY);
    private final String eventTopic = Topic.of(vin, TopicKind.EVENTS);
    private final long wallStartNs = System.nanoTime();
    private long lastReportNs = wallStartNs;
    private List<Sample> batch = new ArrayList<>();
    private long telemetrySeq;
    private long eventSeq;
    private long rows;
    private long samples;
    private long telemetryMessages;
    private long eventMessages;
    private long skippedRows;
    private long invalidCells;
    private Long firstTs;
    private long lastTs;
    private long bytesRead;

    Run(MessageSink sink, long fileBytes) throws Exception {
      this.sink = sink;
      this.fileBytes = fileBytes;
      this.telemetrySeq = options.firstTelemetrySeq() - 1;
      this.eventSeq = options.firstEventSeq() - 1;
      if (options.publishProfile()) {
        ReplayMapping.VehicleFacts f = options.mapping().vehicle();
        VehicleProfile profile =
            new VehicleProfile(
                WireContract.VERSION,
                vin,
                f.powertrain(),
                f.fuel(),
                f.engineDisplacementL(),
                f.massKg(),
                f.modelYear(),
                f.dealerId(),
                f.hasPadWearSensor(),
                Map.of());
        sink.send(Topic.of(vin, TopicKind.PROFILE), codec.encode(profile), true);
      }
    }

    void sample(Sample sample, long bytesSoFar) throws Exception {
      bytesRead = bytesSoFar;
      if (firstTs == null) {
        firstTs = sample.tsMs();
        if (options.emitIgnitionEvents()) {
          event(new VehicleEvent.IgnitionOn(sample.tsMs()));
        }
      }
      lastTs = sample.tsMs();
      samples++;
      batch.add(sample);
      if (batch.size() == options.samplesPerMessage()) {
        flush();
      }
    }

    ReplaySummary finish() throws Exception {
      flush();
      if (firstTs != null && options.emitIgnitionEvents()) {
        event(new VehicleEvent.IgnitionOff(lastTs));
      }
      report(true);
      return new ReplaySummary(
          vin,
          rows,
          samples,
          telemetryMessages,
          eventMessages,
          skippedRows,
          invalidCells,
          firstTs == null ? null : Instant.ofEpochMilli(firstTs),
          firstTs == null ? null : Instant.ofEpochMilli(lastTs),
          telemetrySeq,
          eventSeq);
    }

    private void flush() throws Exception {
      if (batch.isEmpty()) {
        return;
      }
      pace(batch.getLast().tsMs());
      TelemetryMessage message = new TelemetryMessage(vin, ++telemetrySeq, batch);
      sink.send(telemetryTopic, codec.encode(message), false);
      telemetryMessages++;
      batch = new ArrayList<>();
      report(false);
    }

    private void event(VehicleEvent event) throws Exception {
      pace(event.tsMs());
      sink.send(eventTopic, codec.encode(new EventMessage(vin, ++eventSeq, List.of(event))), false);
      eventMessages++;
    }

    /** With a speed factor, waits until the wall clock has caught up with event time. */
    private void pace(long tsMs) throws InterruptedException {
      if (options.speedFactor() <= 0 || firstTs == null) {
        return;
      }
      long dueNs = wallStartNs + (long) ((tsMs - firstTs) * 1e6 / options.speedFactor());
      long waitNs;
      while ((waitNs = dueNs - System.nanoTime()) > 0) {
        Thread.sleep(Math.max(1, waitNs / 1_000_000));
      }
    }

    private void report(boolean done) {
      long now = System.nanoTime();
      if (!done && now - lastReportNs < 1_000_000_000L) {
        return;
      }
      lastReportNs = now;
      double fraction = done ? 1 : Math.min(1, (double) bytesRead / fileBytes);
      Duration elapsed = Duration.ofNanos(now - wallStartNs);
      double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
      long messages = telemetryMessages + eventMessages;
      Duration eta =
          done || fraction <= 0
              ? Duration.ZERO
              : Duration.ofMillis((long) (seconds * (1 - fraction) / fraction * 1000));
      listener.onProgress(
          new Progress(
              Instant.ofEpochMilli(firstTs == null ? options.start().toEpochMilli() : lastTs),
              fraction,
              messages,
              samples,
              elapsed,
              messages / seconds,
              eta,
              done));
    }
  }
}

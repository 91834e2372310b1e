package io.fleetcare.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * {@code bench --json}: one JSON object. The headline figures of issue #8 come first, flat; NaN
 * (not measured) becomes null. Rates are messages (or rows) per second, latencies milliseconds, CPU
 * in cores (CPU seconds per second), memory in bytes.
 */
final class BenchJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchJson() {}

  static ObjectNode of(BenchSummary s) {
    ObjectNode o = JSON.createObjectNode();
    PipelineStage.Result p = s.pipeline();
    PipelineStage.Latency lat = p.latency();
    put(o, "sustained_msgs_per_s", p.sustainedPerS());
    put(o, "broker_only_msgs_per_s", s.broker().sustainedPerS());
    put(o, "db_sink_rows_per_s", p.dbSinkRowsPerS());
    put(o, "raw_copy_rows_per_s", s.copy().rowsPerS());
    put(o, "p99_publish_to_signal_ms", lat == null ? Double.NaN : lat.publishToRow().p99Ms());
    put(o, "p99_dtc_to_sse_ms", lat == null ? Double.NaN : lat.dtcToSse().p99Ms());
    put(o, "state_bytes_per_vehicle", p.stateBytesPerVehicle());
    put(o, "pipeline_over_broker", s.pipelineOverBroker());
    put(o, "db_sink_over_raw_copy", s.sinkOverCopy());
    put(o, "data_points_per_s", p.sustainedPerS() * BenchFleet.SAMPLES_PER_MESSAGE);
    put(o, "db_sink_all_tables_rows_per_s", p.dbSinkAllTablesRowsPerS());
    if (lat != null) {
      o.put("latency_rate_msgs_per_s", lat.targetPerS());
      o.set("publish_to_signal_ms", percentiles(lat.publishToRow()));
      o.set("dtc_to_sse_ms", percentiles(lat.dtcToSse()));
    }
    StepResult at = s.sustainedStep();
    if (at != null) {
      o.set("resources_at_sustained", usage(at.usage(), at.generatorCores()));
    }
    if (p.checkpoint() != null) {
      ObjectNode st = o.putObject("state");
      st.put("checkpoint_id", p.checkpoint().id());
      st.put("bytes", p.checkpoint().stateBytes());
      st.put("vehicles", p.vehiclesInState());
      ObjectNode by = st.putObject("bytes_by_operator");
      for (Map.Entry<String, Long> e : p.checkpoint().bytesByOperator().entrySet()) {
        by.put(e.getKey(), e.getValue());
      }
    }
    o.put("mode", s.mode());
    o.put("started_at", s.startedAt().toString());
    o.put("vehicles", s.settings().vehicles());
    o.put("samples_per_message", BenchFleet.SAMPLES_PER_MESSAGE);
    o.put("checkpoint_interval_ms", s.settings().checkpointInterval().toMillis());
    ObjectNode m = o.putObject("machine");
    m.put("cpu", s.machine().cpuModel());
    m.put("cores", s.machine().cores());
    m.put("memory_bytes", s.machine().memoryBytes());
    m.put("os", s.machine().os());
    m.put("jvm", s.machine().jvm());
    ObjectNode copy = o.putObject("raw_copy");
    copy.put("rows", s.copy().rows());
    put(copy, "seconds", s.copy().seconds());
    put(copy, "megabytes_per_s", s.copy().megabytesPerS());
    o.set("broker_steps", steps(s.broker().steps()));
    o.set("pipeline_steps", steps(p.steps()));
    if (!p.note().isEmpty()) {
      o.put("note", p.note());
    }
    return o;
  }

  static String render(BenchSummary s) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(of(s));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ArrayNode steps(List<StepResult> steps) {
    ArrayNode a = JSON.createArrayNode();
    for (StepResult r : steps) {
      ObjectNode n = a.addObject();
      StepMeasurement m = r.measurement();
      put(n, "offered_msgs_per_s", m.targetPerS());
      put(n, "published_msgs_per_s", m.inputPerS());
      put(n, "output_msgs_per_s", m.outputPerS());
      put(n, "backlog_end_s", m.lagEndS());
      put(n, "window_s", m.windowS());
      n.put("sustained", r.verdict().sustained());
      n.put("verdict", r.verdict().reason());
      if (!r.publishToRow().isEmpty()) {
        n.set("publish_to_row_ms", percentiles(r.publishToRow()));
      }
      n.set("resources", usage(r.usage(), r.generatorCores()));
    }
    return a;
  }

  private static ObjectNode percentiles(Percentiles p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("count", p.count());
    put(n, "p50", p.p50Ms());
    put(n, "p99", p.p99Ms());
    put(n, "p999", p.p999Ms());
    put(n, "max", p.maxMs());
    return n;
  }

  private static ObjectNode usage(ResourceMeter.Usage u, double generatorCores) {
    ObjectNode n = JSON.createObjectNode();
    put(n, "jvm_cpu_cores", u.jvmCores());
    put(n, "load_generator_cpu_cores", generatorCores);
    put(n, "mosquitto_cpu_cores", u.mosquittoCores());
    put(n, "postgres_cpu_cores_all_databases", u.postgresCores());
    put(n, "machine_busy_cores", u.machineBusyCores());
    n.put("heap_used_bytes", u.heapUsedBytes());
    return n;
  }

  private static void put(ObjectNode o, String key, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      o.putNull(key);
    } else {
      o.put(key, Math.round(value * 100) / 100.0);
    }
  }
}

package io.fleetcare.streamjobs.predict;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.predictors.model.ForecastModel;
import io.fleetcare.predictors.series.VehicleSeries;
import io.fleetcare.streamjobs.planner.ComponentForecast;
import io.fleetcare.streamjobs.trip.IdleCleanup;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The predictor operator, keyed by VIN: the vehicle's ordered messages → one {@link
 * ComponentForecast} per component per day, by {@link PredictorProcessor} with the newest model of
 * {@link PredictorOptions#modelDirectory()} (the trend prior when there is none). A newer model
 * version appearing in the directory is picked up within {@link PredictorOptions#reloadInterval()}.
 *
 * <p>Keyed state per vehicle: its {@link VehicleSeries} (at most {@link
 * PredictorOptions#historyDays()} days of daily figures, 172 bytes a day: about 26 KB for a car
 * with data every day) and a {@link PredictorState} (three longs). Both are dropped after {@link
 * PredictorOptions#idleTimeout()} without messages.
 */
public final class PredictorFunction
    extends KeyedProcessFunction<String, VehicleMessage, ComponentForecast> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PredictorFunction.class);

  private final PredictorOptions options;
  private final PredictorProcessor processor;
  private final IdleCleanup cleanup;
  private transient ValueState<VehicleSeries> series;
  private transient ValueState<PredictorState> bookkeeping;
  private transient ForecastModel model;
  private transient Path modelPath;
  private transient long nextReloadCheckMs;

  public PredictorFunction(PredictorOptions options) {
    this.options = options;
    this.processor = new PredictorProcessor(options.historyDays());
    this.cleanup = new IdleCleanup(options.idleTimeout());
  }

  @Override
  public void open(OpenContext openContext) {
    series =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "predictor-series", TypeInformation.of(VehicleSeries.class)));
    bookkeeping =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "predictor-state", TypeInformation.of(PredictorState.class)));
    modelPath = ForecastModels.latest(options.modelDirectory());
    model = ForecastModels.load(options.modelDirectory());
  }

  @Override
  public void processElement(VehicleMessage message, Context ctx, Collector<ComponentForecast> out)
      throws Exception {
    reloadIfNewer(ctx.timerService().currentProcessingTime());
    VehicleSeries vehicle = series.value();
    if (vehicle == null) {
      vehicle = new VehicleSeries(message.vin());
    }
    PredictorState state = bookkeeping.value();
    if (state == null) {
      state = new PredictorState();
    }
    for (ComponentForecast f : processor.onMessage(model, vehicle, state, message)) {
      out.collect(f);
    }
    cleanup.touch(state.idle, ctx.timerService());
    series.update(vehicle);
    bookkeeping.update(state);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ComponentForecast> out)
      throws Exception {
    PredictorState state = bookkeeping.value();
    if (state == null) {
      return;
    }
    if (cleanup.expired(state.idle, timestamp, ctx.timerService())) {
      bookkeeping.clear();
      series.clear();
    } else {
      bookkeeping.update(state);
    }
  }

  private void reloadIfNewer(long nowMs) {
    if (nowMs < nextReloadCheckMs) {
      return;
    }
    nextReloadCheckMs = nowMs + options.reloadInterval().toMillis();
    Path latest;
    try {
      latest = ForecastModels.latest(options.modelDirectory());
    } catch (RuntimeException e) {
      LOG.warn("cannot check {} for a newer model: {}", options.modelDirectory(), e.toString());
      return;
    }
    if (latest != null && !Objects.equals(latest, modelPath)) {
      try {
        ForecastModel loaded = ForecastModels.load(options.modelDirectory());
        model = loaded;
        modelPath = latest;
        LOG.info("hot-reloaded model {}", loaded.version());
      } catch (RuntimeException e) {
        LOG.warn("keeping model {}: cannot load {}: {}", model.version(), latest, e.toString());
      }
    }
  }
}

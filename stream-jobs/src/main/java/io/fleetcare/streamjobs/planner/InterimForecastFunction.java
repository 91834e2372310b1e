package io.fleetcare.streamjobs.planner;

import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.trip.IdleCleanup;
import io.fleetcare.streamjobs.trip.IdleClock;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * INTERIM, keyed by VIN: signal points → component forecasts by {@link InterimRuleForecaster},
 * until the predictor operator replaces it (same output type, same place in the graph). One map
 * entry per signal series; all of it is dropped after {@link InterimForecastOptions#idleTimeout()}
 * without signals.
 */
public final class InterimForecastFunction
    extends KeyedProcessFunction<String, SignalPoint, ComponentForecast> {
  private static final long serialVersionUID = 1L;

  private final InterimRuleForecaster forecaster;
  private final IdleCleanup cleanup;
  private transient MapState<String, InterimSeriesState> series;
  private transient ValueState<IdleClock> idle;

  public InterimForecastFunction(InterimForecastOptions options) {
    this.forecaster = new InterimRuleForecaster(options);
    this.cleanup = new IdleCleanup(options.idleTimeout());
  }

  @Override
  public void open(OpenContext openContext) {
    series =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "interim-series", Types.STRING, TypeInformation.of(InterimSeriesState.class)));
    idle =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("interim-idle", TypeInformation.of(IdleClock.class)));
  }

  @Override
  public void processElement(SignalPoint point, Context ctx, Collector<ComponentForecast> out)
      throws Exception {
    if (!forecaster.reads(point.name())) {
      return;
    }
    forecaster.onSignal(KeyedStore.of(series), point).ifPresent(out::collect);
    IdleClock clock = idle.value();
    clock = clock == null ? new IdleClock() : clock;
    cleanup.touch(clock, ctx.timerService());
    idle.update(clock);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ComponentForecast> out)
      throws Exception {
    IdleClock clock = idle.value();
    if (clock == null) {
      return;
    }
    if (cleanup.expired(clock, timestamp, ctx.timerService())) {
      idle.clear();
      series.clear();
    } else {
      idle.update(clock);
    }
  }
}

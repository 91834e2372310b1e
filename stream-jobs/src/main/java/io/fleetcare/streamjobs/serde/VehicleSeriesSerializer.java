package io.fleetcare.streamjobs.serde;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.fleetcare.predictors.series.VehicleSeries;
import java.io.Serializable;

/**
 * Writes the predictor's per-vehicle {@link VehicleSeries} in its own compact binary form (instead
 * of Kryo's field-by-field default), so checkpoints hold 172 bytes per retained day.
 */
public final class VehicleSeriesSerializer extends Serializer<VehicleSeries>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  @Override
  public void write(Kryo kryo, Output output, VehicleSeries series) {
    byte[] bytes = series.encode();
    output.writeVarInt(bytes.length, true);
    output.writeBytes(bytes);
  }

  @Override
  public VehicleSeries read(Kryo kryo, Input input, Class<? extends VehicleSeries> type) {
    int length = input.readVarInt(true);
    return VehicleSeries.decode(input.readBytes(length));
  }
}

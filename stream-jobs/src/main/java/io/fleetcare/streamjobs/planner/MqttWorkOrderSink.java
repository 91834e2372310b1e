package io.fleetcare.streamjobs.planner;

import io.fleetcare.core.workorder.WorkOrder;
import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * At-least-once sink of work orders to {@code fleet/service/{dealerId}/work-orders} (QoS 1, the
 * {@link io.fleetcare.core.workorder.WorkOrderMessage} codec). Each writer publishes with a Paho
 * {@code MqttAsyncClient} and, on every checkpoint ({@link SinkWriter#flush}), waits until the
 * broker acknowledged everything published so far; a replay after a failure re-sends the same order
 * ids, which the work-order service stores once.
 */
public final class MqttWorkOrderSink implements Sink<WorkOrder> {
  private static final long serialVersionUID = 1L;

  private final MqttWorkOrderSinkOptions options;

  public MqttWorkOrderSink(MqttWorkOrderSinkOptions options) {
    this.options = options;
  }

  @Override
  public SinkWriter<WorkOrder> createWriter(WriterInitContext context) throws IOException {
    return new MqttWorkOrderWriter(
        options, options.clientIdPrefix() + "-" + context.getTaskInfo().getIndexOfThisSubtask());
  }
}

package io.fleetcare.streamjobs.planner;

import static io.fleetcare.streamjobs.planner.PlannerFixtures.T0;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.VIN;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.at;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.day;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.fault;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.forecast;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.profile;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.service;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.signal;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.core.workorder.Department;
import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderKind;
import io.fleetcare.core.workorder.WorkOrderMessage;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.signal.FaultCodeChange.Status;
import io.fleetcare.streamjobs.signal.SignalNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The planner operator: window, dedup, urgency, suppression, fault codes, care rules, cleanup. */
class WorkOrderPlanFunctionTest {
  private static final WorkOrderType PADS = WorkOrderType.BRAKE_PADS;
  private KeyedOneInputStreamOperatorTestHarness<String, PlannerInput, WorkOrder> harness;

  @BeforeEach
  void setUp() throws Exception {
    start(WorkOrderPlannerOptions.defaults());
  }

  private void start(WorkOrderPlannerOptions options) throws Exception {
    if (harness != null) {
      harness.close();
    }
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new WorkOrderPlanFunction(options), in -> in.vin, Types.STRING);
    harness.setProcessingTime(0);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private List<WorkOrder> feed(PlannerInput... inputs) throws Exception {
    int before = harness.extractOutputValues().size();
    for (PlannerInput in : inputs) {
      harness.processElement(in, in.tsMs);
    }
    List<WorkOrder> all = harness.extractOutputValues();
    return all.subList(before, all.size());
  }

  // ---- window and dedup ----

  @Test
  void plansAMaintenanceOrderDueInsideTheWindow() throws Exception {
    // Crossing predicted 11 days out (the middle of the 7..15 window): due over the whole window.
    List<WorkOrder> orders = feed(profile(2022), forecast(PADS, 0, 11, 0.8));
    assertThat(orders).hasSize(1);
    WorkOrder o = orders.getFirst();
    assertThat(o.vin()).isEqualTo(VIN);
    assertThat(o.dealerId()).isEqualTo("D001");
    assertThat(o.kind()).isEqualTo(WorkOrderKind.MAINTENANCE);
    assertThat(o.type()).isEqualTo(PADS);
    assertThat(o.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(o.createdAt()).isEqualTo(T0);
    assertThat(o.predictedDate()).isEqualTo(day(11));
    assertThat(o.dueFrom()).isEqualTo(day(7));
    assertThat(o.dueTo())
        .as("not the predicted date: a later crossing is still due")
        .isEqualTo(day(15));
    assertThat(o.probability()).isEqualTo(0.8);
    assertThat(o.id()).isEqualTo(WorkOrder.planId(VIN, PADS, day(7)));
    assertThat(o.modelVersion()).isEqualTo("test-model-v1");
    assertThat(o.servicePackage()).isEqualTo("BRAKE-PADS-REPLACEMENT");
    assertThat(o.evidenceJson())
        .contains("\"signal\":\"brake.pad_wear_pct.Row1.Left\"")
        .contains("\"servicePackage\":\"BRAKE-PADS-REPLACEMENT\"")
        .contains("\"modelVersion\":\"test-model-v1\"");
    // The order is a valid wire message.
    WorkOrderMessage codec = new WorkOrderMessage();
    assertThat(codec.decode(WorkOrderMessage.topicOf(o), codec.encode(o)).id()).isEqualTo(o.id());
  }

  @Test
  void waitsForTheMiddleOfTheWindow() throws Exception {
    assertThat(feed(profile(2022), forecast(PADS, 0, 20, 0.2))).isEmpty();
    // 12 days out: not yet, however high the probability and narrow the interval.
    assertThat(feed(forecast(PADS, 0, 12, 13, 0.99))).isEmpty();
    // 11 days out, however wide the interval: planned, due over the window.
    WorkOrder o = feed(forecast(PADS, 1, 11, 40, 0.3)).getFirst();
    assertThat(o.predictedDate()).isEqualTo(day(12));
    assertThat(o.dueFrom()).isEqualTo(day(8));
    assertThat(o.dueTo()).isEqualTo(day(16));
  }

  @Test
  void withPlanOnIntervalAnIntervalEndingInsideTheWindowPlansEarlier() throws Exception {
    start(WorkOrderPlannerOptions.defaults().withPlanOnInterval(true));
    assertThat(feed(profile(2022), forecast(PADS, 0, 20, 0.2))).isEmpty();
    // 12 days out, interval to day 16 (> 15): not yet, however high the probability.
    assertThat(feed(forecast(PADS, 0, 12, 16, 0.99))).isEmpty();
    // Next day: 12 days out, the interval's late end 14 days out: the crossing is inside the
    // window even if late, so planned; due over the window (day 1 + 7 .. day 1 + 15).
    List<WorkOrder> orders = feed(forecast(PADS, 1, 12, 14, 0.6));
    assertThat(orders).hasSize(1);
    assertThat(orders.getFirst().predictedDate()).isEqualTo(day(13));
    assertThat(orders.getFirst().dueFrom()).isEqualTo(day(8));
    assertThat(orders.getFirst().dueTo()).isEqualTo(day(16));
    // 11 days out with a wide interval (to day 30): planned on the predicted date alone.
    WorkOrder tyres = feed(forecast(WorkOrderType.TYRES, 0, 11, 30, 0.3)).getFirst();
    assertThat(tyres.predictedDate()).isEqualTo(day(11));
    assertThat(tyres.dueFrom()).isEqualTo(day(7));
    assertThat(tyres.dueTo()).isEqualTo(day(15));
    // No interval end (unbounded) and 13 days out: not planned.
    assertThat(feed(forecast(WorkOrderType.BATTERY_12V, 0, 13, null, 0.9))).isEmpty();
    // Interval ending on day 16: not planned; ending on day 15 (the window's last day): planned.
    assertThat(feed(forecast(WorkOrderType.ENGINE_DEPOSITS, 0, 13, 16, 0.9))).isEmpty();
    assertThat(feed(forecast(WorkOrderType.ENGINE_DEPOSITS, 0, 13, 15, 0.9))).hasSize(1);
  }

  @Test
  void theWindowIsConfigurable() throws Exception {
    WorkOrderPlannerOptions window = WorkOrderPlannerOptions.defaults().withWindow(3, 10);
    assertThat(window.planLeadDays()).as("the middle of 3..10, rounded down").isEqualTo(6);
    start(window);
    // 7 days out, interval to day 11 (> 10): not yet.
    assertThat(feed(profile(2022), forecast(PADS, 0, 7, 11, 0.9))).isEmpty();
    WorkOrder o = feed(forecast(PADS, 0, 6, 11, 0.9)).getFirst();
    assertThat(o.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(o.dueFrom()).isEqualTo(day(3));
    assertThat(o.dueTo()).isEqualTo(day(10));
    // Two days out (< 3): urgent, due from today to the crossing.
    WorkOrder urgent = feed(forecast(WorkOrderType.TYRES, 0, 2, 0.9)).getFirst();
    assertThat(urgent.urgency()).isEqualTo(Urgency.URGENT);
    assertThat(urgent.dueFrom()).isEqualTo(day(0));
    assertThat(urgent.dueTo()).isEqualTo(day(2));
  }

  @Test
  void thePlanningLeadMustLieInsideTheWindow() {
    WorkOrderPlannerOptions d = WorkOrderPlannerOptions.defaults();
    assertThat(d.planLeadDays()).isEqualTo(11);
    assertThatThrownBy(
            () ->
                new WorkOrderPlannerOptions(
                    7,
                    15,
                    16,
                    true,
                    3,
                    30,
                    60,
                    7,
                    1,
                    Duration.ofDays(180),
                    d.careRules(),
                    d.maintenanceRules()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("planLeadDays");
  }

  @Test
  void keepsOneOpenOrderPerTypeAndUpdatesItUnderTheSameId() throws Exception {
    WorkOrder first = feed(profile(2022), forecast(PADS, 0, 11, 0.8)).getFirst();
    // Daily forecasts that agree (predicted day 12, 13: within 3 days of 11) send nothing.
    assertThat(feed(forecast(PADS, 1, 11, 0.8), forecast(PADS, 2, 11, 0.85))).isEmpty();
    // The predicted date moves by 3 days (day 14): one update, same id.
    List<WorkOrder> updates = feed(forecast(PADS, 3, 11, 0.9));
    assertThat(updates).hasSize(1);
    assertThat(updates.getFirst().id()).isEqualTo(first.id());
    assertThat(updates.getFirst().urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(updates.getFirst().predictedDate()).isEqualTo(day(14));
    assertThat(updates.getFirst().createdAt()).isEqualTo(Instant.ofEpochMilli(at(3)));
    // Another type is planned on its own.
    WorkOrder tyres = feed(forecast(WorkOrderType.TYRES, 3, 10, 0.9)).getFirst();
    assertThat(tyres.type()).isEqualTo(WorkOrderType.TYRES);
    assertThat(tyres.id()).isNotEqualTo(first.id());
  }

  @Test
  void aReplayOfTheSameInputGivesTheSameIds() throws Exception {
    PlannerInput[] inputs = {profile(2022), forecast(PADS, 0, 11, 0.8), forecast(PADS, 4, 5, 0.99)};
    List<WorkOrder> run1 = feed(inputs);
    start(WorkOrderPlannerOptions.defaults());
    List<WorkOrder> run2 = feed(inputs);
    assertThat(run2).isEqualTo(run1);
  }

  // ---- urgency ----

  @Test
  void aCrossingCloserThanSevenDaysIsUrgentAndDueNow() throws Exception {
    WorkOrder o = feed(profile(2022), forecast(PADS, 0, 3, 0.95)).getFirst();
    assertThat(o.urgency()).isEqualTo(Urgency.URGENT);
    assertThat(o.dueFrom()).isEqualTo(day(0));
    assertThat(o.dueTo()).isEqualTo(day(3));
    WorkOrder crossed = feed(forecast(WorkOrderType.TYRES, 0, 0, 1.0)).getFirst();
    assertThat(crossed.urgency()).isEqualTo(Urgency.URGENT);
    assertThat(crossed.dueTo()).isEqualTo(day(0));
  }

  @Test
  void anOpenOrderBecomesUrgentWhenTheCrossingComesCloser() throws Exception {
    WorkOrder first = feed(profile(2022), forecast(PADS, 0, 11, 0.7)).getFirst();
    // Same predicted date (day 11), four days later: 7 days left, still normal.
    assertThat(feed(forecast(PADS, 4, 7, 0.9))).isEmpty();
    // Day 5: 6 days left: urgent, due from today to the crossing.
    WorkOrder urgent = feed(forecast(PADS, 5, 6, 0.99)).getFirst();
    assertThat(urgent.id()).isEqualTo(first.id());
    assertThat(urgent.urgency()).isEqualTo(Urgency.URGENT);
    assertThat(urgent.dueFrom()).isEqualTo(day(5));
    assertThat(urgent.dueTo()).isEqualTo(day(11));
    assertThat(feed(forecast(PADS, 6, 5, 0.99))).as("already urgent").isEmpty();
  }

  @Test
  void aCriticalFaultCodeMakesItsComponentUrgent() throws Exception {
    WorkOrder battery =
        feed(profile(2022), forecast(WorkOrderType.BATTERY_12V, 0, 11, 0.7)).getFirst();
    List<WorkOrder> orders = feed(fault(1, "P0562", Status.SET));
    assertThat(orders)
        .extracting(WorkOrder::type, WorkOrder::urgency)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(WorkOrderType.BATTERY_12V, Urgency.URGENT),
            org.assertj.core.groups.Tuple.tuple(WorkOrderType.FAULT_CODE, Urgency.URGENT));
    WorkOrder update =
        orders.stream().filter(o -> o.type().equals(WorkOrderType.BATTERY_12V)).findFirst().get();
    assertThat(update.id()).isEqualTo(battery.id());
    assertThat(update.evidenceJson()).contains("P0562");
    // A new forecast while the code is set (on day 3, crossing 11 days out on day 14, moved 3
    // days from 11: re-sent) stays urgent: due from today to at most 7 days out.
    List<WorkOrder> later = feed(forecast(WorkOrderType.BATTERY_12V, 3, 11, 0.9));
    assertThat(later).hasSize(1);
    assertThat(later.getFirst().id()).isEqualTo(battery.id());
    assertThat(later.getFirst().urgency()).isEqualTo(Urgency.URGENT);
    assertThat(later.getFirst().dueFrom()).isEqualTo(day(3));
    assertThat(later.getFirst().dueTo()).isEqualTo(day(10));
  }

  // ---- fault codes ----

  @Test
  void plansAFaultOrderTheDayACodeIsConfirmed() throws Exception {
    assertThat(feed(profile(2022), fault(0, "P0171", Status.SET)))
        .as("not confirmed yet")
        .isEmpty();
    WorkOrder o = feed(fault(1, "P0171", Status.PERSISTENT)).getFirst();
    assertThat(o.kind()).isEqualTo(WorkOrderKind.FAULT);
    assertThat(o.type()).isEqualTo(WorkOrderType.FAULT_CODE);
    assertThat(o.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(o.createdAt()).isEqualTo(Instant.ofEpochMilli(at(1)));
    assertThat(o.dueFrom()).isEqualTo(day(1));
    assertThat(o.dueTo()).isEqualTo(day(8));
    assertThat(o.probability()).isEqualTo(1.0);
    assertThat(o.evidenceJson()).contains("P0171").contains("description of P0171");
    // A second code updates the open order; a critical one makes it urgent.
    WorkOrder more = feed(fault(2, "P0301", Status.SET)).getFirst();
    assertThat(more.id()).isEqualTo(o.id());
    assertThat(more.urgency()).isEqualTo(Urgency.URGENT);
    assertThat(more.evidenceJson()).contains("P0171").contains("P0301");
    assertThat(feed(fault(3, "P0301", Status.PERSISTENT))).as("nothing new").isEmpty();
    // All cleared: the next code plans a new order.
    assertThat(feed(fault(4, "P0171", Status.CLEARED), fault(4, "P0301", Status.CLEARED)))
        .isEmpty();
    WorkOrder next = feed(fault(9, "P0420", Status.PERSISTENT)).getFirst();
    assertThat(next.id())
        .isNotEqualTo(o.id())
        .isEqualTo(WorkOrder.planId(VIN, WorkOrderType.FAULT_CODE, day(9)));
  }

  @Test
  void faultCodesWaitForTheVehicleProfile() throws Exception {
    assertThat(feed(fault(0, "P0301", Status.SET))).isEmpty();
    List<WorkOrder> orders = feed(profile(2022));
    assertThat(orders).hasSize(1);
    assertThat(orders.getFirst().urgency()).isEqualTo(Urgency.URGENT);
    assertThat(orders.getFirst().createdAt()).isEqualTo(T0);
  }

  // ---- suppression after service ----

  @Test
  void aServiceSuppressesTheTypeUntilTheSignalShowsNeedAgain() throws Exception {
    WorkOrder first = feed(profile(2022), forecast(PADS, 0, 11, 0.8)).getFirst();
    feed(service(8, PADS));
    // Forecasts still fitted to the worn pads: suppressed.
    assertThat(feed(forecast(PADS, 9, 3, 0.9), forecast(PADS, 10, 2, 0.9))).isEmpty();
    // The new pads look healthy: re-armed, still nothing to send.
    assertThat(feed(forecast(PADS, 12, null, 0.0))).isEmpty();
    // Months later they need service again: a new order with a new id.
    WorkOrder again = feed(forecast(PADS, 200, 10, 0.8)).getFirst();
    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(again.dueFrom()).isEqualTo(day(207));
  }

  @Test
  void aServiceOfAnotherTypeDoesNotSuppress() throws Exception {
    feed(profile(2022), forecast(PADS, 0, 11, 0.8));
    feed(service(1, WorkOrderType.TYRES));
    assertThat(feed(forecast(PADS, 2, 5, 0.95))).hasSize(1);
  }

  @Test
  void mileageOrdersAreDueOverTheWindowLikeTheOthers() throws Exception {
    // 11 days out: planned. Due 7..15 days out, not from 7 days before the milestone to the
    // milestone: a milestone reached a few days late is still due.
    WorkOrder o =
        feed(profile(2022), forecast(WorkOrderType.MILEAGE_SERVICE, 0, 11, 0.9)).getFirst();
    assertThat(o.kind()).isEqualTo(WorkOrderKind.MAINTENANCE);
    assertThat(o.predictedDate()).isEqualTo(day(11));
    assertThat(o.dueFrom()).isEqualTo(day(7));
    assertThat(o.dueTo()).isEqualTo(day(15));
    assertThat(o.urgency()).isEqualTo(Urgency.NORMAL);
    // Serviced at the milestone: quiet until the next milestone is far away.
    feed(service(12, WorkOrderType.MILEAGE_SERVICE));
    assertThat(feed(forecast(WorkOrderType.MILEAGE_SERVICE, 12, 1, 1.0))).isEmpty();
    assertThat(feed(forecast(WorkOrderType.MILEAGE_SERVICE, 14, 90, 0.0))).isEmpty();
    assertThat(feed(forecast(WorkOrderType.MILEAGE_SERVICE, 95, 11, 0.9))).hasSize(1);
  }

  // ---- care rules ----

  @Test
  void aLongDailyCommuteGetsALongDistanceSafetyCheck() throws Exception {
    assertThat(feed(profile(2024), usage(0, 20, 0.1, 45))).isEmpty();
    WorkOrder o = feed(usage(1, 22, 0.1, 63.5)).getFirst();
    assertThat(o.type()).isEqualTo(WorkOrderType.CARE_LONG_DISTANCE);
    assertThat(o.kind()).isEqualTo(WorkOrderKind.CARE);
    assertThat(o.department()).isEqualTo(Department.AFTER_SALES);
    assertThat(o.servicePackage()).isEqualTo("CARE-LONG-DISTANCE-SAFETY-CHECK");
    assertThat(o.modelVersion()).isEqualTo("care-rules/care-rules-v1");
    assertThat(o.dueFrom()).isEqualTo(day(1));
    assertThat(o.dueTo()).isEqualTo(day(31));
    assertThat(o.predictedDate()).isNull();
    assertThat(o.evidenceJson()).contains("usage.commuteKm > 50").contains("63.5");
    // Not again within the rule's quiet period, again after it.
    assertThat(feed(usage(30, 25, 0.1, 70))).isEmpty();
    assertThat(feed(usage(182, 25, 0.1, 70)))
        .extracting(WorkOrder::type)
        .containsExactly(WorkOrderType.CARE_LONG_DISTANCE);
  }

  @Test
  void aShortTripCarWithRisingFuelUseGetsEngineDepositCleaningAndAdvice() throws Exception {
    assertThat(feed(profile(2024), usage(0, 30, 0.8, 5))).as("fuel use unknown").isEmpty();
    assertThat(feed(signal(1, SignalNames.FUEL_DRIFT_30D_PCT, 2.0))).as("not rising").isEmpty();
    WorkOrder o = feed(signal(5, SignalNames.FUEL_DRIFT_30D_PCT, 7.5)).getFirst();
    assertThat(o.type()).isEqualTo(WorkOrderType.CARE_SHORT_TRIPS);
    assertThat(o.servicePackage()).isEqualTo("CARE-ENGINE-DEPOSIT-CLEANING");
    assertThat(o.evidenceJson()).contains("working temperature").contains("7.5");
  }

  @Test
  void aTwelveVoltAnomalyGetsABatteryDiagnosisWithHomeReplacement() throws Exception {
    assertThat(feed(profile(2024), signal(0, SignalNames.BATTERY_RESTING_V, 12.6))).isEmpty();
    WorkOrder o = feed(signal(1, SignalNames.BATTERY_CHARGING_V, 15.4)).getFirst();
    assertThat(o.type().code()).isEqualTo("CARE_BATTERY_CHECK");
    assertThat(o.servicePackage()).isEqualTo("CARE-BATTERY-12V-DIAGNOSIS-HOME-REPLACEMENT");
    assertThat(o.evidenceJson()).contains("home");
    // Signals the rules do not read never reach the state.
    assertThat(feed(signal(2, SignalNames.BRAKE_PAD_WEAR_PCT, 50))).isEmpty();
  }

  @Test
  void aCarOlderThanFiveYearsGetsATradeInOffer() throws Exception {
    assertThat(feed(profile(2022), usage(0, 5, 0.2, 20))).as("four years old").isEmpty();
    start(WorkOrderPlannerOptions.defaults());
    WorkOrder o = feed(usage(0, 5, 0.2, 20), profile(2019)).getFirst();
    assertThat(o.type().code()).isEqualTo("CARE_TRADE_IN");
    assertThat(o.department()).isEqualTo(Department.SALES);
    assertThat(o.dueTo()).isEqualTo(day(30));
    assertThat(o.createdAt()).as("the newest event time").isEqualTo(T0);
    assertThat(feed(usage(300, 5, 0.2, 20))).as("once a year").isEmpty();
  }

  @Test
  void noOrdersWithoutADealer() throws Exception {
    assertThat(feed(forecast(PADS, 0, 10, 0.9), usage(0, 30, 0.1, 80))).isEmpty();
    assertThat(feed(profile(2024), forecast(PADS, 1, 9, 0.9)))
        .extracting(WorkOrder::type)
        .containsExactlyInAnyOrder(PADS, WorkOrderType.CARE_LONG_DISTANCE);
  }

  // ---- window edges, hand-computed (day 0 = 2026-03-02; window 7..15 days) ----

  @Test
  void theWindowEdgesAreInclusive() throws Exception {
    // Crossing predicted on day 11 (planLeadDays), wide interval, probability low: planned on
    // the date alone; day 12 with the same interval is not.
    assertThat(feed(profile(2022), forecast(PADS, 0, 12, 40, 0.9))).isEmpty();
    WorkOrder mid = feed(forecast(PADS, 0, 11, 40, 0.1)).getFirst();
    assertThat(mid.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(mid.dueFrom()).isEqualTo(day(7));
    assertThat(mid.dueTo()).isEqualTo(day(15));
    // Crossing exactly 7 days out: NORMAL, due over the window.
    WorkOrder seven = feed(forecast(WorkOrderType.BATTERY_12V, 0, 7, 0.9)).getFirst();
    assertThat(seven.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(seven.dueFrom()).isEqualTo(day(7));
    assertThat(seven.dueTo()).isEqualTo(day(15));
    // Six days out: URGENT, due from today to the crossing.
    WorkOrder six = feed(forecast(WorkOrderType.ENGINE_DEPOSITS, 0, 6, 0.9)).getFirst();
    assertThat(six.urgency()).isEqualTo(Urgency.URGENT);
    assertThat(six.dueFrom()).isEqualTo(day(0));
    assertThat(six.dueTo()).isEqualTo(day(6));
  }

  @Test
  void updatesOfAnOpenOrderNeverDuplicateIt() throws Exception {
    // Ten daily forecasts whose crossing comes a day closer each day: one id throughout, re-sent
    // only when the predicted date moved by 3 days or more since the last one sent, or on
    // becoming URGENT.
    List<WorkOrder> orders = new java.util.ArrayList<>(feed(profile(2022)));
    for (int d = 0; d < 10; d++) {
      orders.addAll(feed(forecast(PADS, d, 14 - 2 * d > 0 ? 14 - 2 * d : 0, 0.9)));
    }
    assertThat(orders).extracting(WorkOrder::id).containsOnly(orders.getFirst().id());
    // Predicted day = d + max(0, 14 - 2d): 14, 13, 12, 11, 10, 9, 8, 7, 8, 9, i.e. 14, 12, 10,
    // 8, 6, ... days out. Days 0 and 1: more than 11 days out, not planned. Sent on day 2 (12:
    // 10 days out), day 4 (10: 6 days left, URGENT), day 7 (7: moved 3 from 10); days 3, 5, 6,
    // 8, 9 moved less than 3.
    assertThat(orders)
        .extracting(WorkOrder::predictedDate)
        .containsExactly(day(12), day(10), day(7));
    assertThat(orders)
        .filteredOn(o -> o.urgency() == Urgency.URGENT)
        .first()
        .satisfies(o -> assertThat(o.createdAt()).isEqualTo(Instant.ofEpochMilli(at(4))));
  }

  @Test
  void suppressionEndsAfterItsLimitEvenIfTheForecastNeverLooksHealthy() throws Exception {
    WorkOrder first = feed(profile(2022), forecast(PADS, 0, 11, 0.8)).getFirst();
    feed(service(10, PADS));
    // The forecasts keep showing need (e.g. a model not reset by the service): quiet for 60 days.
    assertThat(feed(forecast(PADS, 20, 3, 0.9), forecast(PADS, 70, 3, 0.9))).isEmpty();
    // Day 71 is 61 days after the service: the limit passed, a new order.
    WorkOrder again = feed(forecast(PADS, 71, 3, 0.9)).getFirst();
    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(again.urgency()).isEqualTo(Urgency.URGENT);
  }

  @Test
  void aMileageMilestoneCloserThanSevenDaysIsUrgentAndDueFromToday() throws Exception {
    // Milestone 4 days out: due from today (not 3 days ago) to the milestone, and URGENT.
    WorkOrder o =
        feed(profile(2022), forecast(WorkOrderType.MILEAGE_SERVICE, 0, 4, 0.99)).getFirst();
    assertThat(o.dueFrom()).isEqualTo(day(0));
    assertThat(o.dueTo()).isEqualTo(day(4));
    assertThat(o.urgency()).isEqualTo(Urgency.URGENT);
  }

  // ---- each care rule's conditions (planner/care-rules.yaml) ----

  @Test
  void longDistanceNeedsTenTripsAsWellAsTheCommute() throws Exception {
    assertThat(feed(profile(2024), usage(0, 9, 0.1, 80))).as("9 trips").isEmpty();
    assertThat(feed(usage(1, 10, 0.1, 50))).as("commute 50 is not > 50").isEmpty();
    assertThat(feed(usage(2, 10, 0.1, 50.1)))
        .extracting(WorkOrder::type)
        .containsExactly(WorkOrderType.CARE_LONG_DISTANCE);
  }

  @Test
  void shortTripAdviceNeedsMostlyShortTripsAndTenTrips() throws Exception {
    feed(profile(2024), signal(0, SignalNames.FUEL_DRIFT_30D_PCT, 9.0));
    assertThat(feed(usage(1, 30, 0.59, 5))).as("short-trip share 0.59 < 0.6").isEmpty();
    assertThat(feed(usage(2, 9, 0.9, 5))).as("9 trips").isEmpty();
    WorkOrder o = feed(usage(3, 10, 0.6, 5)).getFirst();
    assertThat(o.type()).isEqualTo(WorkOrderType.CARE_SHORT_TRIPS);
    assertThat(o.department()).isEqualTo(Department.AFTER_SALES);
    assertThat(o.dueFrom()).isEqualTo(day(3));
    assertThat(o.dueTo()).isEqualTo(day(33));
    assertThat(o.evidenceJson()).contains("signal.fuel.drift_30d_pct >= 5");
  }

  @Test
  void eachTwelveVoltAnomalyAloneGetsTheBatteryCheck() throws Exception {
    Object[][] anomalies = {
      {SignalNames.BATTERY_RESTING_V, 12.19, "signal.battery12v.resting_v < 12.2"},
      {SignalNames.BATTERY_CHARGING_V, 13.19, "signal.battery12v.charging_v < 13.2"},
      {SignalNames.BATTERY_CHARGING_V, 15.01, "signal.battery12v.charging_v > 15"},
      {SignalNames.BATTERY_CRANKING_MIN_V, 9.99, "signal.battery12v.cranking_min_v < 10"},
    };
    for (Object[] a : anomalies) {
      start(WorkOrderPlannerOptions.defaults());
      // Healthy values first: 12.6 V resting, 14.1 V charging, 10.5 V cranking.
      assertThat(
              feed(
                  profile(2024),
                  signal(0, SignalNames.BATTERY_RESTING_V, 12.6),
                  signal(0, SignalNames.BATTERY_CHARGING_V, 14.1),
                  signal(0, SignalNames.BATTERY_CRANKING_MIN_V, 10.5)))
          .as("healthy")
          .isEmpty();
      List<WorkOrder> orders = feed(signal(1, (String) a[0], (double) a[1]));
      assertThat(orders).as((String) a[2]).hasSize(1);
      WorkOrder o = orders.getFirst();
      assertThat(o.type().code()).isEqualTo("CARE_BATTERY_CHECK");
      assertThat(o.evidenceJson())
          .contains("{\"condition\":\"" + a[2] + "\",\"value\":" + a[1] + ",\"holds\":true}");
    }
  }

  @Test
  void tradeInIsForCarsMoreThanFiveYearsOld() throws Exception {
    // Event year 2026: a 2021 car is exactly 5 years old (not > 5), a 2020 car 6.
    assertThat(feed(profile(2021), usage(0, 5, 0.2, 20))).isEmpty();
    start(WorkOrderPlannerOptions.defaults());
    WorkOrder o = feed(profile(2020), usage(0, 5, 0.2, 20)).getFirst();
    assertThat(o.type().code()).isEqualTo("CARE_TRADE_IN");
    assertThat(o.servicePackage()).isEqualTo("CARE-TRADE-IN-REFERRAL");
    assertThat(o.evidenceJson()).contains("\"condition\":\"vehicle.ageYears > 5\",\"value\":6.0");
    // A SERVICE_PERFORMED of the offer keeps it quiet for its 365 days, then it comes back.
    feed(service(10, WorkOrderType.of("CARE_TRADE_IN")));
    assertThat(feed(usage(370, 5, 0.2, 20))).as("within 365 days of the service").isEmpty();
    assertThat(feed(usage(376, 5, 0.2, 20)))
        .extracting(w -> w.type().code())
        .containsExactly("CARE_TRADE_IN");
  }

  // ---- state and timers ----

  @Test
  void stateAndTimersGoBackToZeroAfterTheIdleTimeout() throws Exception {
    feed(
        profile(2019),
        forecast(PADS, 0, 11, 0.8),
        fault(0, "P0301", Status.SET),
        usage(0, 20, 0.7, 60),
        signal(0, SignalNames.BATTERY_RESTING_V, 11.8));
    assertThat(harness.numKeyedStateEntries()).isPositive();
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    long idle = Duration.ofDays(180).toMillis();
    harness.setProcessingTime(idle - 1);
    assertThat(harness.numKeyedStateEntries()).isPositive();
    harness.setProcessingTime(idle);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void inputKeepsTheVehicleAliveWithOneTimer() throws Exception {
    feed(profile(2022), forecast(PADS, 0, 11, 0.8));
    long idle = Duration.ofDays(180).toMillis();
    harness.setProcessingTime(idle / 2);
    feed(forecast(PADS, 1, 11, 0.8));
    harness.setProcessingTime(idle);
    assertThat(harness.numKeyedStateEntries()).as("re-armed, not expired").isPositive();
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    harness.setProcessingTime(idle / 2 + idle);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }
}

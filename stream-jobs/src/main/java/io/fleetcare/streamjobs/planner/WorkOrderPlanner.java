package io.fleetcare.streamjobs.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderMessage;
import io.fleetcare.core.workorder.WorkOrderStatus;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.planner.PlannerTypeState.Phase;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planner's rules (issue #7), over one vehicle's state. All decisions are in event time:
 * "today" is the UTC day of the input's {@code tsMs}, and an order's {@code createdAt} is that
 * event time.
 *
 * <ul>
 *   <li><b>Maintenance</b> from {@link ComponentForecast}s: planned when the predicted crossing is
 *       at most {@code planLeadDays} ahead (the middle of the window), or (with {@code
 *       planOnInterval}) when the forecast's interval ends within {@code maxLeadDays}; due from
 *       {@code minLeadDays} to {@code maxLeadDays} ahead (mileage alike); URGENT (due from today to
 *       the crossing, at most {@code minLeadDays}) when the crossing is closer than {@code
 *       minLeadDays} or a critical fault code of the component is set.
 *   <li><b>One open order per type</b>: while open, new forecasts update it under the same id (sent
 *       again only when it becomes URGENT or its predicted date moves by {@code updateShiftDays});
 *       the id is {@link WorkOrder#planId} of the first planning, so a replay gives the same ids.
 *   <li><b>Suppression after service</b>: SERVICE_PERFORMED of the type closes the open order and
 *       keeps the type quiet until a later forecast shows the component healthy (no crossing within
 *       the window), or {@code maxSuppressionDays} pass.
 *   <li><b>Fault codes</b>: one FAULT_CODE order the day a code is confirmed ({@link
 *       MaintenanceRules#confirmWith()}; critical codes when first SET, URGENT); more codes while
 *       it is open update it; when all are cleared the next code plans a new one.
 *   <li><b>Care offers</b> from {@link CareRules}, evaluated on every usage profile, vehicle
 *       profile and signal a rule reads; a rule is quiet for its {@code repeatAfterDays} after it
 *       fired (or after a SERVICE_PERFORMED of its type).
 * </ul>
 *
 * Orders need the dealer from the vehicle profile; without one nothing is emitted (fault codes wait
 * for the profile, forecasts plan on the next forecast).
 */
public final class WorkOrderPlanner implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(WorkOrderPlanner.class);
  private static final long DAY_MS = 86_400_000L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FAULT = WorkOrderType.FAULT_CODE.code();

  private final WorkOrderPlannerOptions options;
  private final Set<String> careSignals;

  public WorkOrderPlanner(WorkOrderPlannerOptions options) {
    this.options = options;
    this.careSignals = Set.copyOf(options.careRules().signals());
  }

  /** Whether the planner reads this signal (only those care rules refer to). */
  public boolean readsSignal(String name) {
    return careSignals.contains(name);
  }

  /**
   * Handles one input of the vehicle.
   *
   * @param vehicle the vehicle's facts (updated in place; the caller stores it)
   * @param types per-type entries by type code (written through)
   * @param signals newest values of the signals care rules read (written through)
   * @param out receives new and changed orders
   */
  public void onInput(
      PlannerVehicleState vehicle,
      KeyedStore<PlannerTypeState> types,
      KeyedStore<Double> signals,
      PlannerInput in,
      Consumer<WorkOrder> out)
      throws Exception {
    if (in.kind != PlannerInput.Kind.PROFILE) {
      vehicle.lastEventMs = Math.max(vehicle.lastEventMs, in.tsMs);
    }
    Ctx c = new Ctx(in.vin, vehicle, types, signals, out);
    switch (in.kind) {
      case FORECAST -> onForecast(c, in.forecast);
      case FAULT -> onFault(c, in.fault);
      case USAGE -> {
        onUsage(vehicle, in.usage);
        evaluateCare(c, in.tsMs);
      }
      case SIGNAL -> {
        if (readsSignal(in.signal.name())) {
          signals.put(in.signal.name(), in.signal.value());
          evaluateCare(c, in.tsMs);
        }
      }
      case PROFILE -> {
        vehicle.dealerId = in.dealerId;
        vehicle.modelYear = in.modelYear;
        if (vehicle.lastEventMs != Long.MIN_VALUE) {
          planWaitingFaults(c, vehicle.lastEventMs);
          evaluateCare(c, vehicle.lastEventMs);
        }
      }
      case SERVICE -> onService(c, in.tsMs, in.service);
    }
  }

  /** The per-call context. */
  private record Ctx(
      String vin,
      PlannerVehicleState vehicle,
      KeyedStore<PlannerTypeState> types,
      KeyedStore<Double> signals,
      Consumer<WorkOrder> out) {}

  // ---- maintenance -------------------------------------------------------------------------

  private void onForecast(Ctx c, ComponentForecast f) throws Exception {
    WorkOrderType type = f.component();
    if (type.isCare() || type.equals(WorkOrderType.FAULT_CODE)) {
      return;
    }
    PlannerTypeState rec = load(c, type);
    long today = day(f.tsMs());
    expireOpen(rec, today);
    long predicted = f.predictedDate() == null ? Long.MAX_VALUE : f.predictedDate().toEpochDay();
    boolean need = plans(f, today, predicted);
    if (rec.phase == Phase.SUPPRESSED) {
      // Healthy: no crossing predicted within the window at all (not merely "not yet planned").
      boolean healthyAgain = predicted > today + options.maxLeadDays() && f.tsMs() > rec.serviceMs;
      boolean limitPassed = f.tsMs() - rec.serviceMs > options.maxSuppressionDays() * DAY_MS;
      if (!healthyAgain && !limitPassed) {
        return;
      }
      rec.phase = Phase.IDLE;
      rec.serviceMs = Long.MIN_VALUE;
    }
    if (!need || c.vehicle.dealerId == null) {
      save(c, type, rec, f.tsMs());
      return;
    }
    boolean urgent = predicted - today < options.minLeadDays() || !rec.codes.isEmpty();
    long from;
    long to;
    if (urgent) {
      from = today;
      to = Math.max(today, Math.min(predicted, today + options.minLeadDays()));
    } else {
      // The whole window, not up to the predicted date: a crossing a few days later than
      // predicted is still inside it (mileage alike).
      from = today + options.minLeadDays();
      to = today + options.maxLeadDays();
    }
    boolean send;
    if (rec.phase == Phase.OPEN) {
      send =
          (urgent && !rec.urgent)
              || Math.abs(predicted - rec.predictedDay) >= options.updateShiftDays();
    } else {
      rec.phase = Phase.OPEN;
      rec.orderId = null;
      send = true;
    }
    if (send) {
      ObjectNode evidence = evidence(f.evidenceJson());
      evidence.put("probabilityWithin15Days", f.probabilityWithin15Days());
      if (!evidence.has("interval") && f.lowDate() != null) {
        ObjectNode interval = evidence.putObject("interval");
        interval.put("level", 0.8);
        interval.put("from", f.lowDate().toString());
        if (f.highDate() != null) {
          interval.put("to", f.highDate().toString());
        }
      }
      if (!rec.codes.isEmpty()) {
        putCodes(evidence.putArray("criticalFaultCodes"), rec.codes);
      }
      emit(
          c,
          type,
          rec,
          urgent,
          f.tsMs(),
          predicted,
          from,
          to,
          f.probabilityWithin15Days(),
          evidence,
          f.modelVersion(),
          null);
    }
    save(c, type, rec, f.tsMs());
  }

  /**
   * The trigger, at the middle of the window: the predicted crossing is at most {@code
   * planLeadDays} ahead, or (with {@code planOnInterval}) the interval's late end (p90) is within
   * the window, so the crossing is inside it even if it comes late. Planning at the window's far
   * edge made every optimistic forecast an early order (docs/predictions.md).
   */
  private boolean plans(ComponentForecast f, long today, long predicted) {
    if (f.predictedDate() == null) {
      return false;
    }
    if (predicted <= today + options.planLeadDays()) {
      return true;
    }
    return options.planOnInterval()
        && f.highDate() != null
        && f.highDate().toEpochDay() <= today + options.maxLeadDays();
  }

  /** An open order the planner never saw serviced stops blocking after its grace period. */
  private void expireOpen(PlannerTypeState rec, long today) {
    if (rec.phase == Phase.OPEN && today > rec.dueToDay + options.reopenAfterDays()) {
      rec.phase = Phase.IDLE;
      rec.orderId = null;
      rec.urgent = false;
    }
  }

  // ---- service -----------------------------------------------------------------------------

  private void onService(Ctx c, long tsMs, String service) throws Exception {
    WorkOrderType type;
    try {
      type = WorkOrderType.of(service);
    } catch (IllegalArgumentException e) {
      LOG.debug("SERVICE_PERFORMED of unknown type '{}' for {} ignored", service, c.vin);
      return;
    }
    PlannerTypeState rec = load(c, type);
    rec.orderId = null;
    rec.urgent = false;
    if (type.isCare()) {
      CareRules.Rule rule = options.careRules().ruleFor(type);
      int quietDays = rule == null ? 0 : rule.repeatAfterDays();
      rec.phase = Phase.IDLE;
      rec.quietUntilMs = Math.max(rec.quietUntilMs, tsMs + quietDays * DAY_MS);
    } else if (type.equals(WorkOrderType.FAULT_CODE)) {
      rec.phase = Phase.IDLE;
      rec.codes = "";
    } else {
      rec.phase = Phase.SUPPRESSED;
      rec.serviceMs = tsMs;
    }
    save(c, type, rec, tsMs);
  }

  // ---- fault codes -------------------------------------------------------------------------

  private void onFault(Ctx c, FaultCodeChange change) throws Exception {
    MaintenanceRules rules = options.maintenanceRules();
    String code = change.code();
    boolean critical = rules.isCritical(code);
    WorkOrderType component = critical ? rules.componentOf(code) : null;
    PlannerTypeState rec = load(c, WorkOrderType.FAULT_CODE);
    long today = day(change.tsMs());
    if (change.status() == FaultCodeChange.Status.CLEARED) {
      rec.codes = without(rec.codes, code);
      if (rec.codes.isEmpty() && rec.phase == Phase.OPEN) {
        rec.phase = Phase.IDLE; // the order stays with the advisor; the next code plans anew
        rec.orderId = null;
        rec.urgent = false;
      }
      save(c, WorkOrderType.FAULT_CODE, rec, change.tsMs());
      if (component != null) {
        PlannerTypeState comp = load(c, component);
        comp.codes = without(comp.codes, code);
        save(c, component, comp, change.tsMs());
      }
      return;
    }
    boolean confirmed =
        critical
            || change.status() == FaultCodeChange.Status.PERSISTENT
            || rules.confirmWith() == FaultCodeChange.Status.SET;
    if (!confirmed) {
      return;
    }
    if (component != null) {
      makeComponentUrgent(c, component, code, change);
    }
    expireOpen(rec, today);
    boolean added = !contains(rec.codes, code);
    rec.codes = with(rec.codes, code);
    if (c.vehicle.dealerId == null) {
      save(c, WorkOrderType.FAULT_CODE, rec, change.tsMs());
      return;
    }
    boolean urgent = rec.urgent || critical;
    if (rec.phase != Phase.OPEN || added || urgent != rec.urgent) {
      planFault(c, rec, urgent, change.tsMs(), change);
    }
    save(c, WorkOrderType.FAULT_CODE, rec, change.tsMs());
  }

  private void planFault(
      Ctx c, PlannerTypeState rec, boolean urgent, long tsMs, FaultCodeChange trigger) {
    long today = day(tsMs);
    if (rec.phase != Phase.OPEN) {
      rec.phase = Phase.OPEN;
      rec.orderId = null;
    }
    long from = rec.orderId == null ? today : rec.dueFromDay;
    long to =
        Math.max(from, today + (urgent ? options.criticalFaultDueDays() : options.faultDueDays()));
    ObjectNode evidence = JSON.createObjectNode();
    ArrayNode codes = evidence.putArray("codes");
    for (String code : rec.codes.split(",")) {
      ObjectNode node = codes.addObject();
      node.put("code", code);
      node.put("critical", options.maintenanceRules().isCritical(code));
      if (trigger != null && trigger.code().equals(code)) {
        node.put("status", trigger.status().name());
        node.put("firstSetMs", trigger.firstSetMs());
        node.put("description", trigger.description());
      }
    }
    evidence.put(
        "summary",
        trigger == null
            ? "diagnostic trouble codes " + rec.codes
            : trigger.code()
                + (trigger.description() == null ? "" : " " + trigger.description())
                + (options.maintenanceRules().isCritical(trigger.code()) ? " (critical)" : ""));
    emit(
        c, WorkOrderType.FAULT_CODE, rec, urgent, tsMs, today, from, to, 1.0, evidence, null, null);
  }

  /** Fault codes confirmed before the dealer was known are planned when the profile arrives. */
  private void planWaitingFaults(Ctx c, long tsMs) throws Exception {
    PlannerTypeState rec = c.types.get(FAULT);
    if (rec == null
        || rec.codes.isEmpty()
        || rec.phase == Phase.OPEN
        || c.vehicle.dealerId == null) {
      return;
    }
    boolean urgent = false;
    for (String code : rec.codes.split(",")) {
      urgent |= options.maintenanceRules().isCritical(code);
    }
    planFault(c, rec, urgent, tsMs, null);
    save(c, WorkOrderType.FAULT_CODE, rec, tsMs);
  }

  private void makeComponentUrgent(
      Ctx c, WorkOrderType component, String code, FaultCodeChange change) throws Exception {
    PlannerTypeState comp = load(c, component);
    comp.codes = with(comp.codes, code);
    long today = day(change.tsMs());
    expireOpen(comp, today);
    if (comp.phase == Phase.OPEN && !comp.urgent && c.vehicle.dealerId != null) {
      long predicted = comp.predictedDay == Long.MIN_VALUE ? today : comp.predictedDay;
      ObjectNode evidence = JSON.createObjectNode();
      evidence.put(
          "summary", "critical fault code " + code + " set: " + component + " is urgent now");
      putCodes(evidence.putArray("criticalFaultCodes"), comp.codes);
      emit(
          c,
          component,
          comp,
          true,
          change.tsMs(),
          predicted,
          today,
          Math.max(today, Math.min(predicted, today + options.minLeadDays())),
          1.0,
          evidence,
          null,
          null);
    }
    save(c, component, comp, change.tsMs());
  }

  // ---- care offers ---------------------------------------------------------------------------

  private static void onUsage(PlannerVehicleState v, UsageProfileSnapshot u) {
    if (u.tsMs() < v.usageTsMs) {
      return;
    }
    v.usageTsMs = u.tsMs();
    v.trips = u.trips();
    v.shortTripShare = u.shortTripShare();
    v.commuteKm = u.commuteKm();
    v.kmPerDay = u.kmPerDay();
    v.highwayShare = u.highwayShare();
    v.nightShare = u.nightShare();
  }

  private void evaluateCare(Ctx c, long tsMs) throws Exception {
    if (options.careRules().rules().isEmpty()) {
      return;
    }
    CareRules.Facts facts = field -> fact(c, tsMs, field);
    for (CareRules.Rule rule : options.careRules().rules()) {
      PlannerTypeState rec = c.types.get(rule.type().code());
      if (rec != null && tsMs < rec.quietUntilMs) {
        continue;
      }
      if (c.vehicle.dealerId == null || !rule.matches(facts)) {
        if (rec != null) {
          save(c, rule.type(), rec, tsMs);
        }
        continue;
      }
      rec = rec == null ? new PlannerTypeState() : rec;
      rec.phase = Phase.OPEN;
      rec.orderId = null;
      rec.quietUntilMs = tsMs + rule.repeatAfterDays() * DAY_MS;
      long today = day(tsMs);
      ObjectNode evidence = JSON.createObjectNode();
      evidence.put("rule", rule.type().code());
      evidence.put("title", rule.title());
      evidence.put("summary", rule.advice().isEmpty() ? rule.title() : rule.advice());
      ArrayNode conditions = evidence.putArray("conditions");
      for (CareRules.Condition cond : concat(rule)) {
        OptionalDouble v = facts.value(cond.field());
        ObjectNode n = conditions.addObject();
        n.put("condition", cond.field() + " " + cond.op() + " " + number(cond.value()));
        if (v.isPresent()) {
          n.put("value", Math.round(v.getAsDouble() * 1000) / 1000.0);
        }
        n.put("holds", cond.test(facts));
      }
      emit(
          c,
          rule.type(),
          rec,
          false,
          tsMs,
          Long.MIN_VALUE,
          today,
          today + rule.dueInDays(),
          rule.probability(),
          evidence,
          "care-rules/" + options.careRules().version(),
          rule);
      // Care orders are offers: the quiet period, not an open order, keeps them from repeating.
      rec.phase = Phase.IDLE;
      rec.orderId = null;
      c.types.put(rule.type().code(), rec);
    }
  }

  private static Iterable<CareRules.Condition> concat(CareRules.Rule rule) {
    java.util.List<CareRules.Condition> all = new java.util.ArrayList<>(rule.all());
    all.addAll(rule.any());
    return all;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private OptionalDouble fact(Ctx c, long tsMs, String field) {
    PlannerVehicleState v = c.vehicle;
    if (field.startsWith("signal.")) {
      try {
        Double value = c.signals.get(field.substring("signal.".length()));
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
      } catch (Exception e) {
        throw new IllegalStateException("cannot read planner state", e);
      }
    }
    if (field.startsWith("vehicle.")) {
      if (v.modelYear <= 0) {
        return OptionalDouble.empty();
      }
      return switch (field) {
        case "vehicle.modelYear" -> OptionalDouble.of(v.modelYear);
        case "vehicle.ageYears" ->
            OptionalDouble.of(
                Instant.ofEpochMilli(tsMs).atZone(ZoneOffset.UTC).getYear() - v.modelYear);
        default -> OptionalDouble.empty();
      };
    }
    if (v.usageTsMs == Long.MIN_VALUE) {
      return OptionalDouble.empty();
    }
    return switch (field) {
      case "usage.trips" -> OptionalDouble.of(v.trips);
      case "usage.shortTripShare" -> OptionalDouble.of(v.shortTripShare);
      case "usage.commuteKm" -> OptionalDouble.of(v.commuteKm);
      case "usage.kmPerDay" -> OptionalDouble.of(v.kmPerDay);
      case "usage.highwayShare" -> OptionalDouble.of(v.highwayShare);
      case "usage.nightShare" -> OptionalDouble.of(v.nightShare);
      default -> OptionalDouble.empty();
    };
  }

  // ---- orders and state ----------------------------------------------------------------------

  private void emit(
      Ctx c,
      WorkOrderType type,
      PlannerTypeState rec,
      boolean urgent,
      long tsMs,
      long predictedDay,
      long fromDay,
      long toDay,
      double probability,
      ObjectNode evidence,
      String modelVersion,
      CareRules.Rule careRule) {
    String servicePackage =
        careRule != null
            ? careRule.servicePackage()
            : options.maintenanceRules().servicePackage(type);
    if (servicePackage != null) {
      evidence.put(WorkOrderMessage.SERVICE_PACKAGE_FIELD, servicePackage);
    }
    if (modelVersion != null) {
      evidence.put("modelVersion", modelVersion);
    }
    LocalDate from = LocalDate.ofEpochDay(fromDay);
    UUID id =
        rec.orderId == null ? WorkOrder.planId(c.vin, type, from) : UUID.fromString(rec.orderId);
    WorkOrder order;
    try {
      order =
          new WorkOrder(
              id,
              c.vin,
              c.vehicle.dealerId,
              careRule == null ? null : careRule.department(),
              WorkOrderMessage.expectedKind(type),
              type,
              urgent ? Urgency.URGENT : Urgency.NORMAL,
              WorkOrderStatus.NEW,
              Instant.ofEpochMilli(tsMs),
              predictedDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(predictedDay),
              from,
              LocalDate.ofEpochDay(toDay),
              Math.max(0, Math.min(1, probability)),
              evidence.toString(),
              modelVersion,
              servicePackage,
              null,
              null);
    } catch (IllegalArgumentException e) {
      LOG.warn("cannot plan {} for {}: {}", type, c.vin, e.getMessage());
      return;
    }
    rec.orderId = id.toString();
    rec.urgent = urgent;
    rec.predictedDay = predictedDay;
    rec.dueFromDay = fromDay;
    rec.dueToDay = toDay;
    c.out.accept(order);
  }

  private static PlannerTypeState load(Ctx c, WorkOrderType type) throws Exception {
    PlannerTypeState rec = c.types.get(type.code());
    return rec == null ? new PlannerTypeState() : rec;
  }

  /** Stores the entry, or drops it when it has nothing left to remember. */
  private static void save(Ctx c, WorkOrderType type, PlannerTypeState rec, long tsMs)
      throws Exception {
    boolean inert = rec.phase == Phase.IDLE && rec.codes.isEmpty() && tsMs >= rec.quietUntilMs;
    if (inert) {
      c.types.remove(type.code());
    } else {
      c.types.put(type.code(), rec);
    }
  }

  private ObjectNode evidence(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // fall through: keep the text so the advisor still sees it
    }
    ObjectNode wrapped = JSON.createObjectNode();
    wrapped.put("forecastEvidence", json);
    return wrapped;
  }

  private static void putCodes(ArrayNode array, String codes) {
    for (String code : codes.split(",")) {
      if (!code.isEmpty()) {
        array.add(code);
      }
    }
  }

  private static long day(long tsMs) {
    return Math.floorDiv(tsMs, DAY_MS);
  }

  private static boolean contains(String codes, String code) {
    return Arrays.asList(codes.split(",")).contains(code);
  }

  private static String with(String codes, String code) {
    Set<String> set = new LinkedHashSet<>();
    for (String s : codes.split(",")) {
      if (!s.isEmpty()) {
        set.add(s);
      }
    }
    set.add(code);
    return String.join(",", set);
  }

  private static String without(String codes, String code) {
    Set<String> set = new LinkedHashSet<>();
    for (String s : codes.split(",")) {
      if (!s.isEmpty() && !s.equals(code)) {
        set.add(s);
      }
    }
    return String.join(",", set);
  }
}

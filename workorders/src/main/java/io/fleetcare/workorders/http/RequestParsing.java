package io.fleetcare.workorders.http;

import io.fleetcare.core.wire.Vin;
import io.fleetcare.core.workorder.Department;
import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrderKind;
import io.fleetcare.core.workorder.WorkOrderStatus;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.workorders.ServiceException;
import io.fleetcare.workorders.db.OrderFilter;
import io.fleetcare.workorders.model.DismissReason;
import io.fleetcare.workorders.model.LifecycleAction;
import io.fleetcare.workorders.model.ServiceRecord;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns query parameters and JSON bodies into filters and actions. Anything it cannot read is a
 * {@link ServiceException} BAD_REQUEST whose message says what was wrong and what is accepted.
 */
public final class RequestParsing {
  private static final Set<String> FILTER_PARAMS =
      Set.of(
          "dealer",
          "status",
          "type",
          "urgency",
          "department",
          "kind",
          "vin",
          "dueFrom",
          "dueTo",
          "escalated",
          "limit",
          "offset");

  /** The rule {@code WorkOrder} holds dealer ids to. */
  private static final Pattern DEALER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private static final int ECHO_MAX_CHARS = 40;

  private RequestParsing() {}

  /**
   * A {@code dealer} parameter, or null when absent. Anything but a dealer id is refused here, so
   * hostile text never reaches a query (where it would only ever be a bound value).
   */
  public static String dealer(String value) {
    String v = blankToNull(value);
    if (v != null && !DEALER_ID.matcher(v).matches()) {
      throw ServiceException.badRequest(
          "dealer '"
              + echo(v)
              + "' is not a dealer id: 1 to 32 letters, digits, '_' or '-', e.g. D001");
    }
    return v;
  }

  /** A VIN parameter (ISO 3779), or null when absent. */
  public static String vin(String value, String name) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    Vin.problem(v)
        .ifPresent(
            p -> {
              throw ServiceException.badRequest(name + " '" + echo(v) + "' is not a VIN: " + p);
            });
    return v;
  }

  /** A VIN in the path: required. */
  public static String pathVin(String value) {
    String v = vin(value, "vin");
    if (v == null) {
      throw ServiceException.badRequest("a VIN is required in the path");
    }
    return v;
  }

  /** Caller input quoted in an error message, shortened. */
  private static String echo(String value) {
    return value.length() <= ECHO_MAX_CHARS ? value : value.substring(0, ECHO_MAX_CHARS) + "…";
  }

  /**
   * {@code ?status=NEW,ACKNOWLEDGED&type=BRAKE_PADS&dueFrom=2026-01-01…}; lists comma-separated.
   */
  public static OrderFilter filter(MultiMap q) {
    for (String name : q.names()) {
      if (!FILTER_PARAMS.contains(name)) {
        throw ServiceException.badRequest(
            "unknown query parameter '"
                + name
                + "'; accepted: "
                + String.join(", ", sorted(FILTER_PARAMS)));
      }
    }
    try {
      return new OrderFilter(
          dealer(q.get("dealer")),
          enums(q, "status", WorkOrderStatus.class),
          values(q, "type", WorkOrderType::of),
          enums(q, "urgency", Urgency.class),
          enums(q, "department", Department.class),
          enums(q, "kind", WorkOrderKind.class),
          vin(q.get("vin"), "vin"),
          date(q.get("dueFrom"), "dueFrom"),
          date(q.get("dueTo"), "dueTo"),
          bool(q.get("escalated"), "escalated"),
          integer(q.get("limit"), "limit", 100),
          integer(q.get("offset"), "offset", 0));
    } catch (IllegalArgumentException e) {
      throw ServiceException.badRequest(e.getMessage());
    }
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  private static <E extends Enum<E>> Set<E> enums(MultiMap q, String name, Class<E> type) {
    return values(
        q,
        name,
        v -> {
          try {
            return Enum.valueOf(type, v);
          } catch (IllegalArgumentException e) {
            throw ServiceException.badRequest(
                "unknown "
                    + name
                    + " '"
                    + v
                    + "'; accepted: "
                    + Arrays.toString(type.getEnumConstants()));
          }
        });
  }

  private static <T> Set<T> values(MultiMap q, String name, Function<String, T> parse) {
    Set<T> out = new LinkedHashSet<>();
    for (String raw : q.getAll(name)) {
      for (String v : raw.split(",")) {
        if (!v.isBlank()) {
          out.add(parse.apply(v.strip()));
        }
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static LocalDate date(String value, String name) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ServiceException.badRequest(
          name + " '" + value + "' is not a date; expected YYYY-MM-DD, e.g. 2026-12-03");
    }
  }

  private static Boolean bool(String value, String name) {
    if (blankToNull(value) == null) {
      return null;
    }
    return switch (value.strip()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw ServiceException.badRequest(name + " must be true or false, was '" + value + "'");
    };
  }

  private static int integer(String value, String name, int dflt) {
    if (blankToNull(value) == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ServiceException.badRequest(name + " must be a whole number, was '" + value + "'");
    }
  }

  /** A path id. */
  public static UUID id(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ServiceException.badRequest(
          "'" + echo(String.valueOf(value)) + "' is not a work-order id (a UUID)");
    }
  }

  /** A JSON object body; an empty body is an empty object. */
  public static JsonObject body(Buffer body, Set<String> allowed) {
    JsonObject json;
    if (body == null || body.length() == 0 || body.toString().isBlank()) {
      json = new JsonObject();
    } else {
      try {
        Object parsed = io.vertx.core.json.Json.decodeValue(body);
        if (!(parsed instanceof JsonObject o)) {
          throw ServiceException.badRequest("the request body must be a JSON object");
        }
        json = o;
      } catch (DecodeException e) {
        throw ServiceException.badRequest("malformed JSON body: " + firstLine(e.getMessage()));
      }
    }
    Set<String> unknown = new HashSet<>(json.fieldNames());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw ServiceException.badRequest(
          "unknown field(s) " + sorted(unknown) + "; accepted: " + sorted(allowed));
    }
    return json;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  public static LifecycleAction.Acknowledge acknowledge(Buffer body) {
    JsonObject json = body(body, Set.of("note"));
    return new LifecycleAction.Acknowledge(string(json, "note", 2000));
  }

  public static LifecycleAction.Schedule schedule(Buffer body) {
    JsonObject json = body(body, Set.of("appointmentAt", "note"));
    String at = string(json, "appointmentAt", 64);
    if (at == null) {
      throw ServiceException.badRequest(
          "appointmentAt is required: an ISO-8601 date-time with offset, e.g. 2026-12-03T09:30:00+01:00");
    }
    Instant appointment;
    try {
      appointment = OffsetDateTime.parse(at).toInstant();
    } catch (DateTimeParseException e) {
      throw ServiceException.badRequest(
          "appointmentAt '"
              + at
              + "' is not an ISO-8601 date-time with offset, e.g. 2026-12-03T09:30:00+01:00");
    }
    return new LifecycleAction.Schedule(appointment, string(json, "note", 2000));
  }

  public static LifecycleAction.Done done(Buffer body) {
    JsonObject json = body(body, Set.of("parts", "odometerKm", "customerScore", "notes"));
    Object odometer = json.getValue("odometerKm");
    if (!(odometer instanceof Number km)) {
      throw ServiceException.badRequest(
          "odometerKm is required: the odometer at the service, in km");
    }
    Object score = json.getValue("customerScore");
    Integer customerScore = null;
    if (score != null) {
      if (!(score instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        throw ServiceException.badRequest("customerScore must be a whole number 0..10");
      }
      customerScore = n.intValue();
    }
    List<String> parts = new ArrayList<>();
    Object rawParts = json.getValue("parts");
    if (rawParts != null) {
      if (!(rawParts instanceof JsonArray array)) {
        throw ServiceException.badRequest("parts must be an array of strings");
      }
      for (Object p : array) {
        if (!(p instanceof String s) || s.isBlank() || s.length() > 200) {
          throw ServiceException.badRequest("parts must be an array of non-empty strings");
        }
        parts.add(s.strip());
      }
    }
    try {
      return new LifecycleAction.Done(
          new ServiceRecord(parts, km.doubleValue(), customerScore, string(json, "notes", 4000)));
    } catch (IllegalArgumentException e) {
      throw ServiceException.badRequest(e.getMessage());
    }
  }

  public static LifecycleAction.Dismiss dismiss(Buffer body) {
    JsonObject json = body(body, Set.of("reason", "note"));
    String reason = string(json, "reason", 64);
    if (reason == null) {
      throw ServiceException.badRequest(
          "reason is required; accepted: " + EnumSet.allOf(DismissReason.class));
    }
    try {
      return new LifecycleAction.Dismiss(DismissReason.valueOf(reason), string(json, "note", 2000));
    } catch (IllegalArgumentException e) {
      throw ServiceException.badRequest(
          "unknown reason '" + reason + "'; accepted: " + EnumSet.allOf(DismissReason.class));
    }
  }

  /** Login body. */
  public static String[] login(Buffer body) {
    JsonObject json = body(body, Set.of("username", "password"));
    String user = string(json, "username", 64);
    String password = string(json, "password", 200);
    if (user == null || password == null) {
      throw ServiceException.badRequest("username and password are required");
    }
    return new String[] {user, password};
  }

  private static String string(JsonObject json, String name, int maxLength) {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw ServiceException.badRequest(name + " must be a string");
    }
    if (s.length() > maxLength) {
      throw ServiceException.badRequest(name + " is longer than " + maxLength + " characters");
    }
    return s.isBlank() ? null : s;
  }
}

package io.fleetcare.streamjobs.planner;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcare.core.workorder.Department;
import io.fleetcare.core.workorder.WorkOrderType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The care-offer rules of the planner, read from YAML ({@code planner/care-rules.yaml} by default;
 * the file documents the format). A rule plans one CARE order when all its {@code when} conditions
 * and at least one of its {@code any} conditions hold; conditions read {@code usage.*} (the newest
 * usage profile), {@code vehicle.ageYears} / {@code vehicle.modelYear} (the profile) and {@code
 * signal.<name>} (the newest value of a derived signal). A condition on a fact not known yet is
 * false. Validated when read: a bad file fails the job at start with the file, rule and field.
 *
 * @param version written into the orders' modelVersion as {@code care-rules/<version>}
 * @param rules the rules, in file order
 */
public record CareRules(String version, List<Rule> rules) implements Serializable {
  /** The default rule file on the class path. */
  public static final String DEFAULT_RESOURCE = "planner/care-rules.yaml";

  /** Fields of {@code usage.*} conditions (the {@code UsageProfileSnapshot} components). */
  public static final Set<String> USAGE_FIELDS =
      Set.of("trips", "shortTripShare", "commuteKm", "kmPerDay", "highwayShare", "nightShare");

  /** Fields of {@code vehicle.*} conditions. */
  public static final Set<String> VEHICLE_FIELDS = Set.of("ageYears", "modelYear");

  private static final Pattern CONDITION =
      Pattern.compile(
          "\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*(>=|<=|==|!=|>|<)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");

  public CareRules {
    Objects.requireNonNull(version, "version");
    rules = List.copyOf(rules);
    Set<WorkOrderType> types = new LinkedHashSet<>();
    for (Rule r : rules) {
      if (!types.add(r.type())) {
        throw new IllegalArgumentException("care rule type " + r.type() + " appears twice");
      }
    }
  }

  /** The rules of {@link #DEFAULT_RESOURCE}. */
  public static CareRules defaults() {
    return parse(DEFAULT_RESOURCE, YamlConfig.resource(DEFAULT_RESOURCE));
  }

  /** No care rules at all. */
  public static CareRules none() {
    return new CareRules("none", List.of());
  }

  /** The signal names the rules read (the planner keeps only their newest values). */
  public Set<String> signals() {
    Set<String> names = new LinkedHashSet<>();
    for (Rule r : rules) {
      for (Condition c : r.all()) {
        c.signal().ifPresent(names::add);
      }
      for (Condition c : r.any()) {
        c.signal().ifPresent(names::add);
      }
    }
    return names;
  }

  /** The rule of a care type, or null. */
  public Rule ruleFor(WorkOrderType type) {
    for (Rule r : rules) {
      if (r.type().equals(type)) {
        return r;
      }
    }
    return null;
  }

  /**
   * Reads rules from YAML text.
   *
   * @param source names the text in error messages, e.g. a file name
   * @throws IllegalArgumentException naming the rule and field when the text is not valid
   */
  public static CareRules parse(String source, String yaml) {
    JsonNode root = YamlConfig.parse(source, yaml);
    YamlConfig.onlyFields(source, root, Set.of("version", "defaults", "rules"));
    JsonNode defaults = root.path("defaults");
    if (!defaults.isMissingNode()) {
      YamlConfig.onlyFields(
          source + " defaults", defaults, Set.of("dueInDays", "repeatAfterDays", "probability"));
    }
    int dueInDays = (int) YamlConfig.number(source, defaults, "dueInDays", 30);
    int repeatAfterDays = (int) YamlConfig.number(source, defaults, "repeatAfterDays", 180);
    double probability = YamlConfig.number(source, defaults, "probability", 1.0);
    List<Rule> rules = new ArrayList<>();
    JsonNode list = root.path("rules");
    if (!list.isArray()) {
      throw new IllegalArgumentException(source + ": 'rules' must be a list");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      String where = source + " rule " + (i + 1);
      if (!node.isObject()) {
        throw new IllegalArgumentException(where + ": expected a mapping");
      }
      YamlConfig.onlyFields(
          where,
          node,
          Set.of(
              "type",
              "title",
              "advice",
              "servicePackage",
              "department",
              "when",
              "any",
              "dueInDays",
              "repeatAfterDays",
              "probability"));
      WorkOrderType type;
      try {
        type = WorkOrderType.of(YamlConfig.text(where, node, "type", null));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      where = source + " rule " + type;
      if (!type.isCare()) {
        throw new IllegalArgumentException(where + ": a care rule's type must be CARE_<NAME>");
      }
      String department = YamlConfig.text(where, node, "department", "");
      List<Condition> all = conditions(where + " when", node.path("when"));
      List<Condition> any = conditions(where + " any", node.path("any"));
      if (all.isEmpty() && any.isEmpty()) {
        throw new IllegalArgumentException(where + ": needs 'when' or 'any' conditions");
      }
      try {
        rules.add(
            new Rule(
                type,
                YamlConfig.text(where, node, "title", type.code()),
                YamlConfig.text(where, node, "advice", ""),
                YamlConfig.text(where, node, "servicePackage", null),
                department.isEmpty() ? null : Department.valueOf(department),
                all,
                any,
                (int) YamlConfig.number(where, node, "dueInDays", dueInDays),
                (int) YamlConfig.number(where, node, "repeatAfterDays", repeatAfterDays),
                YamlConfig.number(where, node, "probability", probability)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new CareRules(YamlConfig.text(source, root, "version", null), rules);
  }

  private static List<Condition> conditions(String where, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(where + ": expected a list of conditions");
    }
    List<Condition> out = new ArrayList<>();
    for (JsonNode c : node) {
      out.add(Condition.parse(where, c.asText()));
    }
    return out;
  }

  /**
   * One care rule.
   *
   * @param type the CARE_… type of the orders it plans
   * @param title what the offer is, for people
   * @param advice what to tell the customer (goes into the evidence summary)
   * @param servicePackage the recommended package
   * @param department where the order goes, or null for {@link Department#defaultFor} (SALES)
   * @param all conditions that must all hold
   * @param any conditions of which one must hold (none: no such requirement)
   * @param dueInDays the due window runs from the day the rule fires this many days on
   * @param repeatAfterDays after an order (or a matching service), the rule stays quiet this long
   * @param probability the order's probability
   */
  public record Rule(
      WorkOrderType type,
      String title,
      String advice,
      String servicePackage,
      Department department,
      List<Condition> all,
      List<Condition> any,
      int dueInDays,
      int repeatAfterDays,
      double probability)
      implements Serializable {
    public Rule {
      all = List.copyOf(all);
      any = List.copyOf(any);
      if (dueInDays < 0 || repeatAfterDays < 1) {
        throw new IllegalArgumentException(
            "dueInDays must be >= 0 and repeatAfterDays >= 1, were "
                + dueInDays
                + " and "
                + repeatAfterDays);
      }
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be within 0..1");
      }
    }

    /** Whether the rule holds for these facts. */
    public boolean matches(Facts facts) {
      for (Condition c : all) {
        if (!c.test(facts)) {
          return false;
        }
      }
      if (any.isEmpty()) {
        return true;
      }
      for (Condition c : any) {
        if (c.test(facts)) {
          return true;
        }
      }
      return false;
    }
  }

  /** What conditions read: a fact by its field name, empty when unknown. */
  @FunctionalInterface
  public interface Facts {
    OptionalDouble value(String field);
  }

  /**
   * {@code field op number}, e.g. {@code usage.commuteKm > 50}.
   *
   * @param field {@code usage.<field>}, {@code vehicle.<field>} or {@code signal.<name>}
   * @param op one of {@code > >= < <= == !=}
   */
  public record Condition(String field, String op, double value) implements Serializable {
    static Condition parse(String where, String text) {
      Matcher m = CONDITION.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            where + ": '" + text + "' is not 'field op number' (op: > >= < <= == !=)");
      }
      String field = m.group(1);
      int dot = field.indexOf('.');
      String ns = dot < 0 ? field : field.substring(0, dot);
      String rest = dot < 0 ? "" : field.substring(dot + 1);
      boolean known =
          switch (ns) {
            case "usage" -> USAGE_FIELDS.contains(rest);
            case "vehicle" -> VEHICLE_FIELDS.contains(rest);
            case "signal" -> !rest.isEmpty();
            default -> false;
          };
      if (!known) {
        throw new IllegalArgumentException(
            where
                + ": unknown field '"
                + field
                + "'; use usage."
                + USAGE_FIELDS
                + ", vehicle."
                + VEHICLE_FIELDS
                + " or signal.<name>");
      }
      return new Condition(field, m.group(2), Double.parseDouble(m.group(3)));
    }

    /** The signal name of a {@code signal.<name>} condition. */
    public java.util.Optional<String> signal() {
      return field.startsWith("signal.")
          ? java.util.Optional.of(field.substring("signal.".length()))
          : java.util.Optional.empty();
    }

    /** True when the fact is known and the comparison holds. */
    public boolean test(Facts facts) {
      OptionalDouble v = facts.value(field);
      if (v.isEmpty()) {
        return false;
      }
      double x = v.getAsDouble();
      return switch (op) {
        case ">" -> x > value;
        case ">=" -> x >= value;
        case "<" -> x < value;
        case "<=" -> x <= value;
        case "==" -> x == value;
        case "!=" -> x != value;
        default -> throw new IllegalStateException(op);
      };
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s %s %s", field, op, value);
    }
  }
}

package io.fleetcare.predictors.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders scorecards as a plain-text table and as JSON.
 *
 * <p>JSON shape: {@code {"name":…, "overall":{…}, "BRAKE_PADS":{…}, …, "baselines":{"<name>":{
 * "overall":{…}, "BRAKE_PADS":{…}, …}}, "margins":{…}}}; each line has {@code recall}, {@code
 * precision}, {@code median_date_error_days}, {@code p90_date_error_days} (null when undefined) and
 * the counts. {@code margins} holds, per baseline and component, the model's recall and precision
 * minus the baseline's.
 */
public final class ScorecardFormat {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ScorecardFormat() {}

  /** The JSON text of {@code model} with {@code baselines} (may be empty), ending in a newline. */
  public static String json(Scorecard model, Map<String, Scorecard> baselines) {
    ObjectNode root = tree(model, baselines);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON tree behind {@link #json}. */
  public static ObjectNode tree(Scorecard model, Map<String, Scorecard> baselines) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", model.name());
    fill(root, model);
    ObjectNode base = root.putObject("baselines");
    ObjectNode margins = root.putObject("margins");
    for (Map.Entry<String, Scorecard> e : baselines.entrySet()) {
      ObjectNode b = base.putObject(e.getKey());
      b.put("name", e.getValue().name());
      fill(b, e.getValue());
      ObjectNode m = margins.putObject(e.getKey());
      margin(m, "overall", model.overall(), e.getValue().overall());
      for (ComponentScore s : model.components().values()) {
        ComponentScore other = e.getValue().components().get(s.component());
        if (other != null) {
          margin(m, s.component(), s, other);
        }
      }
    }
    return root;
  }

  private static void fill(ObjectNode node, Scorecard card) {
    line(node.putObject("overall"), card.overall());
    for (ComponentScore s : card.components().values()) {
      line(node.putObject(s.component()), s);
    }
  }

  private static void line(ObjectNode n, ComponentScore s) {
    number(n, "recall", s.recall());
    number(n, "precision", s.precision());
    number(n, "median_date_error_days", s.medianDateErrorDays());
    number(n, "p90_date_error_days", s.p90DateErrorDays());
    n.put("crossings", s.crossings());
    n.put("on_time", s.onTime());
    n.put("early", s.early());
    n.put("late", s.late());
    n.put("missed", s.missed());
    n.put("orders", s.orders());
    n.put("true_positives", s.truePositives());
    n.put("false_alarms", s.falseAlarms());
    n.put("duplicates", s.duplicates());
    n.put("unresolved", s.unresolved());
  }

  private static void margin(ObjectNode m, String key, ComponentScore model, ComponentScore base) {
    ObjectNode n = m.putObject(key);
    number(n, "recall", model.recall() - base.recall());
    number(n, "precision", model.precision() - base.precision());
    number(n, "median_date_error_days", model.medianDateErrorDays() - base.medianDateErrorDays());
  }

  private static void number(ObjectNode n, String field, double value) {
    if (Double.isFinite(value)) {
      n.put(field, Math.round(value * 10_000) / 10_000.0);
    } else {
      n.putNull(field);
    }
  }

  /** A plain-text table: one row per component and overall, for each scorecard given. */
  public static String table(List<Scorecard> cards) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "predictor",
          "component",
          "crossings",
          "recall",
          "precision",
          "on time",
          "early",
          "late",
          "missed",
          "false alarms",
          "median err d",
          "p90 err d"
        });
    for (Scorecard card : cards) {
      List<ComponentScore> lines = new ArrayList<>(card.components().values());
      lines.add(card.overall());
      for (ComponentScore s : lines) {
        rows.add(
            new String[] {
              card.name(),
              s.component(),
              Integer.toString(s.crossings()),
              fmt(s.recall()),
              fmt(s.precision()),
              Integer.toString(s.onTime()),
              Integer.toString(s.early()),
              Integer.toString(s.late()),
              Integer.toString(s.missed()),
              Integer.toString(s.falseAlarms()),
              fmt1(s.medianDateErrorDays()),
              fmt1(s.p90DateErrorDays())
            });
      }
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      String[] r = rows.get(k);
      for (int i = 0; i < r.length; i++) {
        String cell = i < 2 ? pad(r[i], width[i], false) : pad(r[i], width[i], true);
        out.append(cell).append(i + 1 < r.length ? "  " : "\n");
      }
      if (k == 0) {
        for (int i = 0; i < width.length; i++) {
          out.append("-".repeat(width[i])).append(i + 1 < width.length ? "  " : "\n");
        }
      }
    }
    return out.toString();
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }

  private static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
  }

  private static String fmt1(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
  }
}

package io.fleetcare.simulator.replay;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line: a delimiter, optional double quotes ("" inside quotes), cells trimmed. */
final class CsvLine {
  private CsvLine() {}

  static String[] split(String line, char delimiter) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else if (c != '\r' && c != '\n') {
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells.toArray(String[]::new);
  }
}

package io.fleetcare.core.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.signal.Signal;
import io.fleetcare.core.signal.SignalCatalogue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/wire-contract.md} honest: its signal and alias tables are generated from {@link
 * SignalCatalogue}, it lists every {@link RejectReason} and the default {@link DecodeLimits}, and
 * its example payloads decode.
 *
 * <p>After changing the catalogue, regenerate the tables with {@code mvn -pl core test
 * -Dtest=WireContractDocTest -Dfleetcare.updateDocs=true}.
 */
class WireContractDocTest {
  /** Surefire runs in the module directory. */
  private static final Path DOC = Path.of("..", "docs", "wire-contract.md");

  private static String doc;

  @BeforeAll
  static void readDoc() throws IOException {
    doc = Files.readString(DOC, UTF_8).replace("\r\n", "\n");
  }

  @Test
  void signalTableMatchesTheCatalogue() throws IOException {
    assertGeneratedBlock("signals", signalTable());
  }

  @Test
  void aliasTableMatchesTheCatalogue() throws IOException {
    assertGeneratedBlock("aliases", aliasTable());
  }

  @Test
  void rejectionTableNamesEveryReason() {
    for (RejectReason reason : RejectReason.values()) {
      assertThat(doc)
          .as("rejection table row for " + reason)
          .contains("| `" + reason.name() + "` |");
    }
  }

  @Test
  void limitsTableStatesTheDefaults() {
    DecodeLimits d = DecodeLimits.DEFAULT;
    assertThat(d.maxPayloadBytes()).isEqualTo(1_048_576);
    assertThat(doc)
        .contains("| payload size | 1 MiB (1,048,576 bytes) |")
        .contains(String.format("| samples or events per message | 1 .. %,d |", d.maxBatchSize()))
        .contains(String.format("| signals per sample | %,d |", d.maxSignalsPerSample()))
        .contains(
            "| event time (`ts`) | "
                + java.time.Instant.ofEpochMilli(d.minEventTimeMs())
                + " (inclusive) .. "
                + java.time.Instant.ofEpochMilli(d.maxEventTimeMs())
                + " (exclusive) |");
  }

  @Test
  void examplePayloadsDecode() {
    Matcher m =
        Pattern.compile("<!-- example (\\S+) -->\\n```json\\n(.*?)\\n```", Pattern.DOTALL)
            .matcher(doc);
    PayloadCodec codec = new PayloadCodec();
    List<String> topics = new ArrayList<>();
    while (m.find()) {
      String topic = m.group(1);
      topics.add(topic);
      assertThat(codec.decode(topic, m.group(2).getBytes(UTF_8)))
          .as("example on " + topic)
          .isInstanceOf(DecodeResult.Accepted.class);
    }
    assertThat(topics)
        .as("one example per vehicle topic")
        .anyMatch(t -> t.endsWith("/telemetry"))
        .anyMatch(t -> t.endsWith("/events"))
        .anyMatch(t -> t.endsWith("/profile"));
  }

  private static void assertGeneratedBlock(String name, String expected) throws IOException {
    String begin = "<!-- generated:" + name + " (WireContractDocTest) -->\n";
    String end = "<!-- /generated:" + name + " -->";
    int from = doc.indexOf(begin);
    int to = doc.indexOf(end);
    assertThat(from).as("%s has the marker %s", DOC, begin.strip()).isNotNegative();
    assertThat(to).as("%s has the marker %s", DOC, end).isGreaterThan(from);
    String actual = doc.substring(from + begin.length(), to);
    if (Boolean.getBoolean("fleetcare.updateDocs") && !actual.equals(expected)) {
      doc = doc.substring(0, from + begin.length()) + expected + doc.substring(to);
      Files.writeString(DOC, doc, UTF_8);
      return;
    }
    assertThat(actual)
        .as(
            "the %s table in %s is out of date with SignalCatalogue; replace it with:%n%s",
            name, DOC, expected)
        .isEqualTo(expected);
  }

  /** Wheel signals collapse into one row per kind when their rows are otherwise identical. */
  static String signalTable() {
    Map<String, List<String>> aliasesOf =
        SignalCatalogue.aliases().entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getValue,
                    Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    Set<String> rows = new LinkedHashSet<>();
    for (Signal s : SignalCatalogue.all()) {
      String path =
          s.vssPath()
              .replaceAll("Row[12]\\.Wheel\\.(Left|Right)", "Row{1,2}.Wheel.{Left,Right}")
              .replaceAll("Tire\\.Row[12]\\.(Left|Right)", "Tire.Row{1,2}.{Left,Right}");
      List<String> notes = new ArrayList<>();
      for (String alias : aliasesOf.getOrDefault(s.vssPath(), List.of())) {
        notes.add("alias `" + alias + "`");
      }
      if (s.personalData()) {
        notes.add("personal data");
      }
      rows.add(
          "| `"
              + path
              + "` | "
              + s.unit()
              + " | "
              + (s.obdPid().isPresent() ? String.format("%02X", s.obdPid().getAsInt()) : "—")
              + " | ["
              + number(s.min())
              + ", "
              + number(s.max())
              + "] | "
              + String.join("; ", notes)
              + " |");
    }
    return "| path | unit | OBD-II PID | accepted range | notes |\n"
        + "| --- | --- | --- | --- | --- |\n"
        + String.join("\n", rows)
        + "\n";
  }

  static String aliasTable() {
    return "| accepted as | stored as |\n| --- | --- |\n"
        + SignalCatalogue.aliases().entrySet().stream()
            .map(e -> "| `" + e.getKey() + "` | `" + e.getValue() + "` |")
            .collect(Collectors.joining("\n"))
        + "\n";
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}

package io.fleetcare.predictors.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.ServiceThresholds;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Model files: one directory per version under a model root, {@code <root>/<version>/} holding
 * {@code model.json} (the {@link ModelMetadata}) and {@code model.bin} (the Java-serialised
 * per-indicator {@link IndicatorModel}s, Smile models inside). A version directory is written under
 * a temporary name and renamed when complete, so a reader never sees half a model.
 */
public final class ModelFiles {
  /** Metadata file name. */
  public static final String METADATA = "model.json";

  /** Serialised models file name. */
  public static final String MODELS = "model.bin";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ModelFiles() {}

  /** A loaded model and its metadata. */
  public record Loaded(LearnedForecastModel model, ModelMetadata metadata, Path directory) {}

  /** Writes {@code trained} under {@code root}; returns its version directory. */
  public static Path write(Path root, ModelTrainer.Trained trained) throws IOException {
    Files.createDirectories(root);
    String version = trained.metadata().version();
    Path tmp = Files.createTempDirectory(root, "." + version + "-");
    try (OutputStream out = Files.newOutputStream(tmp.resolve(MODELS));
        ObjectOutputStream oos = new ObjectOutputStream(out)) {
      oos.writeObject(new EnumMap<>(trained.model().models()));
    }
    Files.writeString(tmp.resolve(METADATA), metadataJson(trained.metadata()));
    Path dir = root.resolve(version);
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    return dir;
  }

  /** The metadata as JSON text. */
  public static String metadataJson(ModelMetadata m) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("version", m.version());
    n.put("createdAt", m.createdAt().toString());
    n.put("smileVersion", m.smileVersion());
    n.set("features", JSON.valueToTree(m.features()));
    n.set("thresholds", JSON.valueToTree(m.thresholds()));
    n.put("trainingDataSha256", m.fingerprint());
    n.set("training", JSON.valueToTree(finite(m.training())));
    n.set("metrics", JSON.valueToTree(finite(m.metrics())));
    n.set("indicators", JSON.valueToTree(m.indicators()));
    return JSON.writeValueAsString(n) + "\n";
  }

  /** Loads the model in version directory {@code dir}. */
  public static Loaded load(Path dir) throws IOException {
    ModelMetadata meta = readMetadata(dir.resolve(METADATA));
    if (!meta.features().equals(FeatureExtractor.NAMES)) {
      throw new IOException(
          "model "
              + meta.version()
              + " was trained on features "
              + meta.features()
              + ", this code computes "
              + FeatureExtractor.NAMES);
    }
    Map<Indicator, IndicatorModel> models;
    try (InputStream in = Files.newInputStream(dir.resolve(MODELS));
        ObjectInputStream ois = new ObjectInputStream(in)) {
      ois.setObjectInputFilter(
          info ->
              info.serialClass() == null
                      || info.serialClass().isArray()
                      || info.serialClass().isPrimitive()
                      || allowed(info.serialClass().getName())
                  ? ObjectInputFilter.Status.ALLOWED
                  : ObjectInputFilter.Status.REJECTED);
      @SuppressWarnings("unchecked")
      Map<Indicator, IndicatorModel> read = (Map<Indicator, IndicatorModel>) ois.readObject();
      models = read;
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException("cannot read " + dir.resolve(MODELS) + ": " + e, e);
    }
    Map<String, Double> t = meta.thresholds();
    ServiceThresholds thresholds =
        new ServiceThresholds(
            t.get("padWearPercent"),
            t.get("crankingMinV"),
            t.get("tyrePressureRatio"),
            t.get("treadDepthMm"),
            t.get("fuelDriftPercent"),
            t.get("tractionSohPercent"),
            t.get("mileageIntervalKm"));
    FeatureExtractor features =
        new FeatureExtractor(new TrendForecaster(thresholds, meta.version()));
    return new Loaded(new LearnedForecastModel(features, models, meta.version()), meta, dir);
  }

  /** The newest complete version directory under {@code root}, or null when there is none. */
  public static Path latest(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> !d.getFileName().toString().startsWith("."))
          .filter(
              d ->
                  Files.isRegularFile(d.resolve(METADATA))
                      && Files.isRegularFile(d.resolve(MODELS)))
          .max(java.util.Comparator.comparing(d -> d.getFileName().toString()))
          .orElse(null);
    }
  }

  /** Reads {@code model.json}. */
  public static ModelMetadata readMetadata(Path file) throws IOException {
    JsonNode n = JSON.readTree(file.toFile());
    List<String> features = new ArrayList<>();
    n.path("features").forEach(f -> features.add(f.asText()));
    Map<String, Double> thresholds = new LinkedHashMap<>();
    n.path("thresholds")
        .properties()
        .forEach(e -> thresholds.put(e.getKey(), e.getValue().asDouble()));
    Map<String, String> indicators = new LinkedHashMap<>();
    n.path("indicators")
        .properties()
        .forEach(e -> indicators.put(e.getKey(), e.getValue().asText()));
    @SuppressWarnings("unchecked")
    Map<String, Object> training = JSON.convertValue(n.path("training"), Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = JSON.convertValue(n.path("metrics"), Map.class);
    return new ModelMetadata(
        n.path("version").asText(),
        Instant.parse(n.path("createdAt").asText()),
        n.path("smileVersion").asText(),
        features,
        thresholds,
        n.path("trainingDataSha256").asText(),
        training,
        metrics,
        indicators);
  }

  /** The Smile version on the class path. */
  public static String smileVersion() {
    try (InputStream in =
        smile.regression.GradientTreeBoost.class.getResourceAsStream(
            "/META-INF/maven/com.github.haifengl/smile-core/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through
    }
    String v = smile.regression.GradientTreeBoost.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }

  private static boolean allowed(String name) {
    return name.startsWith("smile.")
        || name.startsWith("io.fleetcare.predictors.")
        || name.startsWith("java.util.")
        || name.startsWith("java.lang.")
        || name.startsWith("java.time.");
  }

  private static Object finite(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, finite(v)));
      return out;
    }
    if (o instanceof Double d && !Double.isFinite(d)) {
      return null;
    }
    return o;
  }
}

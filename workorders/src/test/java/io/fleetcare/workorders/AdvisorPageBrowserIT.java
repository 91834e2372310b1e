package io.fleetcare.workorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.workorders.crypto.EncryptionKey;
import io.fleetcare.workorders.crypto.FieldCipher;
import io.fleetcare.workorders.db.WorkOrderWriter;
import io.fleetcare.workorders.demo.SampleOrders;
import io.fleetcare.workorders.model.PlannedOrderResult;
import io.fleetcare.workorders.testing.TestDatabase;
import io.fleetcare.workorders.testing.TestOrders;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The advisor page in headless Chromium: log in, see a new order arrive live, open it, see the
 * chart, acknowledge and complete it. Skipped only when Chromium or chromedriver is not installed
 * ({@code apt-get install -y chromium chromium-driver}).
 */
@ExtendWith(VertxExtension.class)
class AdvisorPageBrowserIT {
  private static final String CHROMIUM =
      System.getenv().getOrDefault("FLEETCARE_CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getenv().getOrDefault("FLEETCARE_CHROMEDRIVER", "/usr/bin/chromedriver");
  private static final EncryptionKey KEY = EncryptionKey.random();

  private TestDatabase db;
  private WorkOrderApi api;
  private WebDriver browser;
  private Path profile;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
        "browser test skipped: needs "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install -y chromium chromium-driver)");
    db = TestDatabase.create();
    api =
        WorkOrderApi.start(
                vertx,
                WorkOrderServiceOptions.builder(db.jdbcUrl(), KEY)
                    .host("127.0.0.1")
                    .httpPort(0)
                    .build())
            .await(30, TimeUnit.SECONDS);
    profile = Files.createTempDirectory("workorders-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1024, 768)); // a tablet
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (api != null) {
      api.close().await(30, TimeUnit.SECONDS);
    }
    if (db != null) {
      db.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void advisorSeesANewOrderLiveOpensItAcknowledgesAndCompletesIt() throws Exception {
    WorkOrderApi.DemoLogin login = api.seedDemoUser("D001").await();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    browser.get("http://127.0.0.1:" + api.port() + "/");
    browser.findElement(By.id("username")).sendKeys(login.username());
    browser.findElement(By.id("password")).sendKeys(login.password());
    browser.findElement(By.id("login-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
    assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo("Demo Advisor");

    // the planner inserts an order straight into the table; the page shows it without reloading
    WorkOrder order =
        SampleOrders.predicted(new Random(7), TestOrders.vin(4352), "D001", Instant.now());
    try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
      new WorkOrderWriter(new FieldCipher(KEY)).insert(c, order, Instant.now(), "planner");
    }
    By row = By.cssSelector("tr.order-row[data-id='" + order.id() + "']");
    WebElement arrived = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    assertThat(arrived.getText()).contains(order.vin());

    arrived.click();
    wait.until(ExpectedConditions.attributeToBe(By.id("detail"), "data-id", order.id().toString()));
    assertThat(browser.findElement(By.id("detail-status")).getText()).isEqualTo("new");
    WebElement chart = browser.findElement(By.id("chart-svg"));
    assertThat(chart.findElements(By.cssSelector("polyline.measured"))).hasSize(1);
    assertThat(chart.findElements(By.cssSelector("polyline.forecast"))).hasSize(1);
    assertThat(chart.findElements(By.cssSelector("polygon.band"))).hasSize(1);
    assertThat(chart.findElements(By.cssSelector("line.threshold"))).hasSize(1);
    assertThat(browser.findElement(By.id("detail-package-name")).getText())
        .isEqualTo(order.servicePackage());
    screenshot("advisor-page-detail.png");

    // The planner re-publishes the open order with a closer crossing: the page shows the change.
    WorkOrder closer =
        new WorkOrder(
            order.id(),
            order.vin(),
            order.dealerId(),
            order.department(),
            order.kind(),
            order.type(),
            Urgency.URGENT,
            order.status(),
            order.createdAt().plus(Duration.ofDays(1)),
            order.dueFrom().minusDays(1),
            order.dueFrom().minusDays(6),
            order.dueFrom().minusDays(1),
            0.99,
            order.evidenceJson(),
            order.modelVersion(),
            order.servicePackage(),
            null,
            null);
    assertThat(api.applyPlanned(closer).await()).isEqualTo(PlannedOrderResult.UPDATED);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "updated by planner"));
    assertThat(browser.findElement(By.id("detail-urgency")).getText()).isEqualTo("urgent");

    browser.findElement(By.id("btn-acknowledge")).click();
    wait.until(ExpectedConditions.textToBe(By.id("detail-status"), "acknowledged"));

    browser.findElement(By.id("btn-done")).click();
    browser.findElement(By.id("done-odometer")).sendKeys("48211");
    browser.findElement(By.id("done-parts")).sendKeys("1K0698151A, brake fluid");
    browser.findElement(By.id("done-score")).sendKeys("9");
    browser.findElement(By.id("done-submit")).click();
    wait.until(ExpectedConditions.textToBe(By.id("detail-status"), "done"));
    screenshot("advisor-page-done.png");

    assertThat(
            db.query(
                "SELECT status, done_odometer_km, customer_score, acknowledged_by FROM work_order"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("status")).isEqualTo("DONE");
              assertThat(r.get("done_odometer_km")).isEqualTo(48211.0);
              assertThat(((Number) r.get("customer_score")).intValue()).isEqualTo(9);
              assertThat(r.get("acknowledged_by")).isEqualTo("demo");
            });
    assertThat(browser.findElement(By.id("history")).getText())
        .contains("acknowledged by demo")
        .contains("done by demo");
  }

  private void screenshot(String name) throws Exception {
    byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.write(target, png);
  }
}

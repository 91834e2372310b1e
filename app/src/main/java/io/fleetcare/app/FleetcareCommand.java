package io.fleetcare.app;

import io.fleetcare.app.bench.BenchCommand;
import io.fleetcare.app.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fleetcare} command line: one entry for every way of running Fleetcare. */
@Command(
    name = "fleetcare",
    mixinStandardHelpOptions = true,
    versionProvider = FleetcareCommand.Version.class,
    description = "Predictive service for connected-car fleets.",
    subcommands = {
      DemoCommand.class,
      JobCommand.class,
      SimulateCommand.class,
      ReplayCommand.class,
      ApiCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FleetcareCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new FleetcareCommand());
    cli.registerConverter(java.time.Duration.class, io.fleetcare.streamjobs.Durations::parse);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("fleetcare: " + e.getMessage());
          return 1;
        });
    return cli;
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = FleetcareCommand.class.getPackage().getImplementationVersion();
      return new String[] {"fleetcare " + (v == null ? "development build" : v)};
    }
  }
}

/**
 * {@code fleetcare bench}: the benchmark harness of issue #8 — broker alone, raw COPY, the full
 * pipeline stepped up to its sustained rate, latency at 70 % of it, resource use and keyed-state
 * size, printed, as JSON and as a Markdown report with a plot. See docs/benchmarks/README.md.
 */
package io.fleetcare.app.bench;

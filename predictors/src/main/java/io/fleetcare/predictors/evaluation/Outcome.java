package io.fleetcare.predictors.evaluation;

/** What became of a crossing. */
public enum Outcome {
  /** An order was raised 7–15 days before it (inclusive). */
  ON_TIME,
  /** The first order came more than 15 days before it and none was on time. */
  EARLY,
  /** Orders came, but all less than 7 days before it (or after it). */
  LATE,
  /** No order referred to it. */
  MISSED
}

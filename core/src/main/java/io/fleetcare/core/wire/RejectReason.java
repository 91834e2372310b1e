package io.fleetcare.core.wire;

/** Why a payload was rejected; the enum name is the machine-readable code stored with it. */
public enum RejectReason {
  /** The payload exceeds the size limit and was not parsed. */
  PAYLOAD_TOO_LARGE,
  /** The topic is not a Fleetcare vehicle topic. */
  UNKNOWN_TOPIC,
  /**
   * Not strict UTF-8 JSON (including an empty payload and content after the top-level value),
   * nested deeper than 32 levels, a duplicate key, or a token beyond the parser's limits (numbers
   * of 64 characters, strings of 64 KiB).
   */
  MALFORMED_JSON,
  /** Valid JSON, but not an object at the top level. */
  NOT_AN_OBJECT,
  /** A required field is absent. */
  MISSING_FIELD,
  /** A field has the wrong JSON type (or a number that is NaN or infinite). */
  WRONG_TYPE,
  /** The {@code v} field names a schema version this build does not read. */
  UNSUPPORTED_VERSION,
  /** The VIN breaks ISO 3779 (length, characters, or North American check digit). */
  INVALID_VIN,
  /** The VIN in the payload differs from the VIN in the topic. */
  VIN_TOPIC_MISMATCH,
  /** The sequence number is negative. */
  INVALID_SEQ,
  /** The batch is empty, has more samples or events than allowed, or a sample too many signals. */
  BAD_BATCH_SIZE,
  /** A catalogued signal's, an event's or a profile's number is outside its plausible range. */
  VALUE_OUT_OF_RANGE,
  /** An event time is before OBD-II existed or implausibly far in the future. */
  TIMESTAMP_ABSURD,
  /**
   * A field's text is outside the contract: powertrain, fuel, DTC code format, an empty event type,
   * or a dealer id that cannot be a topic level.
   */
  INVALID_VALUE
}

package io.fleetcare.core.workorder;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outbound topic the planner publishes every new or changed work order on: {@code
 * fleet/service/{dealerId}/work-orders} (DESIGN.md, wire contract).
 */
public final class WorkOrderTopic {
  /** Subscription filter for the orders of every dealer. */
  public static final String ALL_DEALERS = "fleet/service/+/work-orders";

  private static final String PREFIX = "fleet/service/";
  private static final String SUFFIX = "/work-orders";

  /** The dealer ids {@link WorkOrder} accepts; none of them can break out of a topic level. */
  static final Pattern DEALER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private WorkOrderTopic() {}

  /**
   * The topic of a dealer's work orders, e.g. {@code fleet/service/D001/work-orders}.
   *
   * @throws IllegalArgumentException if {@code dealerId} is not a valid dealer id (letters, digits,
   *     {@code _} and {@code -}, 1 to 32 characters)
   */
  public static String of(String dealerId) {
    if (dealerId == null || !DEALER_ID.matcher(dealerId).matches()) {
      throw new IllegalArgumentException("bad dealerId '" + dealerId + "'");
    }
    return PREFIX + dealerId + SUFFIX;
  }

  /**
   * The dealer id of a work-order topic; empty for any other topic, including the subscription
   * filter {@link #ALL_DEALERS}.
   */
  public static Optional<String> dealerOf(String topic) {
    if (topic == null || !topic.startsWith(PREFIX) || !topic.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    String dealer = topic.substring(PREFIX.length(), topic.length() - SUFFIX.length());
    return DEALER_ID.matcher(dealer).matches() ? Optional.of(dealer) : Optional.empty();
  }
}

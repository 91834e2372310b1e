package io.fleetcare.workorders.auth;

import java.util.Objects;

/**
 * An authenticated caller.
 *
 * @param dealerId the dealer whose orders the user sees; null for ADMIN (all dealers)
 */
public record ApiUser(String username, String displayName, Role role, String dealerId) {
  public ApiUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    if (role != Role.ADMIN && dealerId == null) {
      throw new IllegalArgumentException("a " + role + " user needs a dealer");
    }
  }

  /** Whether the user may see orders of {@code dealer}. */
  public boolean canSeeDealer(String dealer) {
    return role == Role.ADMIN || Objects.equals(dealerId, dealer);
  }
}

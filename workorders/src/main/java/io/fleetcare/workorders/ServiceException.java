package io.fleetcare.workorders;

/** A request the service refuses, with the reason shown to the caller. */
public final class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why; each maps to one HTTP status. */
  public enum Reason {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Reason reason;

  public ServiceException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static ServiceException badRequest(String message) {
    return new ServiceException(Reason.BAD_REQUEST, message);
  }

  public static ServiceException forbidden(String message) {
    return new ServiceException(Reason.FORBIDDEN, message);
  }

  public static ServiceException notFound(String message) {
    return new ServiceException(Reason.NOT_FOUND, message);
  }
}

package io.fleetcare.workorders.http;

/** How personal data is shown to roles that see it masked (customer service). */
public final class Masking {
  private Masking() {}

  /** All but the last 6 characters starred: {@code ***********004352}. */
  public static String vin(String vin) {
    if (vin == null) {
      return null;
    }
    int keep = Math.min(6, vin.length());
    return "*".repeat(vin.length() - keep) + vin.substring(vin.length() - keep);
  }

  /** Every digit but the last two starred, other characters kept: {@code +** *** *****67}. */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    int digits = (int) phone.chars().filter(Character::isDigit).count();
    StringBuilder out = new StringBuilder(phone.length());
    int seen = 0;
    for (char ch : phone.toCharArray()) {
      if (Character.isDigit(ch)) {
        seen++;
        out.append(seen > digits - 2 ? ch : '*');
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}

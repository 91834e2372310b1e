package io.fleetcare.workorders.model;

/**
 * Outcome figures of one order type.
 *
 * @param ordered orders created
 * @param acknowledged orders acknowledged at some point
 * @param scheduled orders that reached SCHEDULED (or DONE after scheduling)
 * @param done orders done
 * @param dismissed orders dismissed
 * @param falseAlarms orders dismissed as FALSE_ALARM
 * @param meanSecondsToAcknowledge mean time from receipt to acknowledgement, null if none yet
 * @param scoreResponses customer scores recorded at done
 * @param meanScore mean customer score, null if none
 * @param nps net promoter score: % of scores 9–10 minus % of scores 0–6, null if none
 */
public record OutcomeStats(
    String type,
    long ordered,
    long acknowledged,
    long scheduled,
    long done,
    long dismissed,
    long falseAlarms,
    Double meanSecondsToAcknowledge,
    long scoreResponses,
    Double meanScore,
    Double nps) {

  /** Share of ordered that got scheduled. */
  public double scheduledRate() {
    return ordered == 0 ? 0 : (double) scheduled / ordered;
  }

  /** Share of ordered that got done. */
  public double doneRate() {
    return ordered == 0 ? 0 : (double) done / ordered;
  }

  /** Share of closed orders (done or dismissed) that were false alarms. */
  public double falseAlarmRate() {
    long closed = done + dismissed;
    return closed == 0 ? 0 : (double) falseAlarms / closed;
  }
}

package io.fleetcare.workorders.db;

/**
 * Every SQL statement of the work-order store, in one place (the tables are in {@code
 * db/workorders/V*.sql}). Optional filters are written as {@code (? IS NULL OR …)} so each
 * statement is one fixed text.
 */
final class WorkOrderSql {
  private WorkOrderSql() {}

  static final String INSERT =
      """
      INSERT INTO work_order (id, vin, dealer_id, department, kind, type, urgency, status,
                              created_at, received_at, updated_at, predicted_date, due_from, due_to,
                              probability, evidence, model_version, service_package,
                              customer_phone_enc, location_enc, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """;

  private static final String COLUMNS =
      """
      SELECT id, vin, dealer_id, department, kind, type, urgency, status, created_at, received_at,
             updated_at, predicted_date, due_from, due_to, probability, evidence::text AS evidence,
             model_version, service_package, customer_phone_enc, location_enc,
             acknowledged_at, acknowledged_by, scheduled_at, appointment_at,
             done_at, done_parts::text AS done_parts, done_odometer_km, customer_score, done_notes,
             dismissed_at, dismiss_reason, dismiss_note, escalated_at, escalated_to, version
      FROM work_order
      """;

  static final String FIND = COLUMNS + " WHERE id = ?";

  /** Parameters, each given twice: dealer, statuses, types, urgencies, departments, kinds, vin. */
  static final String LIST =
      COLUMNS
          + """
           WHERE (?::text IS NULL OR dealer_id = ?)
             AND (?::text[] IS NULL OR status = ANY (?::text[]))
             AND (?::text[] IS NULL OR type = ANY (?::text[]))
             AND (?::text[] IS NULL OR urgency = ANY (?::text[]))
             AND (?::text[] IS NULL OR department = ANY (?::text[]))
             AND (?::text[] IS NULL OR kind = ANY (?::text[]))
             AND (?::text IS NULL OR vin = ?)
             AND (?::date IS NULL OR due_to >= ?)
             AND (?::date IS NULL OR due_from <= ?)
             AND (?::boolean IS NULL OR (escalated_at IS NOT NULL) = ?)
           ORDER BY (status IN ('DONE', 'DISMISSED')), (urgency = 'URGENT') DESC, due_from,
                    received_at DESC, id
           LIMIT ? OFFSET ?
          """;

  static final String LOCK_STATUS = "SELECT status FROM work_order WHERE id = ? FOR UPDATE";

  /** Locks an order for a planner update: its status and the event time of its planner version. */
  static final String LOCK_PLANNED =
      """
      SELECT status, coalesce(planned_at, created_at) AS planned_at FROM work_order
      WHERE id = ? FOR UPDATE
      """;

  /**
   * A planner update: only the planner's forecast fields. Status, appointment, service record,
   * dealer, department and personal data belong to the advisors and stay as they are.
   */
  static final String UPDATE_PLANNED =
      """
      UPDATE work_order SET urgency = ?, predicted_date = ?, due_from = ?, due_to = ?,
                            probability = ?, evidence = ?::jsonb, model_version = ?,
                            service_package = ?, planned_at = ?, updated_at = ?,
                            version = version + 1
      WHERE id = ?
      """;

  static final String ACKNOWLEDGE =
      """
      UPDATE work_order SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?,
                            updated_at = ?, version = version + 1
      WHERE id = ?
      """;

  static final String SCHEDULE =
      """
      UPDATE work_order SET status = 'SCHEDULED', scheduled_at = ?, appointment_at = ?,
                            updated_at = ?, version = version + 1
      WHERE id = ?
      """;

  static final String DONE =
      """
      UPDATE work_order SET status = 'DONE', done_at = ?, done_parts = ?::jsonb,
                            done_odometer_km = ?, customer_score = ?, done_notes = ?,
                            updated_at = ?, version = version + 1
      WHERE id = ?
      """;

  static final String DISMISS =
      """
      UPDATE work_order SET status = 'DISMISSED', dismissed_at = ?, dismiss_reason = ?,
                            dismiss_note = ?, updated_at = ?, version = version + 1
      WHERE id = ?
      """;

  static final String AUDIT =
      """
      INSERT INTO work_order_audit (order_id, at, actor, actor_role, action, from_status, to_status,
                                    detail)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      """;

  private static final String AUDIT_COLUMNS =
      """
      SELECT a.id, a.order_id, a.at, a.actor, a.actor_role, a.action, a.from_status, a.to_status,
             a.detail::text AS detail
      FROM work_order_audit a
      """;

  static final String HISTORY = AUDIT_COLUMNS + " WHERE a.order_id = ? ORDER BY a.id";

  static final String VEHICLE_HISTORY =
      AUDIT_COLUMNS
          + """
           JOIN work_order w ON w.id = a.order_id
           WHERE w.vin = ? AND (?::text IS NULL OR w.dealer_id = ?)
           ORDER BY a.at, a.id
          """;

  /**
   * Escalates every NEW order received on or before the cutoff and not yet escalated, to the
   * dealer's service managers, and audits it, in one statement. Parameters: cutoff, now, now, now,
   * escalate-after text.
   */
  static final String ESCALATE =
      """
      WITH overdue AS (
          SELECT id FROM work_order
          WHERE status = 'NEW' AND escalated_at IS NULL AND received_at <= ?
          FOR UPDATE SKIP LOCKED
      ), escalated AS (
          UPDATE work_order w
          SET escalated_at = ?, updated_at = ?, version = w.version + 1,
              escalated_to = coalesce((SELECT string_agg(u.username, ',' ORDER BY u.username)
                                       FROM api_user u
                                       WHERE u.role = 'MANAGER' AND u.dealer_id = w.dealer_id),
                                      '(no manager)')
          FROM overdue WHERE w.id = overdue.id
          RETURNING w.id, w.status, w.escalated_to
      )
      INSERT INTO work_order_audit (order_id, at, actor, actor_role, action, from_status, to_status,
                                    detail)
      SELECT id, ?, 'system', 'SYSTEM', 'ESCALATED', status, status,
             jsonb_build_object('escalatedTo', escalated_to, 'notAcknowledgedWithin', ?::text)
      FROM escalated
      RETURNING order_id
      """;

  static final String PENDING_SERVICE_EVENTS =
      """
      SELECT id, vin, type, done_at, done_odometer_km FROM work_order
      WHERE status = 'DONE' AND service_event_sent_at IS NULL
      ORDER BY done_at
      LIMIT 100
      """;

  static final String MARK_SERVICE_EVENT_SENT =
      """
      UPDATE work_order SET service_event_sent_at = ?
      WHERE id = ? AND service_event_sent_at IS NULL
      """;

  static final String OUTCOMES =
      """
      SELECT type,
             count(*)                                              AS ordered,
             count(acknowledged_at)                                AS acknowledged,
             count(scheduled_at)                                   AS scheduled,
             count(*) FILTER (WHERE status = 'DONE')               AS done,
             count(*) FILTER (WHERE status = 'DISMISSED')          AS dismissed,
             count(*) FILTER (WHERE dismiss_reason = 'FALSE_ALARM') AS false_alarms,
             avg(extract(epoch FROM acknowledged_at - received_at)) AS mean_ack_seconds,
             count(customer_score)                                 AS score_responses,
             avg(customer_score)                                   AS mean_score,
             100.0 * (count(*) FILTER (WHERE customer_score >= 9)
                      - count(*) FILTER (WHERE customer_score <= 6))
                   / nullif(count(customer_score), 0)              AS nps
      FROM work_order
      WHERE (?::text IS NULL OR dealer_id = ?)
      GROUP BY type
      ORDER BY type
      """;

  static final String UPSERT_USER =
      """
      INSERT INTO api_user (username, display_name, role, dealer_id, password_hash)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (username) DO UPDATE
      SET display_name = excluded.display_name, role = excluded.role,
          dealer_id = excluded.dealer_id, password_hash = excluded.password_hash
      """;

  static final String INSERT_TOKEN =
      """
      INSERT INTO api_token (token_hash, username, created_at, expires_at, label)
      VALUES (?, ?, ?, ?, ?)
      """;

  static final String USER_BY_TOKEN =
      """
      SELECT u.username, u.display_name, u.role, u.dealer_id
      FROM api_token t JOIN api_user u ON u.username = t.username
      WHERE t.token_hash = ? AND (t.expires_at IS NULL OR t.expires_at > ?)
      """;

  static final String USER_BY_NAME =
      """
      SELECT username, display_name, role, dealer_id, password_hash FROM api_user WHERE username = ?
      """;
}

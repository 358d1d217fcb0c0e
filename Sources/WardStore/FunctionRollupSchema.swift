/// The per-function rollups behind the console's function table, so a window read is a
/// join of three small keyed tables instead of aggregating findings, metrics, costs and
/// alerts for every function on every read.
///
/// * `function_open_findings`: open findings per function ARN and tenant by severity, kept
///   by triggers on `findings` (like `finding_counts`); a function counts only its own
///   tenant's findings. A row exists while some count is > 0.
/// * `function_activity`: per function in `functions`: invocations and errors over the
///   24 h ending at the newest metric hour, cost over the 30 days ending at the newest cost
///   day, and the newest start of its tenant's alerts on it. Metrics and cost are recomputed at the end of
///   `apply`/`applyScan` for the functions the batch touched, and for all functions when
///   the newest hour or day moves (``FunctionRollup``); `last_alert` is kept by triggers
///   on `alerts`.
/// * `function_activity_window`: the newest metric hour and cost day the activity is
///   relative to; the view `function_activity_bounds` derives the windows the same way
///   the console's `DataClock` does, and a read uses the rollup only when its window
///   equals them.
enum FunctionRollupSchema {
  /// Triage states that count as open (`TriageState.isOpen`).
  static let openStates = "'new', 'acknowledged', 'in-progress'"

  /// Invocations, errors, cost and last alert of function `f` (a `functions` row, with
  /// `k` its `function_keys` row, possibly NULL) in the windows of `w` (columns
  /// `metrics_from`, `metrics_to`, `cost_from`, `cost_to`). One definition for the
  /// rollup refresh and the from-scratch read, so both give the same numbers.
  /// (This text is part of shipped migrations: it must not change.)
  static let activityColumns = activityColumns(costIndexHint: "")

  /// ``activityColumns`` with `costIndexHint` after `costs c` (an `INDEXED BY` clause, or
  /// empty); every caller after the migrations passes ``CostActivitySchema/hint``.
  static func activityColumns(costIndexHint: String) -> String {
    """
    COALESCE((SELECT SUM(x.invocations) FROM metrics x
      WHERE x.function_id = k.id AND x.hour >= w.metrics_from AND x.hour < w.metrics_to), 0),
    COALESCE((SELECT SUM(x.errors) FROM metrics x
      WHERE x.function_id = k.id AND x.hour >= w.metrics_from AND x.hour < w.metrics_to), 0),
    (SELECT SUM(c.amount) FROM costs c\(costIndexHint)
      WHERE c.function IN (f.name, f.arn) AND c.function <> '' AND c.account = f.account
        AND c.tenant_id = f.tenant_id
        AND c.day >= w.cost_from AND c.day < w.cost_to),
    (SELECT MAX(a.start_at) FROM alerts a
      WHERE a.function_arn = f.arn AND a.tenant_id = f.tenant_id)
    """
  }

  /// Migration 4: recomputes every function's activity once. Cost used to be matched by
  /// function name across the tenant's accounts; it is now matched by account and name
  /// (or ARN), so rollups written before are recomputed.
  static let costByAccountMigration = refreshSQL(filter: "1 = 1") + ";"

  /// Upserts `function_activity` for the functions matching `filter` (a condition on
  /// `f`), writing only rows whose values differ. `costIndexHint` as in
  /// ``activityColumns(costIndexHint:)``: empty in migrations (their text must not change),
  /// ``CostActivitySchema/hint`` at run time (``runtimeRefreshSQL(filter:)``).
  static func refreshSQL(filter: String, costIndexHint: String = "") -> String {
    """
    INSERT INTO function_activity (function_arn, invocations, errors, cost, last_alert)
    SELECT f.arn, \(activityColumns(costIndexHint: costIndexHint))
    FROM functions f CROSS JOIN function_activity_bounds w
    LEFT JOIN function_keys k ON k.arn = f.arn
    WHERE \(filter)
    ON CONFLICT (function_arn) DO UPDATE SET invocations = excluded.invocations,
      errors = excluded.errors, cost = excluded.cost, last_alert = excluded.last_alert
    WHERE invocations IS NOT excluded.invocations OR errors IS NOT excluded.errors
      OR cost IS NOT excluded.cost OR last_alert IS NOT excluded.last_alert
    """
  }

  /// The refresh as `FunctionRollup` runs it on a migrated store.
  static func runtimeRefreshSQL(filter: String) -> String {
    refreshSQL(filter: filter, costIndexHint: CostActivitySchema.hint)
  }

  /// `c0..c4` increments for one finding of severity `row.severity` (`row` is NEW or OLD).
  private static func severityFlags(_ row: String) -> String {
    (0...4).map { "\(row).severity = \($0)" }.joined(separator: ", ")
  }

  private static func addOpen(_ row: String) -> String {
    """
    INSERT INTO function_open_findings (function_arn, tenant_id, c0, c1, c2, c3, c4)
      SELECT \(row).function_arn, \(row).tenant_id, \(severityFlags(row))
      WHERE \(row).function_arn IS NOT NULL AND \(row).state IN (\(openStates))
      ON CONFLICT (function_arn, tenant_id) DO UPDATE SET c0 = c0 + excluded.c0, c1 = c1 + excluded.c1,
        c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4;
    """
  }

  private static func removeOpen(_ row: String) -> String {
    let decrements = (0...4).map { "c\($0) = c\($0) - (\(row).severity = \($0))" }
      .joined(separator: ", ")
    return """
        UPDATE function_open_findings SET \(decrements)
        WHERE function_arn = \(row).function_arn AND tenant_id = \(row).tenant_id
          AND \(row).state IN (\(openStates));
        DELETE FROM function_open_findings
        WHERE function_arn = \(row).function_arn AND tenant_id = \(row).tenant_id AND c0 <= 0 AND c1 <= 0 AND c2 <= 0 AND c3 <= 0
          AND c4 <= 0;
      """
  }

  private static func touchLastAlert(_ row: String) -> String {
    """
    UPDATE function_activity
    SET last_alert = (
      SELECT MAX(a.start_at) FROM functions f JOIN alerts a
        ON a.function_arn = f.arn AND a.tenant_id = f.tenant_id
      WHERE f.arn = \(row).function_arn)
    WHERE function_arn = \(row).function_arn;
    """
  }

  /// The migration: tables, triggers, view, and a full first fill from the current data.
  static let migration = """
    CREATE TABLE function_open_findings (
      function_arn TEXT NOT NULL,
      tenant_id INTEGER NOT NULL,
      c0 INTEGER NOT NULL, c1 INTEGER NOT NULL, c2 INTEGER NOT NULL, c3 INTEGER NOT NULL,
      c4 INTEGER NOT NULL,
      PRIMARY KEY (function_arn, tenant_id)
    ) WITHOUT ROWID;

    CREATE TRIGGER function_open_findings_on_insert AFTER INSERT ON findings BEGIN
      \(addOpen("NEW"))
    END;

    CREATE TRIGGER function_open_findings_on_delete AFTER DELETE ON findings BEGIN
      \(removeOpen("OLD"))
    END;

    CREATE TRIGGER function_open_findings_on_update
    AFTER UPDATE OF function_arn, tenant_id, severity, state ON findings
    WHEN OLD.function_arn IS NOT NEW.function_arn OR OLD.tenant_id IS NOT NEW.tenant_id
      OR OLD.severity IS NOT NEW.severity
      OR (OLD.state IN (\(openStates))) IS NOT (NEW.state IN (\(openStates)))
    BEGIN
      \(removeOpen("OLD"))
      \(addOpen("NEW"))
    END;

    INSERT INTO function_open_findings (function_arn, tenant_id, c0, c1, c2, c3, c4)
    SELECT function_arn, tenant_id, \((0...4).map { "SUM(severity = \($0))" }.joined(separator: ", "))
    FROM findings x WHERE function_arn IS NOT NULL AND state IN (\(openStates))
    GROUP BY function_arn, tenant_id;

    CREATE TABLE function_activity_window (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      latest_metric_hour INTEGER,
      latest_cost_day INTEGER
    );

    CREATE VIEW function_activity_bounds AS
    SELECT metrics_to - 86400 AS metrics_from, metrics_to, cost_to - 30 * 86400 AS cost_from,
      cost_to
    FROM (
      SELECT COALESCE(latest_metric_hour, 0) + 3600 AS metrics_to,
        COALESCE(latest_cost_day, (COALESCE(latest_metric_hour, 0) / 86400) * 86400) + 86400
          AS cost_to
      FROM function_activity_window WHERE id = 1
    );

    INSERT INTO function_activity_window (id, latest_metric_hour, latest_cost_day)
    VALUES (1, (SELECT MAX(hour) FROM metrics), (SELECT MAX(day) FROM costs));

    CREATE TABLE function_activity (
      function_arn TEXT PRIMARY KEY,
      invocations REAL NOT NULL,
      errors REAL NOT NULL,
      cost REAL,
      last_alert INTEGER
    ) WITHOUT ROWID;

    \(refreshSQL(filter: "1 = 1"));

    CREATE TRIGGER function_activity_on_alert_insert AFTER INSERT ON alerts
    WHEN NEW.function_arn IS NOT NULL BEGIN
      \(touchLastAlert("NEW"))
    END;

    CREATE TRIGGER function_activity_on_alert_delete AFTER DELETE ON alerts
    WHEN OLD.function_arn IS NOT NULL BEGIN
      \(touchLastAlert("OLD"))
    END;

    CREATE TRIGGER function_activity_on_alert_update
    AFTER UPDATE OF function_arn, tenant_id, start_at ON alerts
    WHEN OLD.function_arn IS NOT NEW.function_arn OR OLD.tenant_id IS NOT NEW.tenant_id
      OR OLD.start_at IS NOT NEW.start_at BEGIN
      \(touchLastAlert("OLD"))
      \(touchLastAlert("NEW"))
    END;
    """
}

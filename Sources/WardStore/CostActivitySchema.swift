/// An index for the cost column of the function rollup: `function_activity.cost` sums a
/// function's cost rows by account, name (or ARN) and day, and without this index SQLite
/// reads every cost row of the function's tenant (or account) for each function, so a full
/// refresh grew with tenants × their cost rows (5.4 s of CPU for 2,500 functions of a
/// 50-account tier, 0.15 s through this index). The runtime refresh names the index
/// (``hint``): without statistics the planner prefers the tenant or primary-key prefix.
enum CostActivitySchema {
  /// Migration: self-contained, appended after the existing ones.
  static let migration = """
    CREATE INDEX costs_by_account_function_day ON costs(account, function, day);
    """

  /// The clause after `costs c` in the rollup's cost subquery once this migration ran.
  static let hint = " INDEXED BY costs_by_account_function_day"
}

import WardModel

/// Keeps `function_activity` current inside a write transaction (see
/// ``FunctionRollupSchema``): moves the window when a batch brings a newer metric hour or
/// cost day (then refreshes every function), otherwise refreshes the functions the batch
/// touched. Writes only rows whose values change, so a re-applied batch writes nothing.
struct FunctionRollup {
  let db: Database

  /// The newest metric hour and cost day the activity is relative to.
  struct Anchor: Equatable {
    var latestMetricHour: EpochSeconds?
    var latestCostDay: EpochSeconds?
  }

  /// What a batch wrote that the activity depends on.
  struct Touched {
    /// Functions whose inventory, metrics or alerts the batch carried.
    var arns: Set<String> = []
    /// Names or ARNs cost rows were filed under, and the accounts of those rows (cost
    /// is matched by account and name, so only these accounts' functions can change).
    var costFunctions: Set<String> = []
    var costAccounts: Set<String> = []
    var newestMetricHour: EpochSeconds?
    var newestCostDay: EpochSeconds?
    /// Accounts moved between tenants: cost matching depends on the tenant.
    var tenancyChanged = false

    init() {}

    init(batch: ImportBatch, summary: ApplySummary) {
      arns.formUnion(batch.functions.map(\.arn))
      arns.formUnion(batch.metrics.map(\.functionArn))
      arns.formUnion(batch.alerts.compactMap(\.functionArn))
      for cost in batch.costs {
        guard let function = cost.function, !function.isEmpty,
          let account = cost.account, !account.isEmpty
        else { continue }
        costFunctions.insert(function)
        costAccounts.insert(account)
      }
      newestMetricHour = batch.metrics.map(\.hour).max()
      newestCostDay = batch.costs.map(\.day).max()
      tenancyChanged = summary[.accounts].changed > 0
    }

    /// Adds what another batch of the same transaction touched.
    mutating func formUnion(_ other: Touched) {
      arns.formUnion(other.arns)
      costFunctions.formUnion(other.costFunctions)
      costAccounts.formUnion(other.costAccounts)
      newestMetricHour = max(newestMetricHour, other.newestMetricHour)
      newestCostDay = max(newestCostDay, other.newestCostDay)
      tenancyChanged = tenancyChanged || other.tenancyChanged
    }
  }

  func anchor() throws -> Anchor {
    try db.prepare(
      "SELECT latest_metric_hour, latest_cost_day FROM function_activity_window WHERE id = 1"
    ).first { Anchor(latestMetricHour: $0.optionalInt64(0), latestCostDay: $0.optionalInt64(1)) }
      ?? Anchor()
  }

  /// The windows the activity covers, as the console's clock derives them.
  func bounds() throws -> PostureStore.FunctionTableWindow? {
    try db.prepare(
      "SELECT metrics_from, metrics_to, cost_from, cost_to FROM function_activity_bounds"
    ).first {
      PostureStore.FunctionTableWindow(
        metricsFrom: $0.int64(0), metricsTo: $0.int64(1), costFrom: $0.int64(2),
        costTo: $0.int64(3))
    }
  }

  /// Brings the activity up to date after a batch described by `touched`.
  func update(_ touched: Touched) throws {
    let old = try anchor()
    var new = old
    new.latestMetricHour = max(old.latestMetricHour, touched.newestMetricHour)
    new.latestCostDay = max(old.latestCostDay, touched.newestCostDay)
    if new != old {
      try db.prepare(
        "UPDATE function_activity_window SET latest_metric_hour = ?, latest_cost_day = ? WHERE id = 1"
      ).run([SQLValue(new.latestMetricHour), SQLValue(new.latestCostDay)])
    }
    if new != old || touched.tenancyChanged {
      try refreshAll()
      return
    }
    if !touched.arns.isEmpty {
      try db.prepare(
        FunctionRollupSchema.runtimeRefreshSQL(filter: "f.arn IN (SELECT value FROM json_each(?))")
      ).run([.text(jsonArray(touched.arns))])
    }
    if !touched.costFunctions.isEmpty {
      try db.prepare(
        FunctionRollupSchema.runtimeRefreshSQL(
          filter: """
            f.account IN (SELECT value FROM json_each(?2))
              AND (f.name IN (SELECT value FROM json_each(?1))
                OR f.arn IN (SELECT value FROM json_each(?1)))
            """)
      ).run([.text(jsonArray(touched.costFunctions)), .text(jsonArray(touched.costAccounts))])
    }
  }

  /// Recomputes the activity of every function.
  func refreshAll() throws {
    try db.execute(FunctionRollupSchema.runtimeRefreshSQL(filter: "1 = 1"))
  }

  private func jsonArray(_ values: Set<String>) -> String { JSONText.encode(values.sorted()) }
}

private func max(_ a: EpochSeconds?, _ b: EpochSeconds?) -> EpochSeconds? {
  switch (a, b) {
  case (nil, nil): nil
  case (let x?, nil): x
  case (nil, let y?): y
  case (let x?, let y?): Swift.max(x, y)
  }
}

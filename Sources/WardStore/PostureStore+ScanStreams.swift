import WardModel

/// One account's per-function cost rows, as `forEachAccountFunctionCosts` hands them over.
public struct AccountFunctionCosts: Sendable, Hashable {
  /// The account the rows were billed to.
  public var account: String
  /// The rows in (service, function, day) order; `function` is the name or ARN the cost
  /// file used, never nil here.
  public var rows: [CostRow]
}

extension PostureStore {
  /// Streams the hourly metrics in `[from, to)` of every function that has any, one
  /// function at a time (in store order, oldest hour first), with one ordered query over the
  /// metrics key: only one function's samples are in memory at once. `body` must not call
  /// back into this store (it runs inside the store's lock and read transaction).
  /// Unscoped handles only: the scan reads everything.
  public func forEachFunctionMetrics(
    from: EpochSeconds, to: EpochSeconds,
    _ body: (_ functionArn: String, _ samples: [MetricSample]) throws -> Void
  ) throws {
    guard scope.tenants == nil else { throw StoreError.outOfScope("streaming metrics") }
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        let statement = try db.prepare(
          """
          SELECT k.arn, m.hour, m.invocations, m.errors, m.throttles, m.duration_avg,
            m.duration_p99, m.duration_max, m.cold_starts, m.max_concurrency, m.function_id
          FROM metrics m JOIN function_keys k ON k.id = m.function_id
          WHERE m.hour >= ? AND m.hour < ?
          ORDER BY m.function_id, m.hour
          """)
        statement.bind([.integer(from), .integer(to)])
        defer { statement.reset() }
        var currentId: Int64? = nil
        var arn = ""
        var samples: [MetricSample] = []
        while try statement.step() {
          let id = statement.int64(10)
          if id != currentId {
            if !samples.isEmpty { try body(arn, samples) }
            samples.removeAll(keepingCapacity: true)
            currentId = id
            arn = statement.text(0)
          }
          samples.append(
            MetricSample(
              functionArn: arn, hour: statement.int64(1),
              invocations: statement.optionalDouble(2), errors: statement.optionalDouble(3),
              throttles: statement.optionalDouble(4), durationAvg: statement.optionalDouble(5),
              durationP99: statement.optionalDouble(6), durationMax: statement.optionalDouble(7),
              coldStarts: statement.optionalDouble(8), maxConcurrency: statement.optionalDouble(9)
            ))
        }
        if !samples.isEmpty { try body(arn, samples) }
      }
    }
  }

  /// Streams the per-function cost rows (rows whose cost file named a function) in
  /// `[from, to)`, one account at a time, walking the costs key in order (no sort, no
  /// grouping in SQL): only one account's rows are in memory at once. `body` must not call
  /// back into this store. Unscoped handles only.
  public func forEachAccountFunctionCosts(
    from: EpochSeconds, to: EpochSeconds, _ body: (AccountFunctionCosts) throws -> Void
  ) throws {
    guard scope.tenants == nil else { throw StoreError.outOfScope("streaming costs") }
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        let statement = try db.prepare(
          """
          SELECT t.name, c.account, c.function, c.day, c.amount, c.currency
          FROM costs c JOIN tenants t ON t.id = c.tenant_id
          WHERE c.function <> '' AND c.day >= ? AND c.day < ?
          ORDER BY c.account, c.service, c.function, c.day
          """)
        statement.bind([.integer(from), .integer(to)])
        defer { statement.reset() }
        var group = AccountFunctionCosts(account: "", rows: [])
        while try statement.step() {
          let account = statement.text(1)
          if account != group.account {
            if !group.rows.isEmpty { try body(group) }
            group = AccountFunctionCosts(account: account, rows: [])
          }
          group.rows.append(
            CostRow(
              tenant: statement.text(0), account: account, function: statement.text(2),
              day: statement.int64(3), amount: statement.double(4),
              currency: statement.text(5)))
        }
        if !group.rows.isEmpty { try body(group) }
      }
    }
  }
}

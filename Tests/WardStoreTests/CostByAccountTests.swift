import Testing
import WardModel

@testable import WardStore

/// Function names repeat across accounts (9,477 of 10,745 names at Organization scale): a
/// function's cost is matched by account and name, never by name alone. The function
/// detail used to show another tenant's cost for a function of the same name.
@Suite struct CostByAccountTests {
  static let acme = "111122223333"
  static let acmeSandbox = "111122224444"
  static let globex = "444455556666"

  static func store() throws -> (TempStore, PostureStore) {
    let temp = TempStore()
    let store = try temp.open()
    let day0 = UTC.dayFloor(T.now) - 3 * UTC.day
    try store.apply(
      T.batch { b in
        b.tenants = [
          Tenant(name: "acme", accounts: [acme, acmeSandbox]),
          Tenant(name: "globex", accounts: [globex]),
        ]
        for (account, amount) in [(acme, 1.0), (acmeSandbox, 7.0), (globex, 5.0)] {
          b.functions.append(T.function("ledger", account: account))
          for d in 0..<3 {
            b.costs.append(
              CostSample(
                account: account, service: "AWS Lambda", function: "ledger",
                day: day0 + Int64(d) * UTC.day, amount: amount))
          }
        }
      }, now: T.now)
    return (temp, store)
  }

  @Test func theDetailSeriesIsTheFunctionsOwnAccountsCost() throws {
    let (temp, store) = try Self.store()
    defer { withExtendedLifetime(temp) {} }
    for (account, amount) in [(Self.acme, 1.0), (Self.acmeSandbox, 7.0), (Self.globex, 5.0)] {
      let function = try #require(try store.function(arn: T.arn("ledger", account: account)))
      let series = try store.functionCostSeries(
        of: function.function, from: 0, to: .max)
      #expect(series.map(\.amount) == [amount, amount, amount], "\(account)")
    }
    // A handle scoped to globex sees nothing of acme's ledgers, even by name.
    let globexOnly = store.scoped(to: .only(["globex"]))
    let acmeLedger = try #require(try store.function(arn: T.arn("ledger", account: Self.acme)))
    #expect(try globexOnly.functionCostSeries(of: acmeLedger.function, from: 0, to: .max).isEmpty)
  }

  @Test func theFunctionTableCostsEachLedgerByItsAccount() throws {
    let (temp, store) = try Self.store()
    defer { withExtendedLifetime(temp) {} }
    let window = try #require(
      try store.connection.withDatabase { try FunctionRollup(db: $0).bounds() })
    for fromRollup in [true, false] {
      let rows = try store.connection.withDatabase { db in
        try store.functionTable(
          db, fromRollup: fromRollup, filter: FunctionFilter(), sort: .name, ascending: true,
          window: window, offset: 0, limit: 10)
      }
      let costs = Dictionary(uniqueKeysWithValues: rows.map { ($0.arn, $0.cost) })
      #expect(costs[T.arn("ledger", account: Self.acme)] == 3, "rollup \(fromRollup)")
      #expect(costs[T.arn("ledger", account: Self.acmeSandbox)] == 21, "rollup \(fromRollup)")
      #expect(costs[T.arn("ledger", account: Self.globex)] == 15, "rollup \(fromRollup)")
    }
    // Cost rows say which account they were billed to.
    #expect(Set(try store.functionCosts(from: 0, to: .max).map(\.account)).count == 3)
  }
}

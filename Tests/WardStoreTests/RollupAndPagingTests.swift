import Testing
import WardModel

@testable import WardStore

@Suite struct RollupAndPagingTests {
  static let accounts = ["111122223333", "444455556666", "777788889999"]

  /// A random mix of inserts, re-observations, passes, triage and tenant re-maps.
  static func churn(_ store: PostureStore, seed: UInt64, steps: Int) throws {
    var rng = SeededGenerator(seed: seed)
    var version: [String: Int64] = [:]
    for step in 0..<steps {
      let now = T.now + Int64(step) * 60
      switch Int.random(in: 0..<10, using: &rng) {
      case 0..<6:
        let findings = (0..<Int.random(in: 1...20, using: &rng)).map { _ in
          T.finding(
            "f\(Int.random(in: 0..<120, using: &rng))",
            account: accounts.randomElement(using: &rng),
            category: Category.allCases.randomElement(using: &rng)!,
            severity: Severity.allCases.randomElement(using: &rng)!, seen: now,
            compliance: Int.random(in: 0..<5, using: &rng) == 0 ? .passed : .failed)
        }
        try store.apply(T.batch { $0.findings = findings }, now: now)
      case 6..<8:
        let id = "f\(Int.random(in: 0..<120, using: &rng))"
        guard let f = try store.finding(id: id) else { continue }
        let state = TriageState.allCases.randomElement(using: &rng)!
        version[id] = try store.setState(
          findingId: id, to: state, reason: "r", note: nil, until: state.isOpen ? nil : now + 300,
          by: Operator(name: "op"), expectedVersion: f.triage.version, now: now)
      case 8:
        let account = accounts.randomElement(using: &rng)!
        try store.apply(
          T.batch {
            $0.tenants = [
              Tenant(name: ["acme", "globex"].randomElement(using: &rng)!, accounts: [account])
            ]
          }, now: now)
      default:
        try store.applyScan(findings: [], alerts: [], now: now)
      }
    }
  }

  @Test(arguments: [UInt64(1), 42, 2026])
  func rollupEqualsAGroupByCount(seed: UInt64) throws {
    let temp = TempStore()
    let store = try temp.open()
    try Self.churn(store, seed: seed, steps: 150)
    let raw = RawConnection(path: temp.path)
    let grouped = raw.rows(
      """
      SELECT tenant_id, category, severity, state, COUNT(*) FROM findings
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      """)
    let rollup = raw.rows(
      "SELECT tenant_id, category, severity, state, n FROM finding_counts ORDER BY 1, 2, 3, 4")
    #expect(!grouped.isEmpty)
    #expect(rollup == grouped)
    // And the tenant summary agrees with a direct count of open findings.
    let open = raw.int(
      "SELECT COUNT(*) FROM findings WHERE state IN ('new', 'acknowledged', 'in-progress')")
    #expect(try store.tenants().map(\.openTotal).reduce(0, +) == open)
  }

  @Test func findingPagesCoverEveryRowExactlyOnce() throws {
    let store = try TempStore().open()
    var rng = SeededGenerator(seed: 7)
    // Many ties in severity and last_seen, so the id tie-breaker matters.
    let findings = (0..<537).map { i in
      T.finding(
        "f\(i)", severity: Severity.allCases.randomElement(using: &rng)!,
        seen: T.now - Int64(Int.random(in: 0..<4, using: &rng)) * 3600)
    }
    try store.apply(T.batch { $0.findings = findings }, now: T.now)
    var seen: [FindingRow] = []
    var cursor: PageCursor?
    repeat {
      let page = try store.findings(after: cursor, limit: 50)
      seen += page.rows
      cursor = page.next
    } while cursor != nil
    #expect(seen.count == 537)
    #expect(Set(seen.map(\.id)).count == 537)
    let keys = seen.map { (-$0.severity.rank, -$0.lastSeen, $0.id) }
    #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "sorted strictly by the key")
  }

  @Test func functionPagesCoverEveryRowExactlyOnceSortedByTenantThenName() throws {
    let store = try TempStore().open()
    let functions = (0..<233).map { i in
      T.function(
        "fn-\(i % 50)", account: Self.accounts[i % 3],
        region: i % 2 == 0 ? "eu-west-1" : "us-east-1")
    }
    try store.apply(T.batch { $0.functions = functions }, now: T.now)
    var rows: [FunctionRow] = []
    var cursor: PageCursor?
    repeat {
      let page = try store.functions(after: cursor, limit: 17)
      rows += page.rows
      cursor = page.next
    } while cursor != nil
    #expect(rows.count == Set(functions.map(\.arn)).count)
    #expect(Set(rows.map(\.arn)) == Set(functions.map(\.arn)))
    let keys = rows.map { [$0.tenant, $0.name, $0.arn] }
    #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
    let filtered = try store.functions(
      filter: FunctionFilter(regions: ["us-east-1"], nameContains: "N-4"), limit: 1000)
    #expect(!filtered.rows.isEmpty)
    #expect(filtered.rows.allSatisfy { $0.region == "us-east-1" && $0.name.hasPrefix("fn-4") })
  }

  @Test func alertPagesAreNewestFirstAndComplete() throws {
    let store = try TempStore().open()
    let alerts = (0..<75).map { i in
      Alert(
        id: "a\(i)", account: "111122223333", functionArn: nil, kind: "error-burst",
        severity: .medium, start: T.now - Int64(i % 10) * 60, end: nil, title: "t", detail: "")
    }
    try store.apply(T.batch { $0.alerts = alerts }, now: T.now)
    var rows: [AlertRow] = []
    var cursor: PageCursor?
    repeat {
      let page = try store.alerts(after: cursor, limit: 20)
      rows += page.rows
      cursor = page.next
    } while cursor != nil
    #expect(Set(rows.map(\.alert.id)).count == 75)
    #expect(rows.count == 75)
    #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.alert.start >= $1.alert.start })
  }

  @Test func findingFiltersNarrowTheRows() throws {
    let store = try TempStore().open()
    try store.apply(
      T.batch {
        $0.functions = [T.function("orders")]
        $0.findings = [
          T.finding("a", category: .secrets, severity: .critical, title: "AWS key in env"),
          T.finding("b", function: "billing", category: .dos, severity: .low),
          T.finding("c", category: .secrets, severity: .low, source: "ward"),
        ]
      }, now: T.now)
    func ids(_ f: FindingFilter) throws -> [String] { try store.findings(filter: f).rows.map(\.id) }
    #expect(try ids(FindingFilter(categories: [.secrets])) == ["a", "c"])
    #expect(try ids(FindingFilter(function: "orders")) == ["a", "c"])
    #expect(try ids(FindingFilter(function: T.arn("billing"))) == ["b"])
    #expect(try ids(FindingFilter(severities: [.low], sources: ["ward"])) == ["c"])
    #expect(try ids(FindingFilter(text: "key in")) == ["a"])
    #expect(try ids(FindingFilter(text: "100%")) == [])
    #expect(try ids(FindingFilter(tenants: ["nobody"])) == [])
  }
}

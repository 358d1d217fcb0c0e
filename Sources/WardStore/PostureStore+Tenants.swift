import Foundation
import WardModel

extension PostureStore {
  /// Every tenant in scope with accounts, labels, function count, open findings by
  /// severity and category (from the `finding_counts` rollup; never scans findings) and the
  /// decisions that lapse within 14 days of `now` (wall clock; the expiry index).
  public func tenants(now: EpochSeconds = EpochSeconds(Date().timeIntervalSince1970)) throws
    -> [TenantSummary]
  {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        var filter = SQLFilter()
        filter.tenants("t.id", scope: scope)
        var summaries: [Int64: TenantSummary] = [:]
        var order: [Int64] = []
        for (id, summary) in try db.prepare(
          """
          SELECT t.id, t.name, t.labels,
            (SELECT COUNT(*) FROM functions f WHERE f.tenant_id = t.id)
          FROM tenants t\(filter.sql) ORDER BY t.name
          """
        ).rows(
          filter.binds,
          {
            (
              $0.int64(0),
              TenantSummary(
                name: $0.text(1), accounts: [],
                labels: JSONText.decode([String: String].self, $0.text(2), default: [:]),
                functionCount: $0.int(3), openBySeverity: [:], openByCategory: [:])
            )
          })
        {
          summaries[id] = summary
          order.append(id)
        }
        var accountFilter = SQLFilter()
        accountFilter.tenants("tenant_id", scope: scope)
        for (id, account) in try db.prepare(
          "SELECT tenant_id, account FROM accounts\(accountFilter.sql) ORDER BY account"
        ).rows(accountFilter.binds, { ($0.int64(0), $0.text(1)) }) {
          summaries[id]?.accounts.append(account)
        }
        var countFilter = SQLFilter()
        countFilter.tenants("tenant_id", scope: scope)
        countFilter.oneOf("state", TriageState.allCases.filter(\.isOpen).map { .text($0.rawValue) })
        for (id, category, severity, n) in try db.prepare(
          """
          SELECT tenant_id, category, severity, SUM(n) FROM finding_counts\(countFilter.sql)
          GROUP BY tenant_id, category, severity
          """
        ).rows(countFilter.binds, { ($0.int64(0), $0.text(1), $0.int(2), $0.int(3)) }) {
          guard let category = Category(rawValue: category) else { continue }
          let severity = Severity(rank: severity)
          summaries[id]?.openBySeverity[severity, default: 0] += n
          summaries[id]?.openByCategory[category, default: [:]][severity, default: 0] += n
        }
        var expiryFilter = SQLFilter()
        expiryFilter.tenants("tenant_id", scope: scope)
        expiryFilter.add(
          "state_until IS NOT NULL AND state_until <= ?",
          [.integer(now + TenantSummary.expiryHorizon)])
        expiryFilter.oneOf(
          "state", TriageState.allCases.filter { !$0.isOpen }.map { .text($0.rawValue) })
        for (id, n) in try db.prepare(
          "SELECT tenant_id, COUNT(*) FROM findings\(expiryFilter.sql) GROUP BY tenant_id"
        ).rows(expiryFilter.binds, { ($0.int64(0), $0.int(1)) }) {
          summaries[id]?.expiringSoon = n
        }
        return order.compactMap { summaries[$0] }
      }
    }
  }
}

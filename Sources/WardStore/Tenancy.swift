import CSQLite
import WardModel

/// Maps accounts to tenants inside a write transaction, creating tenants on demand and
/// moving rows when an account changes tenant.
///
/// Rules: an account not yet mapped gets a tenant named by the account id; a batch
/// applied with a tenant override maps all its accounts to that tenant; rows with no
/// account go to the override tenant, or to `unassigned`.
struct Tenancy {
  /// Tenant of rows with no account when no override is given.
  static let unassigned = "unassigned"

  let db: Database
  private var accountCache: [String: Int64] = [:]

  init(db: Database) { self.db = db }

  /// The id of tenant `name`, creating it (marked automatic unless `auto` is false).
  func tenantId(named name: String, auto: Bool = true) throws -> Int64 {
    if let id = try db.prepare("SELECT id FROM tenants WHERE name = ?").first(
      [.text(name)],
      {
        $0.int64(0)
      })
    {
      return id
    }
    try db.prepare("INSERT INTO tenants (name, labels, auto) VALUES (?, '{}', ?)")
      .run([.text(name), .integer(auto ? 1 : 0)])
    return sqlite3LastInsertRowid(db)
  }

  /// Creates or updates a declared tenant (from a tenants file); returns what happened.
  func declare(_ tenant: Tenant) throws -> (id: Int64, outcome: UpsertOutcome) {
    let labels = JSONText.encode(tenant.labels)
    let existing = try db.prepare("SELECT id, labels, auto FROM tenants WHERE name = ?").first(
      [.text(tenant.name)]
    ) { ($0.int64(0), $0.text(1), $0.int64(2)) }
    if let (id, oldLabels, auto) = existing {
      if oldLabels == labels && auto == 0 { return (id, .unchanged) }
      try db.prepare("UPDATE tenants SET labels = ?, auto = 0 WHERE id = ?")
        .run([.text(labels), .integer(id)])
      return (id, .updated)
    }
    try db.prepare("INSERT INTO tenants (name, labels, auto) VALUES (?, ?, 0)")
      .run([.text(tenant.name), .text(labels)])
    return (sqlite3LastInsertRowid(db), .inserted)
  }

  /// The tenant id of `account` (nil/empty: the fallback tenant), mapping an unknown
  /// account to a tenant named by the account id.
  mutating func tenantId(forAccount account: String?, fallback: String) throws -> Int64 {
    guard let account, !account.isEmpty else { return try tenantId(named: fallback) }
    if let id = accountCache[account] { return id }
    let id: Int64
    if let mapped = try db.prepare("SELECT tenant_id FROM accounts WHERE account = ?").first(
      [.text(account)], { $0.int64(0) })
    {
      id = mapped
    } else {
      id = try tenantId(named: account)
      try db.prepare("INSERT INTO accounts (account, tenant_id) VALUES (?, ?)")
        .run([.text(account), .integer(id)])
    }
    accountCache[account] = id
    return id
  }

  /// Maps `account` to `tenantId`, moving its rows if it belonged elsewhere.
  /// Returns whether the mapping is new, moved (updated) or as it was.
  @discardableResult
  mutating func assign(account: String, to tenantId: Int64) throws -> UpsertOutcome {
    guard !account.isEmpty else { return .unchanged }
    accountCache[account] = tenantId
    let current = try db.prepare("SELECT tenant_id FROM accounts WHERE account = ?").first(
      [.text(account)], { $0.int64(0) })
    if current == tenantId { return .unchanged }
    if current == nil {
      try db.prepare("INSERT INTO accounts (account, tenant_id) VALUES (?, ?)")
        .run([.text(account), .integer(tenantId)])
      return .inserted
    }
    try db.prepare("UPDATE accounts SET tenant_id = ? WHERE account = ?")
      .run([.integer(tenantId), .text(account)])
    // Move the account's rows; the finding_counts triggers follow the findings update.
    for table in ["functions", "findings", "costs", "alerts"] {
      try db.prepare("UPDATE \(table) SET tenant_id = ? WHERE account = ? AND tenant_id <> ?")
        .run([.integer(tenantId), .text(account), .integer(tenantId)])
    }
    try removeEmptyAutomaticTenants()
    return .updated
  }

  /// Deletes tenants Ward created that no account or row refers to any more.
  func removeEmptyAutomaticTenants() throws {
    try db.prepare(
      """
      DELETE FROM tenants WHERE auto = 1
        AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.tenant_id = tenants.id)
        AND NOT EXISTS (SELECT 1 FROM functions f WHERE f.tenant_id = tenants.id)
        AND NOT EXISTS (SELECT 1 FROM findings x WHERE x.tenant_id = tenants.id)
        AND NOT EXISTS (SELECT 1 FROM costs c WHERE c.tenant_id = tenants.id)
        AND NOT EXISTS (SELECT 1 FROM alerts l WHERE l.tenant_id = tenants.id)
      """
    ).run()
  }
}

func sqlite3LastInsertRowid(_ db: Database) -> Int64 { sqlite3_last_insert_rowid(db.handle) }

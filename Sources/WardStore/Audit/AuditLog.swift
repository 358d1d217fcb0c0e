import WardModel

/// Who made a change, as recorded on an audit event.
struct AuditActor: Sendable, Hashable {
  var name: String
  var address: String?
  var keyFingerprint: String?
  var source: AuditSource

  init(_ op: Operator, source: AuditSource) {
    name = op.name
    address = op.address
    keyFingerprint = op.keyFingerprint
    self.source = source
  }

  /// The store acting on its own (`import`, `scan`, `expiry`).
  init(system name: String, source: AuditSource) {
    self.name = name
    self.source = source
  }
}

/// Appends to and reads the hash-chained `audit_events` table. Every append runs inside the
/// caller's write transaction and moves `audit_head` in the same transaction.
struct AuditLog {
  let db: Database

  static let columns = """
    seq, kind, finding_id, from_state, to_state, reason, note, until_at, operator, address,
    key_fingerprint, source, at, undoes, prev_hash, hash, batch, rule_id, policy_sha256
    """

  /// The recorded head (seq 0 and zeros for an empty log).
  func head() throws -> AuditHead {
    try db.prepare("SELECT seq, hash FROM audit_head WHERE id = 1").first {
      AuditHead(seq: $0.int64(0), hash: $0.text(1))
    } ?? AuditHead(seq: 0, hash: AuditHash.zero)
  }

  /// Appends one event after the head; returns it with seq and hashes filled in.
  @discardableResult
  func append(
    kind: AuditKind, findingId: String, from: TriageState?, to: TriageState, reason: String?,
    note: String?, until: EpochSeconds?, actor: AuditActor, at: EpochSeconds,
    undoes: Int64? = nil, batch: String? = nil, rule: PolicyStamp? = nil
  ) throws -> AuditEvent {
    let head = try head()
    var event = AuditEvent(
      seq: head.seq + 1, kind: kind, findingId: findingId, from: from, to: to, reason: reason,
      note: note, until: until, operatorName: actor.name, address: actor.address,
      keyFingerprint: actor.keyFingerprint, source: actor.source, at: at, undoes: undoes,
      prevHash: head.hash, hash: "", batch: batch, rule: rule?.ruleId,
      policySHA256: rule?.policySHA256)
    event.hash = AuditHash.hash(event)
    var values: [SQLValue] = [
      .integer(event.seq), .text(kind.rawValue), .text(findingId), SQLValue(from?.rawValue),
      .text(to.rawValue), SQLValue(reason), SQLValue(note), SQLValue(until),
      .text(actor.name), SQLValue(actor.address), SQLValue(actor.keyFingerprint),
      .text(actor.source.rawValue), .integer(at), SQLValue(undoes), .text(event.prevHash),
      .text(event.hash),
    ]
    // The batch and policy columns are named only when set: migration 2 appends through
    // here before the migrations that added them.
    var columns = Self.columns.replacingOccurrences(
      of: ", batch, rule_id, policy_sha256", with: "")
    if let batch {
      columns += ", batch"
      values.append(.text(batch))
    }
    if let rule {
      columns += ", rule_id, policy_sha256"
      values += [.text(rule.ruleId), .text(rule.policySHA256)]
    }
    let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
    try db.prepare("INSERT INTO audit_events (\(columns)) VALUES (\(marks))").run(values)
    try db.prepare(
      """
      INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)
      ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
      """
    ).run([.integer(event.seq), .text(event.hash)])
    return event
  }

  /// Decodes a row selected with `columns`, in that order.
  static func decode(_ s: Statement) -> AuditEvent {
    AuditEvent(
      seq: s.int64(0), kind: AuditKind(rawValue: s.text(1)) ?? .state, findingId: s.text(2),
      from: s.optionalText(3).flatMap(TriageState.init(rawValue:)),
      to: TriageState(rawValue: s.text(4)) ?? .new, reason: s.optionalText(5),
      note: s.optionalText(6), until: s.optionalInt64(7), operatorName: s.text(8),
      address: s.optionalText(9), keyFingerprint: s.optionalText(10),
      source: AuditSource(rawValue: s.text(11)) ?? .cli, at: s.int64(12),
      undoes: s.optionalInt64(13), prevHash: s.text(14), hash: s.text(15),
      batch: s.optionalText(16), rule: s.optionalText(17), policySHA256: s.optionalText(18))
  }

  /// Events matching `filter`, oldest first, after seq `after`, at most `limit`.
  func events(
    _ filter: AuditFilter, scope: StoreScope = .all, after: Int64 = 0, limit: Int = .max
  ) throws -> [AuditEvent] {
    var where_ = SQLFilter()
    if scope.tenants != nil {
      var inScope = SQLFilter()
      inScope.tenants("tenant_id", scope: scope)
      where_.add("finding_id IN (SELECT id FROM findings\(inScope.sql))", inScope.binds)
    }
    where_.add("seq > ?", [.integer(after)])
    if let id = filter.findingId { where_.add("finding_id = ?", [.text(id)]) }
    if let name = filter.operatorName { where_.add("operator = ?", [.text(name)]) }
    if let since = filter.since { where_.add("at >= ?", [.integer(since)]) }
    if let source = filter.source { where_.add("source = ?", [.text(source.rawValue)]) }
    return try db.prepare(
      "SELECT \(Self.columns) FROM audit_events\(where_.sql) ORDER BY seq LIMIT ?"
    ).rows(where_.binds + [.integer(Int64(min(limit, Int(Int64.max))))], Self.decode)
  }
}

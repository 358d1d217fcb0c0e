import WardModel
import WardStore

/// How each record of a pack is written as one JSON line (chain.jsonl, decisions.jsonl,
/// findings.jsonl) and read back.
enum PackLines {
  /// A chain event with every field the hash covers, in the hash's order, times as epoch
  /// seconds (as hashed), then its hash.
  static func chain(_ link: EvidenceLink) -> [UInt8] {
    switch link {
    case .redacted(let seq, let prevHash, let hash):
      return JSONLine.render([
        ("seq", .int(seq)), ("redacted", .bool(true)), ("prev_hash", .string(prevHash)),
        ("hash", .string(hash)),
      ])
    case .event(let e):
      return JSONLine.render([
        ("seq", .int(e.seq)), ("kind", .string(e.kind.rawValue)), ("finding", .string(e.findingId)),
        ("from", text(e.from?.rawValue)), ("to", .string(e.to.rawValue)),
        ("reason", text(e.reason)),
        ("note", text(e.note)), ("until", int(e.until)), ("operator", .string(e.operatorName)),
        ("address", text(e.address)), ("key", text(e.keyFingerprint)),
        ("source", .string(e.source.rawValue)), ("at", .int(e.at)), ("undoes", int(e.undoes)),
        ("prev_hash", .string(e.prevHash)), ("batch", text(e.batch)), ("rule", text(e.rule)),
        ("policy_sha256", text(e.policySHA256)), ("hash", .string(e.hash)),
      ])
    }
  }

  /// A decision for a reader: who (operator, SSH address and key), what, why, with times
  /// in ISO 8601 UTC.
  static func decision(_ e: AuditEvent) -> [UInt8] {
    JSONLine.render(decisionFields(e))
  }

  static func decisionFields(_ e: AuditEvent) -> [(String, JSONScalar)] {
    [
      ("seq", .int(e.seq)), ("at", .string(UTC.iso8601(e.at))), ("finding", .string(e.findingId)),
      ("kind", .string(e.kind.rawValue)), ("from", text(e.from?.rawValue)),
      ("to", .string(e.to.rawValue)), ("operator", .string(e.operatorName)),
      ("address", text(e.address)), ("key", text(e.keyFingerprint)),
      ("source", .string(e.source.rawValue)), ("reason", text(e.reason)), ("note", text(e.note)),
      ("until", text(e.until.map(UTC.iso8601))), ("rule", text(e.rule)),
      ("policy_sha256", text(e.policySHA256)), ("batch", text(e.batch)),
      ("undoes", int(e.undoes)), ("hash", .string(e.hash)),
    ]
  }

  /// A finding with its current state, version and the seq of the event that set it.
  static func finding(_ f: EvidenceFinding, tenant: String) -> [UInt8] {
    JSONLine.render([
      ("id", .string(f.id)), ("tenant", .string(tenant)), ("account", text(f.account)),
      ("region", text(f.region)), ("function_arn", text(f.functionArn)),
      ("resource", .string(f.resource)), ("category", .string(f.category)),
      ("severity", .string(f.severity.rawValue)), ("title", .string(f.title)),
      ("source", .string(f.source)), ("rule", .string(f.ruleId)),
      ("first_seen", .string(UTC.iso8601(f.firstSeen))),
      ("last_seen", .string(UTC.iso8601(f.lastSeen))), ("state", .string(f.triage.state.rawValue)),
      ("reason", text(f.triage.reason)), ("note", text(f.triage.note)),
      ("until", text(f.triage.until.map(UTC.iso8601))), ("state_by", text(f.triage.by)),
      ("state_at", text(f.triage.at.map(UTC.iso8601))), ("version", .int(f.triage.version)),
      ("state_seq", int(f.stateSeq)),
    ])
  }

  static func text(_ s: String?) -> JSONScalar { s.map { .string($0) } ?? .null }
  static func int(_ i: Int64?) -> JSONScalar { i.map { .int($0) } ?? .null }
}

/// A line of chain.jsonl as read back.
struct ChainLine: Decodable {
  var seq: Int64
  var redacted: Bool?
  var kind: String?
  var finding: String?
  var from: String?
  var to: String?
  var reason: String?
  var note: String?
  var until: Int64?
  var operatorName: String?
  var address: String?
  var key: String?
  var source: String?
  var at: Int64?
  var undoes: Int64?
  var prevHash: String
  var batch: String?
  var rule: String?
  var policySHA256: String?
  var hash: String

  enum CodingKeys: String, CodingKey {
    case seq, redacted, kind, finding, from, to, reason, note, until, address, key, source, at
    case undoes, batch, rule, hash
    case operatorName = "operator"
    case prevHash = "prev_hash"
    case policySHA256 = "policy_sha256"
  }

  /// The event, or why this line is not one (a field missing or not a known value).
  func event() -> Result<AuditEvent, PackLineError> {
    func need<T>(_ value: T?, _ name: String) -> Result<T, PackLineError> {
      value.map { .success($0) } ?? .failure(PackLineError("has no \(name)"))
    }
    do throws(PackLineError) {
      let kindText = try need(kind, "kind").get()
      guard let kind = AuditKind(rawValue: kindText) else {
        return .failure(PackLineError("unknown kind \(kindText)"))
      }
      let toText = try need(to, "to").get()
      guard let to = TriageState(rawValue: toText) else {
        return .failure(PackLineError("unknown state \(toText)"))
      }
      var fromState: TriageState?
      if let from {
        guard let s = TriageState(rawValue: from) else {
          return .failure(PackLineError("unknown state \(from)"))
        }
        fromState = s
      }
      let sourceText = try need(source, "source").get()
      guard let source = AuditSource(rawValue: sourceText) else {
        return .failure(PackLineError("unknown source \(sourceText)"))
      }
      return .success(
        AuditEvent(
          seq: seq, kind: kind, findingId: try need(finding, "finding").get(), from: fromState,
          to: to, reason: reason, note: note, until: until,
          operatorName: try need(operatorName, "operator").get(), address: address,
          keyFingerprint: key, source: source, at: try need(at, "at").get(), undoes: undoes,
          prevHash: prevHash, hash: hash, batch: batch, rule: rule, policySHA256: policySHA256))
    } catch {
      return .failure(error)
    }
  }
}

/// A line of findings.jsonl as read back (the fields the checks use).
struct FindingLine: Decodable {
  var id: String
  var tenant: String
  var state: String
  var version: Int64
  var stateSeq: Int64?

  enum CodingKeys: String, CodingKey {
    case id, tenant, state, version
    case stateSeq = "state_seq"
  }
}

/// What is wrong with one line.
struct PackLineError: Error {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}

import ArgumentParser
import Foundation
import WardModel
import WardStore

extension AuditSource: ExpressibleByArgument {}

/// `ward audit`: read and check the tamper-evident audit trail.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Print, verify and anchor the hash-chained audit trail (see docs/audit.md).",
    subcommands: [AuditLogCommand.self, AuditVerifyCommand.self, AuditHeadCommand.self])
}

/// `ward audit log`: the events, oldest first.
struct AuditLogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log", abstract: "Print audit events, oldest first.")

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var formatOptions: FormatOptions
  @Option(help: "Only this finding.") var finding: String?
  @Option(name: .customLong("operator"), help: "Only this operator.") var operatorName: String?
  @Option(help: "Only events at or after this date (YYYY-MM-DD or ISO 8601).") var since: String?
  @Option(help: "Only this source: console, cli, scan, import, open, policy.")
  var source: AuditSource?

  func run() throws {
    let store = try readStore(storeOptions)
    var sinceTime: EpochSeconds?
    if let since {
      guard let t = UTC.parse(since) else {
        throw ValidationError("--since: expected YYYY-MM-DD, got \(since)")
      }
      sinceTime = t
    }
    let filter = AuditFilter(
      findingId: finding, operatorName: operatorName, since: sinceTime, source: source)
    var records: [Record] = []
    var after: Int64 = 0
    while true {
      let page = try store.auditLog(filter: filter, after: after, limit: 1000)
      records += page.map(auditRecord)
      guard let last = page.last, page.count == 1000 else { break }
      after = last.seq
    }
    printRecords(
      records, keys: auditKeys, format: formatOptions.format,
      tableColumns: [
        "seq", "at", "operator", "source", "finding", "from", "to", "reason", "note", "rule",
      ])
  }
}

let auditKeys = [
  "seq", "kind", "finding", "from", "to", "reason", "note", "until", "operator", "address", "key",
  "source", "at", "undoes", "prev_hash", "hash", "batch", "rule", "policy_sha256",
]

func auditRecord(_ e: AuditEvent) -> Record {
  // A session or evidence event names no finding and no state.
  let isSession = e.kind == .session || e.kind == .evidence
  return Record([
    ("seq", .int(e.seq)), ("kind", .string(e.kind.rawValue)),
    ("finding", .string(isSession ? nil : e.findingId)),
    ("from", .string(e.from?.rawValue)), ("to", .string(isSession ? nil : e.to.rawValue)),
    ("reason", .string(e.reason)), ("note", .string(e.note)),
    ("until", .string(e.until.map(UTC.iso8601))), ("operator", .string(e.operatorName)),
    ("address", .string(e.address)), ("key", .string(e.keyFingerprint)),
    ("source", .string(e.source.rawValue)), ("at", .string(UTC.iso8601(e.at))),
    ("undoes", .int(e.undoes)), ("prev_hash", .string(e.prevHash)), ("hash", .string(e.hash)),
    ("batch", .string(e.batch)), ("rule", .string(e.rule)),
    ("policy_sha256", .string(e.policySHA256)),
  ])
}

/// `ward audit verify`: checks the chain, a recorded head and the findings' states; exits 1
/// naming the first bad event and every finding whose state no event explains.
struct AuditVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check the audit chain, that it extends a recorded head, and the findings' states.",
    discussion: """
      Checks: seqs from 1 without gaps, every link and hash, the end against audit_head, no \
      event more than 300 s earlier than the one before it (back-dating), and that every \
      finding's state is the replay of its events. --head SEQ:HASH (as `ward audit head` \
      prints it, `SEQ HASH` or a bare HASH also accepted) also checks that event SEQ still \
      has HASH and says how many events were appended after it.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "A head recorded earlier with `ward audit head`: SEQ:HASH (or a bare HASH).")
  var head: String?
  @Flag(help: "With --head: fail if any event was appended after the recorded head.")
  var noAppends = false

  func validate() throws {
    if noAppends && head == nil { throw ValidationError("--no-appends needs --head SEQ:HASH") }
    if let head, AuditHead(parsing: head) == nil, !Self.isHash(head) {
      throw ValidationError("--head: expected SEQ:HASH (64 hex digits), got \(head)")
    }
    if noAppends, let head, AuditHead(parsing: head) == nil {
      throw ValidationError("--no-appends needs the head's seq: --head SEQ:HASH")
    }
  }

  static func isHash(_ s: String) -> Bool { s.count == 64 && s.allSatisfy(\.isHexDigit) }

  func run() throws {
    let store = try readStore(storeOptions)
    let recorded = head.flatMap(AuditHead.init(parsing:))
    let result =
      try recorded.map { try store.verifyAudit(recorded: $0) } ?? store.verifyAudit(head: head)
    if let problem = result.problem {
      printError("audit chain broken at event #\(problem.seq): \(problem.reason)")
      throw ExitCode.failure
    }
    for mismatch in result.stateMismatches { printError(mismatch.description) }
    if result.stateMismatchCount > Int64(result.stateMismatches.count) {
      printError("... \(result.stateMismatchCount - Int64(result.stateMismatches.count)) more")
    }
    if result.stateMismatchCount > 0 {
      printError(
        "\(result.stateMismatchCount) findings have a state no audit event explains "
          + "(findings edited outside Ward)")
      throw ExitCode.failure
    }
    var line =
      "audit chain intact: \(result.eventCount) events, head #\(result.head.seq) "
      + "\(result.head.hash); every finding's state matches its events"
    if let recorded, let appended = result.appendedAfterRecorded {
      line += "; extends #\(recorded.seq)"
      line += appended == 0 ? ", nothing appended since" : ", \(appended) events appended since"
    } else if let head {
      line += "; extends \(head)"
    }
    printLine(line)
    if noAppends, let appended = result.appendedAfterRecorded, appended > 0 {
      printError(
        "\(appended) events were appended after the recorded head #\(recorded?.seq ?? 0) "
          + "(#\((recorded?.seq ?? 0) + 1)…#\(result.head.seq)); --no-appends refuses them")
      throw ExitCode.failure
    }
  }
}

/// `ward audit head`: the current head, to record somewhere else.
struct AuditHeadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "head", abstract: "Print the current head of the audit chain: SEQ HASH.",
    discussion: """
      --json prints one object: seq, hash, head (SEQ:HASH, the form `ward audit verify \
      --head` reads), at (the head event's time, null for an empty log) and events (rows \
      in the log). Keep it off this host; later `ward audit verify --head SEQ:HASH` shows \
      whether the chain still passes through it.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Flag(help: "Print the head as one JSON object: seq, hash, head, at, events.") var json = false

  func run() throws {
    let store = try readStore(storeOptions)
    guard json else {
      let head = try store.auditHead()
      printLine("\(head.seq) \(head.hash)")
      return
    }
    let info = try store.auditHeadInfo()
    let at = info.at.map { "\"\(UTC.iso8601($0))\"" } ?? "null"
    printLine(
      "{\"seq\":\(info.head.seq),\"hash\":\"\(info.head.hash)\",\"head\":\"\(info.head)\","
        + "\"at\":\(at),\"events\":\(info.eventCount)}")
  }
}

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
  @Option(help: "Only this source: console, cli, scan, import, open.") var source: AuditSource?

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
      tableColumns: ["seq", "at", "operator", "source", "finding", "from", "to", "reason", "note"])
  }
}

let auditKeys = [
  "seq", "kind", "finding", "from", "to", "reason", "note", "until", "operator", "address", "key",
  "source", "at", "undoes", "prev_hash", "hash",
]

func auditRecord(_ e: AuditEvent) -> Record {
  // A session event names no finding and no state.
  let isSession = e.kind == .session
  return Record([
    ("seq", .int(e.seq)), ("kind", .string(e.kind.rawValue)),
    ("finding", .string(isSession ? nil : e.findingId)),
    ("from", .string(e.from?.rawValue)), ("to", .string(isSession ? nil : e.to.rawValue)),
    ("reason", .string(e.reason)), ("note", .string(e.note)),
    ("until", .string(e.until.map(UTC.iso8601))), ("operator", .string(e.operatorName)),
    ("address", .string(e.address)), ("key", .string(e.keyFingerprint)),
    ("source", .string(e.source.rawValue)), ("at", .string(UTC.iso8601(e.at))),
    ("undoes", .int(e.undoes)), ("prev_hash", .string(e.prevHash)), ("hash", .string(e.hash)),
  ])
}

/// `ward audit verify`: checks the whole chain; exits 1 naming the first bad event.
struct AuditVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check the whole audit chain (and, with --head, that it extends a recorded head).")

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "A head hash recorded earlier (`ward audit head`); the log must still contain it.")
  var head: String?

  func run() throws {
    let store = try readStore(storeOptions)
    let expected = head.map { h in
      // Accept `SEQ HASH` or `SEQ:HASH` as `ward audit head` prints it.
      String(h.split(whereSeparator: { $0 == " " || $0 == ":" }).last ?? Substring(h))
    }
    let result = try store.verifyAudit(head: expected)
    if let problem = result.problem {
      printError("audit chain broken at event #\(problem.seq): \(problem.reason)")
      throw ExitCode.failure
    }
    print(
      "audit chain intact: \(result.eventCount) events, head #\(result.head.seq) "
        + "\(result.head.hash)" + (expected.map { "; extends \($0)" } ?? ""))
  }
}

/// `ward audit head`: the current head, to record somewhere else.
struct AuditHeadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "head", abstract: "Print the current head of the audit chain: SEQ HASH.")

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let head = try readStore(storeOptions).auditHead()
    print("\(head.seq) \(head.hash)")
  }
}

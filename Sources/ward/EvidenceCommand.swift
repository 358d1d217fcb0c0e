import ArgumentParser
import Foundation
import WardEvidence
import WardModel
import WardStore

/// `ward evidence`: write a tenant's evidence pack for a period, or check one offline.
struct EvidenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evidence",
    abstract: "Write a tenant's evidence pack for a period (.tar.gz), or verify one offline.",
    discussion: """
      `ward evidence --tenant T --from YYYY-MM-DD --to YYYY-MM-DD OUT.tar.gz` writes the \
      tenant's findings in the period with their states, every decision on them in the \
      period, the audit-chain slice that records them (other tenants' events redacted to \
      their seq and hashes), the chain's heads and a SHA-256 manifest; writing it is \
      recorded in the audit chain. `ward evidence verify OUT.tar.gz` checks a pack without \
      the store. docs/audit.md ("Evidence packs") has the files and the checks.
      """,
    subcommands: [EvidenceWriteCommand.self, EvidenceVerifyCommand.self],
    defaultSubcommand: EvidenceWriteCommand.self)
}

/// `ward evidence [write]`: reads the pack's content from the store (the caller's scope),
/// writes the archive and records the writing in the audit chain; on any failure nothing
/// is written and nothing recorded.
struct EvidenceWriteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "write",
    abstract: "Write a tenant's evidence pack for a period of whole UTC days.",
    discussion: """
      Findings: the tenant's findings first seen on or before the last day and last seen \
      on or after the first day, or with an audit event in the period. Decisions: every \
      audit event on those findings in the period. OUT is a path (relative to the current \
      directory) or - for standard output (the only form over SSH). The pack is recorded \
      as an audit event of kind evidence whose note names the tenant, the period, the \
      counts and the SHA-256 of the pack's MANIFEST.sha256.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "The tenant the pack is for.") var tenant: String
  @Option(help: "First day of the period (YYYY-MM-DD, UTC).") var from: String
  @Option(help: "Last day of the period (YYYY-MM-DD, UTC), included.") var to: String
  @Option(
    name: .customLong("operator"),
    help: "Who writes the pack (default: $WARD_OPERATOR, else the login user).")
  var operatorName: String?
  @Argument(help: "The pack to write: OUT.tar.gz, or - for standard output.") var output: String

  func validate() throws {
    _ = try period()
    if tenant.isEmpty { throw ValidationError("--tenant: give a tenant name") }
  }

  /// The period from --from and --to: 00:00 UTC of the first day to 00:00 UTC of the day
  /// after the last.
  func period() throws -> EvidencePeriod {
    let start = try Self.day(from, option: "from")
    let last = try Self.day(to, option: "to")
    guard start <= last else {
      throw ValidationError("--to \(to) is before --from \(from)")
    }
    return EvidencePeriod(start: start, end: last + UTC.day)
  }

  /// 00:00 UTC of a `YYYY-MM-DD` day, or a clear error naming the option.
  static func day(_ text: String, option: String) throws -> EpochSeconds {
    let isDayForm =
      text.utf8.count == 10
      && text.enumerated().allSatisfy { i, c in
        i == 4 || i == 7 ? c == "-" : c.isASCII && c.isNumber
      }
    guard isDayForm, let t = UTC.parse(text), UTC.date(t) == text else {
      throw ValidationError("--\(option): expected a day as YYYY-MM-DD (UTC), got \(text)")
    }
    return t
  }

  func run() throws {
    let toStdout = output == "-"
    if CallerSession.current != nil, !toStdout {
      throw CommandFailure(
        "over SSH the pack goes to standard output: give - as OUT and redirect it "
          + "(ssh HOST ward evidence ... - > pack.tar.gz)")
    }
    if toStdout, isatty(STDOUT_FILENO) == 1 {
      throw CommandFailure("standard output is a terminal: redirect it to a file, or give OUT")
    }
    let period = try period()
    let now = EpochSeconds(Date().timeIntervalSince1970)
    let actor = OperatorIdentity.current(option: operatorName)
    let store = try scopedForCaller(try openStore(storeOptions.path, mode: .readWrite))
    do {
      let content = try store.evidence(tenant: tenant, period: period)
      let pack = try PackWriter.pack(
        content, fromDay: from, toDay: to, author: PackWriter.Author(actor: actor, at: now))
      let event: AuditEvent
      if toStdout {
        event = try store.recordEvidence(pack.record, by: actor, now: now)
        FileHandle.standardOutput.write(Data(pack.archive))
      } else {
        event = try PackFile.write(pack.archive, to: output) {
          try store.recordEvidence(pack.record, by: actor, now: now)
        }
      }
      printError(
        "wrote \(toStdout ? "the evidence pack" : output): tenant \(tenant), \(from)…\(to): "
          + "\(content.findings.count) findings, \(content.decisions.count) decisions, "
          + "chain \(Self.slice(content)); recorded as audit event #\(event.seq)")
    } catch let error as StoreError {
      throw CommandFailure(error.description)
    } catch let error as ArchiveError {
      throw CommandFailure("cannot build the pack: \(error)")
    }
  }

  static func slice(_ content: EvidenceContent) -> String {
    guard let first = content.chain.first, let last = content.chain.last else {
      return "slice empty (no decisions)"
    }
    return "#\(first.seq)–#\(last.seq)"
  }
}

/// Writes a pack next to its final path and moves it into place (rename(2), which replaces
/// an existing file atomically) only after `commit` succeeds, so a refusal or failure
/// leaves no file behind. A folder at the path is refused before anything is done.
enum PackFile {
  static func write<T>(_ bytes: [UInt8], to path: String, commit: () throws -> T) throws -> T {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw CommandFailure("cannot write \(path): it is a folder; give a file name")
    }
    let url = URL(fileURLWithPath: path)
    let temp = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(getpid()).partial")
    do {
      try Data(bytes).write(to: temp, options: .withoutOverwriting)
    } catch {
      throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
    }
    let result: T
    do {
      result = try commit()
    } catch {
      try? FileManager.default.removeItem(at: temp)
      throw error
    }
    guard rename(temp.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      throw CommandFailure(
        "the pack was recorded in the audit chain but could not be moved to \(path) "
          + "(\(reason)); it is at \(temp.path)")
    }
    return result
  }
}

/// `ward evidence verify`: checks a pack offline; exits 0 with a summary, or 1 naming each
/// problem's file, place and reason.
struct EvidenceVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check an evidence pack offline: manifest, chain slice, heads, decisions, states.",
    discussion: """
      No store is opened. Checks every SHA-256 in MANIFEST.sha256; that the chain slice \
      is numbered without gaps from head_before to head_after, that every link holds and \
      every whole event hashes to its hash; that decisions.jsonl is exactly the slice's \
      events in the period; and that each finding's state is its latest state event's.
      """)

  @Argument(help: "The pack (.tar.gz).") var pack: String

  func run() throws {
    if CallerSession.current != nil {
      throw CommandFailure("`ward evidence verify` reads a local file: run it where the pack is")
    }
    guard let data = FileManager.default.contents(atPath: pack) else {
      throw CommandFailure("cannot read \(pack): no such file, or not readable")
    }
    let result = PackVerifier.verify(Array(data))
    guard result.isGood else {
      for problem in result.problems { printError("\(pack): \(problem)") }
      if result.problems.count >= PackVerifier.problemLimit {
        printError("\(pack): stopped after \(PackVerifier.problemLimit) problems")
      }
      printError("\(pack): evidence pack NOT verified (\(result.problems.count) problems)")
      throw ExitCode.failure
    }
    let chain =
      result.chainCount == 0
      ? "chain slice empty (no decisions)"
      : "chain #\(result.headBefore.seq + 1)–#\(result.headAfter.seq) (\(result.chainCount) "
        + "events, \(result.redactedCount) redacted) intact from head_before "
        + "\(result.headBefore.seq):\(result.headBefore.hash.prefix(16))… to head_after "
        + "\(result.headAfter.seq):\(result.headAfter.hash.prefix(16))…"
    printLine(
      "evidence pack verified: tenant \(result.tenant), \(result.fromDay)…\(result.toDay): "
        + "\(result.findingCount) findings, \(result.decisionCount) decisions, \(chain); "
        + "store head \(result.storeHead.seq):\(result.storeHead.hash)")
  }
}

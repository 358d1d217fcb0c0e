import ArgumentParser
import Foundation
import WardModel
import WardStore
import WardUI

extension TriageState: ExpressibleByArgument {}

/// `ward triage`: set the triage state of findings by id or by filter, add notes, undo.
struct TriageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "triage",
    abstract: "Set the triage state of findings (by id or by filter), add a note, or undo.",
    discussion: """
      States: \(TriageState.allCases.map(\.rawValue).joined(separator: ", ")).
      resolved, false-positive, risk-accepted and suppressed need --reason; risk-accepted \
      also needs --until, and the other closed states may have it (the decision ends at 00:00 \
      UTC that day and the finding reopens as new).

      Ids may carry the version you saw (`ID@VERSION`, as `ward findings` prints it): the \
      change is refused if someone changed the finding since. A plain ID uses the current \
      version. With filters instead of ids, every matching finding is changed in one \
      transaction, each against the version read when the filter ran; changed ones are \
      reported as conflicts. Refused with no ids and no filter.

      --note without --state adds a note (any state, no version check). --undo undoes your \
      last triage action as a whole (every finding of that batch, as the console's `u` \
      does), as new audit events in one new batch; if anyone changed one of its findings \
      since, nothing is undone. Undoing more than one finding asks `y/N` on a terminal \
      and needs --yes otherwise.

      The operator is --operator, else $WARD_OPERATOR, else the login user; under SSH the \
      client address and key fingerprint are recorded too. Exit status: 0 when every change \
      was applied, 1 when any was refused (conflict, unknown id) or the request is invalid.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "The new state.") var state: TriageState?
  @Option(help: "Why (required for resolved, false-positive, risk-accepted, suppressed).")
  var reason: String?
  @Option(help: "A note to record with the change (or alone, to add a note).") var note: String?
  @Option(help: "When a closed decision lapses: YYYY-MM-DD (or an ISO 8601 time).")
  var until: String?
  @Option(
    name: .customLong("operator"),
    help: "Who is triaging (default: $WARD_OPERATOR, else the login user).")
  var operatorName: String?
  @Flag(help: "Undo your last triage action, every finding of it (new audit events).")
  var undo = false
  @Flag(help: "With --undo: undo more than one finding without asking.") var yes = false
  @OptionGroup var filters: TriageFilterOptions
  @Option(
    help: ArgumentHelp(
      "Run the operations in FILE, one per line: `STATE ID [REASON]` or `note ID TEXT`; each reads the current version, then applies it (conflicts are reported, not fatal).",
      visibility: .hidden))
  var repeatFrom: String?
  @Argument(help: "Finding ids, optionally as ID@VERSION.") var ids: [String] = []

  func validate() throws {
    if undo {
      guard state == nil, ids.isEmpty, filters.isEmpty, repeatFrom == nil else {
        throw ValidationError("--undo takes no state, ids or filters")
      }
      return
    }
    if repeatFrom != nil { return }
    guard state != nil || note != nil else { throw ValidationError("give --state or --note") }
    if ids.isEmpty && filters.isEmpty { throw ValidationError("give ids or a filter") }
    if !ids.isEmpty && !filters.isEmpty {
      throw ValidationError("give ids or a filter, not both")
    }
  }

  func run() throws {
    let now = EpochSeconds(Date().timeIntervalSince1970)
    let actor = OperatorIdentity.current(option: operatorName)
    let store = try scopedForCaller(try openStore(storeOptions.path, mode: .readWrite))
    do {
      if undo {
        try undoLastBatch(store, actor: actor, now: now)
        return
      }
      if let repeatFrom {
        try TriageScript(store: store, actor: actor, until: try expiry(now: now))
          .run(path: repeatFrom)
        return
      }
      guard let state else {
        try addNotes(store, actor: actor, now: now)
        return
      }
      let targets = try resolveTargets(store)
      let results = try store.setState(
        targets, to: state, reason: reason, note: note, until: try expiry(now: now), by: actor,
        source: .cli, now: now)
      try report(results, state: state)
    } catch let error as StoreError {
      throw CommandFailure(error.description)
    }
  }

  /// `--undo`: the operator's last batch as a whole, confirmed when it is more than one
  /// finding (a `y/N` question on a terminal, `--yes` otherwise).
  private func undoLastBatch(_ store: PostureStore, actor: Operator, now: EpochSeconds) throws {
    guard let last = try store.lastTriageBatch(by: actor) else {
      throw CommandFailure("\(actor.name) has no triage to undo")
    }
    if last.count > 1 && !yes {
      let question =
        "Undo your last triage of \(ExactCount.text(last.count)) findings (set to "
        + "\(last.state.rawValue))?"
      guard isatty(STDIN_FILENO) == 1 else {
        throw CommandFailure(question + " Give --yes to undo them all (nothing was undone)")
      }
      FileHandle.standardError.write(Data((question + " y/N ").utf8))
      let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
      guard answer == "y" || answer == "yes" else {
        throw CommandFailure("nothing undone")
      }
    }
    let results = try store.undoLastBatch(by: actor, source: .cli, now: now)
    for r in results {
      printLine(
        "undid #\(r.undoneSeq): \(r.findingId) \(r.event.from?.rawValue ?? "?") -> "
          + "\(r.event.to.rawValue) (event #\(r.event.seq), version \(r.version))")
    }
    if results.count > 1, let first = results.first, let lastEvent = results.last {
      printLine(
        "undid \(ExactCount.text(results.count)) findings of your last triage (events "
          + "#\(first.event.seq)–#\(lastEvent.event.seq)\(first.event.batch.map { ", batch " + $0 } ?? ""))"
      )
    }
  }

  /// Ids (with their versions) or the findings matching the filter.
  private func resolveTargets(_ store: PostureStore) throws -> [TriageTarget] {
    if !ids.isEmpty {
      return try ids.map { raw in
        let parts = raw.split(separator: "@", maxSplits: 1).map(String.init)
        if parts.count == 2 {
          guard let version = Int64(parts[1]) else {
            throw CommandFailure("bad version in \(raw): expected ID@VERSION")
          }
          return TriageTarget(findingId: parts[0], expectedVersion: version)
        }
        // No version given: the current one (unknown ids get version 0 and are reported).
        let version = try store.finding(id: raw)?.triage.version ?? 0
        return TriageTarget(findingId: raw, expectedVersion: version)
      }
    }
    let filter = try filters.filter()
    let rows = try allPages(limit: nil) { try store.findings(filter: filter, after: $0, limit: $1) }
    if rows.isEmpty { throw CommandFailure("no findings match the filter") }
    return rows.map { TriageTarget(findingId: $0.id, expectedVersion: $0.version) }
  }

  private func addNotes(_ store: PostureStore, actor: Operator, now: EpochSeconds) throws {
    guard let note else { return }
    let targets = try resolveTargets(store)
    for t in targets {
      let event = try store.addNote(
        findingId: t.findingId, note: note, by: actor, source: .cli, now: now)
      printLine("noted  \(t.findingId) (event #\(event.seq))")
    }
  }

  /// Prints one line per finding and a summary; fails when anything was refused.
  private func report(_ results: [TriageResult], state: TriageState) throws {
    var applied = 0
    var refused: [String] = []
    for r in results {
      switch r.outcome {
      case .applied(let version, let seq):
        applied += 1
        printLine(
          "applied   \(r.findingId) -> \(state.rawValue) (version \(version), event #\(seq))")
      case .conflict(let c):
        refused.append("conflict  \(c.description)")
      case .notFound:
        refused.append("unknown   no finding \(r.findingId) (or it is outside your tenant scope)")
      }
    }
    for line in refused { printError(line) }
    if results.count > 1 || !refused.isEmpty {
      let conflicts = results.filter { if case .conflict = $0.outcome { true } else { false } }
      printLine(
        "\(applied) applied, \(conflicts.count) conflicts, "
          + "\(refused.count - conflicts.count) unknown, of \(results.count)")
    }
    if !refused.isEmpty { throw ExitCode.failure }
  }

  private func expiry(now: EpochSeconds) throws -> EpochSeconds? {
    guard let until else { return nil }
    guard let t = UTC.parse(until) else {
      throw CommandFailure("--until: expected YYYY-MM-DD, got \(until)")
    }
    return t
  }
}

/// The triage filters: the `findings` filters with `--in-state` for the current state
/// (`--state` is the new state).
struct TriageFilterOptions: ParsableArguments {
  @OptionGroup var select: FindingSelectOptions
  @Option(help: ArgumentHelp("Only findings now in these triage states: " + stateOptionHelp))
  var inState: [String] = []

  func filter() throws -> FindingFilter { try select.filter(states: inState, option: "in-state") }

  var isEmpty: Bool { select.isEmpty && inState.isEmpty }
}

/// `ward triage --repeat-from FILE` (hidden, for load tests): runs many operations in one
/// process. Each line is `STATE ID [REASON]` or `note ID TEXT`; each operation reads the
/// finding's current version, then applies the change against it, so a concurrent writer
/// in between makes it a conflict. Prints `applied ID SEQ`, `conflict ID` or `unknown ID`
/// per line and a summary.
struct TriageScript {
  let store: PostureStore
  let actor: Operator
  let until: EpochSeconds?

  func run(path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var applied = 0
    var conflicts = 0
    var out = ""
    for line in text.split(whereSeparator: \.isNewline) {
      let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
      guard parts.count >= 2 else { continue }
      let id = parts[1]
      let rest = parts.count > 2 ? parts[2] : nil
      let now = EpochSeconds(Date().timeIntervalSince1970)
      if parts[0] == "note" {
        let e = try store.addNote(
          findingId: id, note: rest ?? "", by: actor, source: .cli, now: now)
        out += "applied \(id) \(e.seq)\n"
        applied += 1
        continue
      }
      guard let state = TriageState(rawValue: parts[0]) else {
        throw CommandFailure("\(path): unknown state in line: \(line)")
      }
      guard let version = try store.finding(id: id)?.triage.version else {
        out += "unknown \(id)\n"
        continue
      }
      do {
        try store.setState(
          findingId: id, to: state, reason: rest, note: nil,
          until: state.requiresExpiry
            ? (until ?? now + 30 * UTC.day) : (state.isOpen ? nil : until), by: actor,
          source: .cli, expectedVersion: version, now: now)
        out += "applied \(id)\n"
        applied += 1
      } catch StoreError.conflict {
        out += "conflict \(id)\n"
        conflicts += 1
      }
    }
    out += "\(applied) applied, \(conflicts) conflicts\n"
    FileHandle.standardOutput.write(Data(OutputText.lines(out).utf8))
  }
}

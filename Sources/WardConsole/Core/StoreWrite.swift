import WardModel
import WardStore
import WardUI

/// A change the console asks the engine to make to the store. Built by ``Console/update(_:_:)``
/// (pure) and carried out by ``ConsoleEngine``, which adds who (the policy's operator, source
/// `console`) and when (the wall clock).
public enum StoreWrite: Sendable, Hashable {
  /// Moves each finding to `state`, each checked against the version the operator saw.
  case setState(
    targets: [TriageTarget], state: TriageState, reason: String?, note: String?,
    until: EpochSeconds?)
  /// Adds a note to one finding (its state and version do not change).
  case addNote(findingId: String, note: String)
  /// Undoes the operator's own most recent triage action as a whole (every finding of
  /// that batch), as a new batch of events.
  case undoLastTriage
}

/// What a ``StoreWrite`` did, sent back as ``ConsoleEvent/written(_:screen:)``.
public enum WriteOutcome: Sendable, Hashable {
  /// A (bulk) state change ran; one result per target, in the order asked.
  case triaged(state: TriageState, results: [TriageResult])
  /// The note was recorded as audit event `seq`.
  case noted(findingId: String, seq: Int64)
  /// The undo was recorded: one result per finding of the undone batch.
  case undone([UndoResult])
  /// The store refused or failed; the message is for the status line.
  case failed(String)

  /// The status-line text and whether it reports a problem.
  public var message: (text: String, isError: Bool) {
    switch self {
    case .triaged(let state, let results):
      return Self.summary(state: state, results)
    case .noted(let id, let seq):
      return ("note added to \(id) (event #\(seq))", false)
    case .undone(let undos):
      guard let undo = undos.first else { return ("nothing was undone", false) }
      if undos.count == 1 {
        return (
          "undid #\(undo.undoneSeq): \(undo.findingId) is \(undo.event.to.rawValue) again "
            + "(event #\(undo.event.seq))", false
        )
      }
      let seqs = undos.map(\.event.seq)
      return (
        "undid \(ExactCount.text(undos.count)) findings of your last triage "
          + "(events #\(seqs.min()!)–#\(seqs.max()!), batch \(undo.event.batch ?? "-"))", false
      )
    case .failed(let text):
      return (text, true)
    }
  }

  private static func summary(state: TriageState, _ results: [TriageResult]) -> (String, Bool) {
    var applied = 0
    var conflicts: [TriageConflict] = []
    var missing: [String] = []
    for r in results {
      switch r.outcome {
      case .applied: applied += 1
      case .conflict(let c): conflicts.append(c)
      case .notFound: missing.append(r.findingId)
      }
    }
    if results.count == 1 {
      if let c = conflicts.first { return ("conflict: \(c.description)", true) }
      if let id = missing.first {
        return ("no finding \(id) (or it is outside your tenant scope)", true)
      }
      return ("\(results[0].findingId) → \(state.rawValue)", false)
    }
    var text = "applied \(applied), conflicts \(conflicts.count)"
    if let first = conflicts.first { text += " (first: \(first.description))" }
    if !missing.isEmpty { text += ", not found \(missing.count)" }
    return (text, !conflicts.isEmpty || !missing.isEmpty)
  }
}

import WardModel
import WardStore
import WardUI

/// The triage part of ``Console/update(_:_:)``: opening the `t` and `n` dialogs on the
/// marked or selected findings, turning a submitted dialog (or `u`) into a
/// ``Effect/write(_:screen:)``, and showing what the write did. Pure, like the rest of
/// `update`; the policy was already checked by the registry before any of this runs.
enum TriageFlow {
  /// `t`, `n` or `u` on the top screen.
  static func start(_ action: ActionID, _ state: inout ConsoleState) -> [Effect] {
    guard let top = state.stack.last else { return [] }
    switch action {
    case .undo:
      // Ask the store how many findings the last action changed before undoing them.
      guard let actor = state.policy.operator else { return [] }
      return [.load(.lastTriageBatch(actor), screen: top.id)]
    case .triage:
      let marked = top.model.markedTargets
      if !marked.isEmpty {
        let noun = marked.count == 1 ? "marked finding" : "marked findings"
        let ids = marked.prefix(3).map(\.findingId).joined(separator: ", ")
        let subject =
          "\(marked.count) \(noun) (\(ids)\(marked.count > 3 ? ", …" : ""))"
        state.dialog = .triage(
          TriageDialog(targets: marked, subject: subject, state: .acknowledged))
      } else if let f = top.model.selectedFinding {
        state.dialog = .triage(
          TriageDialog(
            targets: [TriageTarget(findingId: f.id, expectedVersion: f.version)],
            subject: subject(f), state: f.state == .new ? .acknowledged : f.state))
      } else {
        state.status = StatusMessage(text: noSelection(state, "triage"), isError: false)
      }
      return []
    case .note:
      if let f = top.model.selectedFinding {
        state.dialog = .note(NoteDialog(findingId: f.id, subject: subject(f)))
      } else {
        state.status = StatusMessage(text: noSelection(state, "note"), isError: false)
      }
      return []
    default:
      return []
    }
  }

  private static func subject(_ f: FindingRow) -> String { "\(f.id) · \(f.title)" }

  private static func noSelection(_ state: ConsoleState, _ what: String) -> String {
    state.topKind == .functionDetail
      ? "\(what): Tab to the Findings pane and choose a finding (j/k)"
      : "\(what): no finding selected"
  }

  /// A key while a dialog is open: the dialog gets it; Enter may submit, Esc closes.
  static func handleDialogKey(_ key: Key, _ state: inout ConsoleState) -> [Effect] {
    guard let dialog = state.dialog else { return [] }
    let outcome: DialogOutcome
    switch dialog {
    case .triage(var d):
      outcome = d.handle(key, now: state.wallClock)
      state.dialog = .triage(d)
    case .note(var d):
      outcome = d.handle(key)
      state.dialog = .note(d)
    case .confirm(let d):
      outcome = d.handle(key)
    }
    switch outcome {
    case .open:
      return []
    case .cancelled:
      state.dialog = nil
      state.status = StatusMessage(text: "cancelled: nothing changed", isError: false)
      return []
    case .submit(let write):
      state.dialog = nil
      if case .triage = dialog, case .setState(let targets, let to, _, _, _) = write,
        targets.count > 1
      {
        // More than one finding: say how many, to what, under which filter; default No.
        state.dialog = .confirm(
          ConfirmDialog(
            question: "Set \(ExactCount.text(targets.count)) findings to \(to.rawValue)?",
            detail: "filter: " + (state.stack.last?.model.effectiveFilterText ?? ""),
            write: write))
        return []
      }
      state.status = StatusMessage(text: "saving…", isError: false)
      return [.write(write, screen: state.stack.last?.id)]
    }
  }

  /// The store said what `u` would undo: nothing (say so), one finding (undo it), or
  /// more (ask first, default No).
  static func confirmUndo(
    _ summary: TriageBatchSummary?, screen: Int?, _ state: inout ConsoleState
  ) -> [Effect] {
    guard let summary, summary.count > 0 else {
      let name = state.policy.operatorName ?? "you"
      state.status = StatusMessage(
        text: "triage refused: \(name) has no triage to undo", isError: true)
      return []
    }
    if summary.count == 1 {
      state.status = StatusMessage(text: "undoing your last triage…", isError: false)
      return [.write(.undoLastTriage, screen: screen)]
    }
    state.dialog = .confirm(
      ConfirmDialog(
        question:
          "Undo your last triage of \(ExactCount.text(summary.count)) findings "
          + "(set to \(summary.state.rawValue))?",
        detail: "each goes back to the state it had before, as a new batch of audit events",
        write: .undoLastTriage))
    return []
  }

  /// A write finished: say what it did, drop the marks it used, and re-read what is
  /// visible so the screen shows the store as it is now (also after a conflict).
  static func written(_ outcome: WriteOutcome, screen: Int?, _ state: inout ConsoleState)
    -> [Effect]
  {
    let message = outcome.message
    state.status = StatusMessage(text: message.text, isError: message.isError)
    if case .triaged = outcome, let index = state.stack.firstIndex(where: { $0.id == screen }) {
      state.stack[index].model.clearMarks()
    }
    guard let top = state.stack.last else { return [] }
    return top.model.refreshQueries(state.context()).map { .load($0, screen: top.id) }
  }
}

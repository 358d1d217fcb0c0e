import Foundation
import WardUI

/// The `n` dialog: one line of text added to a finding's history as a note.
public struct NoteDialog: Sendable, Hashable {
  public var findingId: String
  /// What the note is about, e.g. `f1 · Function URL without auth`.
  public var subject: String
  public var field = TextInput(maxLength: 1000, placeholder: "note (shown in the history)")
  /// Why the last Enter did not submit.
  public var error: String?

  public init(findingId: String, subject: String) {
    self.findingId = findingId
    self.subject = subject
  }

  /// Applies one key.
  public mutating func handle(_ key: Key) -> DialogOutcome {
    switch field.handle(key) {
    case .cancelled: return .cancelled
    case .submitted:
      let text = field.text.trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else {
        error = "the note is empty"
        return .open
      }
      return .submit(.addNote(findingId: findingId, note: text))
    case .edited, .ignored:
      return .open
    }
  }

  /// Draws the dialog centred over `area`.
  public func render(into canvas: inout Canvas, area: Rect) {
    Dialog(
      title: "Note on " + subject,
      body: [
        pad(error.map { "! " + $0 } ?? "Adds a note; the finding's state does not change.", to: 60),
        "Enter add · Esc cancel",
      ],
      buttons: [], field: field, fieldLabel: "Note ", role: error == nil ? .accent : .error
    ).render(into: &canvas, area: area)
  }
}

/// The dialog open over the screens, if any. While one is open it receives every key.
public enum ConsoleDialog: Sendable, Hashable {
  case triage(TriageDialog)
  case note(NoteDialog)
  /// "… ? y/N" before a write that changes more than one finding.
  case confirm(ConfirmDialog)

  /// Draws the dialog centred over `area`.
  public func render(into canvas: inout Canvas, area: Rect) {
    switch self {
    case .triage(let d): d.render(into: &canvas, area: area)
    case .note(let d): d.render(into: &canvas, area: area)
    case .confirm(let d): d.render(into: &canvas, area: area)
    }
  }

  /// Footer hints while the dialog is open.
  var hints: [KeyHint] {
    switch self {
    case .triage:
      [KeyHint("Enter", "submit"), KeyHint("Tab", "next field"), KeyHint("Esc", "cancel")]
    case .note: [KeyHint("Enter", "add"), KeyHint("Esc", "cancel")]
    case .confirm: [KeyHint("y", "yes"), KeyHint("n/Esc/Enter", "no")]
    }
  }
}

import Foundation
import WardModel
import WardStore
import WardUI

/// What a key did to a dialog.
public enum DialogOutcome: Sendable, Hashable {
  /// The dialog stays open (edited, moved, or refused to submit with a message).
  case open
  /// Esc: close without writing.
  case cancelled
  /// Enter with valid input: close and make this change.
  case submit(StoreWrite)
}

/// The `t` dialog: new state (a list, or keys 1–7), reason, note and expiry, for the
/// findings it was opened on. Validates before it submits: a reason for resolved,
/// false-positive, risk-accepted and suppressed; a real future `YYYY-MM-DD` for risk-accepted.
public struct TriageDialog: Sendable, Hashable {
  /// The parts of the dialog Tab moves between.
  public enum Field: Int, Sendable, Hashable, CaseIterable {
    case state, reason, note, expiry
  }

  /// The findings to change, each with the version the operator saw.
  public var targets: [TriageTarget]
  /// What the dialog is about, e.g. `f1 · Function URL without auth` or `3 marked findings`.
  public var subject: String
  public var state: TriageState
  public var reason = TextInput(maxLength: 500, placeholder: "why (shown in the audit log)")
  public var note = TextInput(maxLength: 1000, placeholder: "optional")
  public var expiry = TextInput(maxLength: 10, placeholder: "YYYY-MM-DD")
  public var focus: Field = .state
  /// Why the last Enter did not submit.
  public var error: String?

  public init(targets: [TriageTarget], subject: String, state: TriageState) {
    self.targets = targets
    self.subject = subject
    self.state = state
  }

  /// Applies one key; `now` is the wall clock, for the expiry check.
  public mutating func handle(_ key: Key, now: EpochSeconds) -> DialogOutcome {
    switch key {
    case .escape: return .cancelled
    case .enter: return submit(now: now)
    case .tab: focus = Field(rawValue: (focus.rawValue + 1) % Field.allCases.count)!
    case .backTab:
      let count = Field.allCases.count
      focus = Field(rawValue: (focus.rawValue + count - 1) % count)!
    default:
      switch focus {
      case .state: chooseState(key)
      case .reason: _ = reason.handle(key)
      case .note: _ = note.handle(key)
      case .expiry: _ = expiry.handle(key)
      }
    }
    return .open
  }

  private mutating func chooseState(_ key: Key) {
    let all = TriageState.allCases
    let index = all.firstIndex(of: state) ?? 0
    switch key {
    case .up, .char("k"): state = all[(index + all.count - 1) % all.count]
    case .down, .char("j"): state = all[(index + 1) % all.count]
    case .char(let c):
      if let n = c.wholeNumberValue, (1...all.count).contains(n) { state = all[n - 1] }
    default: break
    }
  }

  /// The change to make, or stays open with ``error`` set and the focus on the field at fault.
  private mutating func submit(now: EpochSeconds) -> DialogOutcome {
    let reasonText = reason.text.trimmingCharacters(in: .whitespaces)
    if state.requiresReason && reasonText.isEmpty {
      error = "\(state.rawValue) needs a reason"
      focus = .reason
      return .open
    }
    var until: EpochSeconds?
    if state.requiresExpiry {
      switch ExpiryDate.parse(expiry.text, now: now) {
      case .success(let t): until = t
      case .failure(let e):
        error = e.message
        focus = .expiry
        return .open
      }
    }
    let noteText = note.text.trimmingCharacters(in: .whitespaces)
    return .submit(
      .setState(
        targets: targets, state: state, reason: reasonText.isEmpty ? nil : reasonText,
        note: noteText.isEmpty ? nil : noteText, until: until))
  }

  /// What the dialog says the chosen state needs.
  var requirement: String {
    switch (state.requiresReason, state.requiresExpiry) {
    case (true, true): "\(state.rawValue) needs a reason and an expiry date (YYYY-MM-DD)"
    case (true, false): "\(state.rawValue) needs a reason"
    default: "\(state.rawValue): reason optional"
    }
  }

  static let labelWidth = 11
  static let width = 66

  /// Draws the dialog centred over `area`.
  public func render(into canvas: inout Canvas, area: Rect) {
    let glyphs = canvas.glyphs
    let caret = String(glyphs.caret)
    func marker(_ field: Field) -> String { focus == field ? caret + " " : "  " }
    var body = [
      pad(marker(.state) + "State  (1-7, \(glyphs.arrowUp)/\(glyphs.arrowDown))", to: Self.width)
    ]
    for (i, s) in TriageState.allCases.enumerated() {
      let chosen = s == state ? caret : " "
      let needs =
        s.requiresExpiry ? "reason + expiry" : s.requiresReason ? "reason" : ""
      body.append("   \(chosen) \(i + 1) " + pad(s.rawValue, to: 16) + needs)
    }
    body.append("")
    let required = "*"
    body.append(marker(.reason) + "Reason" + (state.requiresReason ? required : ""))
    body.append(marker(.note) + "Note")
    body.append(marker(.expiry) + "Expires" + (state.requiresExpiry ? required : ""))
    body.append("")
    body.append(error.map { "! " + $0 } ?? requirement)
    body.append("Enter submit · Tab next field · Esc cancel")
    let dialog = Dialog(
      title: "Triage " + subject, body: body, buttons: [], role: error == nil ? .accent : .error)
    dialog.render(into: &canvas, area: area)
    let frame = dialog.frame(in: area)
    let content = Rect(
      x: frame.x + 2, y: frame.y + 1, width: frame.width - 4, height: frame.height - 2)
    let fieldsTop = content.y + 1 + TriageState.allCases.count + 1
    for (row, field, input) in [
      (0, Field.reason, reason), (1, .note, note), (2, .expiry, expiry),
    ] {
      let y = fieldsTop + row
      guard y < content.maxY else { continue }
      input.render(
        into: &canvas,
        rect: Rect(
          x: content.x + Self.labelWidth, y: y, width: content.width - Self.labelWidth, height: 1),
        focused: focus == field)
    }
    let messageY = fieldsTop + 4
    if let error, messageY < content.maxY {
      canvas.put(
        text: "! " + error, at: Point(x: content.x, y: messageY), style: Style(role: .error),
        maxWidth: content.width)
    }
  }
}

import WardUI

/// A yes/no question before a write that changes more than one finding
/// (`Set 4,634 findings to resolved? y/N`). Only `y` says yes; every other key, Enter
/// included, says no and writes nothing.
public struct ConfirmDialog: Sendable, Hashable {
  public var question: String
  /// A second line: the filter the findings came from, or what the action does.
  public var detail: String
  /// What is written on `y`.
  public var write: StoreWrite

  public init(question: String, detail: String, write: StoreWrite) {
    self.question = question
    self.detail = detail
    self.write = write
  }

  /// `y`/`Y` submits; anything else cancels.
  public func handle(_ key: Key) -> DialogOutcome {
    key == .char("y") || key == .char("Y") ? .submit(write) : .cancelled
  }

  /// Draws the question centred over `area`, in the error role (it changes many findings).
  public func render(into canvas: inout Canvas, area: Rect) {
    let width = max(20, area.width - 8)
    Dialog(
      title: "Confirm",
      body: [question + " y/N"] + wrap(detail, width: width, indent: 2)
        + ["y yes · any other key no"],
      buttons: [], role: .error
    ).render(into: &canvas, area: area)
  }
}

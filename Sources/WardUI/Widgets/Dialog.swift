/// A modal box: title, body lines, an optional text field and a row of buttons, centred in
/// the area it is drawn over. The focused button is drawn reverse with brackets, so focus
/// is visible without colour.
public struct Dialog: Sendable, Hashable {
  public var title: String
  public var body: [String]
  public var buttons: [String]
  public var focusedButton: Int
  /// An optional labelled input field shown under the body.
  public var field: TextInput?
  public var fieldLabel: String
  /// Role of the border and title (e.g. `.error` for a destructive confirmation).
  public var role: Role

  public init(
    title: String, body: [String], buttons: [String] = ["OK"], focusedButton: Int = 0,
    field: TextInput? = nil, fieldLabel: String = "", role: Role = .border
  ) {
    self.title = title
    self.body = body
    self.buttons = buttons
    self.focusedButton = focusedButton
    self.field = field
    self.fieldLabel = fieldLabel
    self.role = role
  }

  /// The rect the dialog occupies when drawn over `area`.
  public func frame(in area: Rect) -> Rect {
    let buttonsWidth = buttons.reduce(0) { $0 + displayWidth($1) + 5 }
    let content = max(
      displayWidth(title) + 4, body.map(displayWidth).max() ?? 0, buttonsWidth,
      field == nil ? 0 : 40)
    let rows = body.count + (field == nil ? 0 : 2) + (buttons.isEmpty ? 0 : 2)
    return area.centered(width: content + 4, height: rows + 2)
  }

  /// Moves button focus (Tab/Right forward, BackTab/Left back); other keys go to the field.
  /// Returns true if the key was used.
  public mutating func handle(_ key: Key) -> Bool {
    guard !buttons.isEmpty else { return false }
    switch key {
    case .tab:
      focusedButton = (focusedButton + 1) % buttons.count
    case .right where field == nil:
      focusedButton = (focusedButton + 1) % buttons.count
    case .backTab:
      focusedButton = (focusedButton + buttons.count - 1) % buttons.count
    case .left where field == nil:
      focusedButton = (focusedButton + buttons.count - 1) % buttons.count
    default:
      guard var input = field else { return false }
      let result = input.handle(key)
      field = input
      return result == .edited
    }
    return true
  }

  public func render(into canvas: inout Canvas, area: Rect) {
    let rect = frame(in: area)
    guard rect.width >= 4, rect.height >= 3 else { return }
    canvas.fill(rect, style: .plain)
    let inner = canvas.box(
      rect, style: Style(fg: .role(role)), title: title,
      titleStyle: Style(fg: .role(role), attributes: .bold)
    ).inset(by: 0)
    let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    var y = content.y
    for line in body where y < content.maxY {
      canvas.put(text: line, at: Point(x: content.x, y: y), width: content.width, alignment: .left)
      y += 1
    }
    if let field, y + 1 < content.maxY {
      y += 1
      field.render(
        into: &canvas, rect: Rect(x: content.x, y: y, width: content.width, height: 1),
        label: fieldLabel)
      y += 1
    }
    guard !buttons.isEmpty, y + 1 < content.maxY + 1 else { return }
    y = content.maxY - 1
    let labels = buttons.enumerated().map { index, title in
      index == focusedButton ? "[ " + title + " ]" : "  " + title + "  "
    }
    let total = labels.reduce(0) { $0 + displayWidth($1) } + max(0, labels.count - 1)
    var x = content.x + max(0, (content.width - total) / 2)
    for (index, label) in labels.enumerated() {
      let style =
        index == focusedButton ? Style(role: .selection, attributes: .reverse) : Style.plain
      x +=
        canvas.put(text: label, at: Point(x: x, y: y), style: style, maxWidth: content.maxX - x) + 1
    }
  }
}

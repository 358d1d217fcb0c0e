import WardUI

/// Draws a whole frame from a ``ConsoleState``: header, the top screen, the input or
/// hint line and the status line; or the "terminal too small" screen.
public enum ConsoleView {
  /// The frame for `state` with `glyphs`.
  public static func render(_ state: ConsoleState, glyphs: GlyphSet) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height, glyphs: glyphs)
    if state.isTooSmall {
      drawTooSmall(&canvas, state)
      return canvas
    }
    drawHeader(&canvas, state)
    if let top = state.stack.last {
      top.model.render(into: &canvas, state.context(glyphs: glyphs))
    }
    state.dialog?.render(into: &canvas, area: state.body)
    drawFooter(&canvas, state)
    return canvas
  }

  private static func drawTooSmall(_ canvas: inout Canvas, _ state: ConsoleState) {
    let lines = [
      "terminal too small: need \(ConsoleState.minimumWidth)×\(ConsoleState.minimumHeight), have \(state.width)×\(state.height)",
      "enlarge the window, or press q to quit",
    ]
    let top = max(0, state.height / 2 - 1)
    for (i, line) in lines.enumerated() {
      canvas.put(
        text: line, at: Point(x: 0, y: top + i), style: Style(role: i == 0 ? .error : .muted),
        maxWidth: state.width)
    }
  }

  private static func drawHeader(_ canvas: inout Canvas, _ state: ConsoleState) {
    let row = Rect(x: 0, y: 0, width: state.width, height: 1)
    canvas.fill(row, style: Style(role: .header))
    var x = canvas.put(
      text: "Ward ", at: Point(x: 0, y: 0), style: Style(role: .title, attributes: .bold))
    var parts = state.stack.map(\.model.breadcrumb)
    let separator = " \(canvas.glyphs.arrowRight) "
    let right = state.clock.asOfText
    var badgeWidth = 0
    if let badge = state.policy.badge { badgeWidth = displayWidth(badge) + 3 }
    let rightWidth = displayWidth(right)
    let crumbWidth = max(0, state.width - x - badgeWidth - rightWidth - 1)
    // Too long: drop the oldest crumbs first so the current screen stays readable.
    while parts.count > 1, displayWidth(parts.joined(separator: separator)) > crumbWidth {
      parts.removeFirst()
    }
    let crumbs = parts.joined(separator: separator)
    x += canvas.put(
      text: crumbs, at: Point(x: x, y: 0), width: crumbWidth, alignment: .left,
      style: Style(role: .header))
    if let badge = state.policy.badge {
      Badge(badge, role: .warn).render(into: &canvas, at: Point(x: x + 1, y: 0))
    }
    canvas.put(
      text: right, at: Point(x: state.width - rightWidth, y: 0), style: Style(role: .header),
      maxWidth: rightWidth)
  }

  private static func drawFooter(_ canvas: inout Canvas, _ state: ConsoleState) {
    let hintRow = Rect(x: 0, y: state.height - 2, width: state.width, height: 1)
    if let input = state.input {
      input.field.render(
        into: &canvas, rect: hintRow, label: input.purpose == .filter ? "/" : ":")
    } else if let dialog = state.dialog {
      KeyHints(dialog.hints).render(into: &canvas, rect: hintRow)
    } else if let top = state.stack.last {
      KeyHints(top.model.hints).render(into: &canvas, rect: hintRow)
    }
    let statusRow = Rect(x: 0, y: state.height - 1, width: state.width, height: 1)
    let message = state.status
    let left = message.map { ($0.isError ? "! " : "") + $0.text } ?? ""
    let right = "theme \(state.themeName)" + (state.policy.operatorName.map { " · " + $0 } ?? "")
    StatusLine(left: left, right: right, role: message?.isError == true ? .error : .statusBar)
      .render(into: &canvas, rect: statusRow)
  }
}

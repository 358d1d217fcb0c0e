/// What a key did to a ``TextInput``.
public enum TextInputResult: Sendable, Hashable {
  /// The text or cursor changed.
  case edited
  /// Enter: the caller should act on ``TextInput/text``.
  case submitted
  /// Escape: the caller should close the input.
  case cancelled
  /// The key means nothing to the input; the caller may handle it.
  case ignored
}

/// A single-line text field with a cursor, readline-style editing keys and a completion hint.
///
/// Keys: printable characters insert; Left/Right, Home/End, C-a/C-e move; Backspace/Delete
/// and C-h/C-d delete; C-u deletes to the start, C-k to the end, C-w the word before the
/// cursor; Tab accepts the completion hint; Enter submits; Escape cancels.
public struct TextInput: Sendable, Hashable {
  /// The text, as grapheme clusters.
  public private(set) var characters: [Character]
  /// Cursor position: 0 ... characters.count.
  public private(set) var cursor: Int
  /// Candidate completions; the first one that extends the current text is the hint.
  public var suggestions: [String]
  /// Maximum number of characters accepted.
  public var maxLength: Int
  public var placeholder: String

  public init(
    text: String = "", suggestions: [String] = [], maxLength: Int = 256, placeholder: String = ""
  ) {
    self.characters = Array(text.prefix(maxLength))
    self.cursor = characters.count
    self.suggestions = suggestions
    self.maxLength = maxLength
    self.placeholder = placeholder
  }

  public var text: String { String(characters) }

  /// The untyped rest of the first suggestion that starts with the text, if any.
  public var completionHint: String? {
    guard !characters.isEmpty else { return nil }
    let current = text
    guard
      let match = suggestions.first(where: {
        $0.count > current.count && $0.lowercased().hasPrefix(current.lowercased())
      })
    else { return nil }
    return String(match.dropFirst(current.count))
  }

  /// Replaces the text and puts the cursor at the end.
  public mutating func setText(_ text: String) {
    characters = Array(text.prefix(maxLength))
    cursor = characters.count
  }

  /// Applies one key.
  public mutating func handle(_ key: Key) -> TextInputResult {
    switch key {
    case .char(let c):
      guard characters.count < maxLength else { return .ignored }
      characters.insert(c, at: cursor)
      cursor += 1
    case .left: cursor = max(0, cursor - 1)
    case .right:
      if cursor == characters.count, let hint = completionHint {
        insert(hint)
      } else {
        cursor = min(characters.count, cursor + 1)
      }
    case .home, .ctrl("a"): cursor = 0
    case .end, .ctrl("e"): cursor = characters.count
    case .backspace, .ctrl("h"):
      guard cursor > 0 else { return .edited }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .delete, .ctrl("d"):
      guard cursor < characters.count else { return .edited }
      characters.remove(at: cursor)
    case .ctrl("u"):
      characters.removeSubrange(0..<cursor)
      cursor = 0
    case .ctrl("k"): characters.removeSubrange(cursor...)
    case .ctrl("w"):
      var start = cursor
      while start > 0, characters[start - 1] == " " { start -= 1 }
      while start > 0, characters[start - 1] != " " { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
    case .tab:
      guard let hint = completionHint else { return .ignored }
      cursor = characters.count
      insert(hint)
    case .enter: return .submitted
    case .escape: return .cancelled
    default: return .ignored
    }
    return .edited
  }

  private mutating func insert(_ text: String) {
    for c in text where characters.count < maxLength {
      characters.insert(c, at: cursor)
      cursor += 1
    }
  }

  /// Draws `label` then the field on the first row of `rect`. The text scrolls so the
  /// cursor stays visible; the cursor is a reverse-video cell (backends hide the hardware
  /// cursor); the completion hint follows in the muted role.
  public func render(
    into canvas: inout Canvas, rect: Rect, label: String = "", focused: Bool = true
  ) {
    guard !rect.isEmpty else { return }
    let y = rect.y
    let labelWidth = canvas.put(
      text: label, at: Point(x: rect.x, y: y), style: Style(role: .key), maxWidth: rect.width)
    let fieldX = rect.x + labelWidth
    let fieldWidth = rect.maxX - fieldX
    guard fieldWidth > 1 else { return }
    let fieldStyle = Style(role: .input)
    canvas.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), style: fieldStyle)
    if characters.isEmpty, !placeholder.isEmpty {
      canvas.put(
        text: placeholder, at: Point(x: fieldX + 1, y: y),
        style: Style(fg: .role(.muted), bg: .role(.input)), maxWidth: fieldWidth - 1)
    }
    // Scroll so that the cursor cell fits: show the widest tail ending at the cursor.
    let sanitizer = canvas.sanitizer
    let shown = characters.map { sanitizer.sanitize(String($0)) }
    var start = 0
    var widthToCursor = shown[0..<cursor].reduce(0) { $0 + displayWidth($1) }
    while widthToCursor > fieldWidth - 1, start < cursor {
      widthToCursor -= displayWidth(shown[start])
      start += 1
    }
    var x = fieldX
    for index in start..<shown.count {
      let w = displayWidth(shown[index])
      if x + w > rect.maxX { break }
      let style = focused && index == cursor ? fieldStyle.adding(.reverse) : fieldStyle
      canvas.put(text: shown[index], at: Point(x: x, y: y), style: style, maxWidth: rect.maxX - x)
      x += w
    }
    if focused, cursor == shown.count, x < rect.maxX {
      canvas.put(text: " ", at: Point(x: x, y: y), style: fieldStyle.adding(.reverse))
      x += 1
    }
    if focused, let hint = completionHint, x < rect.maxX {
      canvas.put(
        text: hint, at: Point(x: x, y: y), style: Style(fg: .role(.muted), bg: .role(.input)),
        maxWidth: rect.maxX - x)
    }
  }
}

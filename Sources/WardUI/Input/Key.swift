/// A mouse event in canvas coordinates.
public struct MouseEvent: Sendable, Hashable {
  public enum Button: Sendable, Hashable {
    case left, middle, right, scrollUp, scrollDown, other
  }
  public var x: Int
  public var y: Int
  public var button: Button
  public init(x: Int, y: Int, button: Button) {
    self.x = x
    self.y = y
    self.button = button
  }
}

/// A key press as the console sees it. Backends translate terminal input into these; the
/// console maps them to actions.
public enum Key: Sendable, Hashable, CustomStringConvertible {
  /// A printable character.
  case char(Character)
  /// Control plus a letter, lower case (`.ctrl("r")` is Ctrl-R).
  case ctrl(Character)
  case enter, escape, tab, backTab
  case up, down, left, right
  case pageUp, pageDown, home, end
  case backspace, delete
  /// The terminal changed size.
  case resize
  /// F1–F12 (`.function(1)` is F1).
  case function(Int)
  case mouse(MouseEvent)

  /// A short name for help screens and key hints: `q`, `C-r`, `Enter`, `PgDn`, `F1`.
  public var description: String {
    switch self {
    case .char(" "): return "Space"
    case .char(let c): return String(c)
    case .ctrl(let c): return "C-" + String(c)
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "S-Tab"
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .backspace: return "Bksp"
    case .delete: return "Del"
    case .resize: return "Resize"
    case .function(let n): return "F\(n)"
    case .mouse: return "Mouse"
    }
  }

  /// Parses a key name as written in a keymap file: a single character (`q`, `/`, `?`),
  /// `ctrl+r` / `C-r` / `^r`, `enter`, `esc`/`escape`, `tab`, `backtab`/`shift+tab`, `up`,
  /// `down`, `left`, `right`, `pgup`/`pageup`, `pgdn`/`pagedown`, `home`, `end`,
  /// `backspace`, `delete`/`del`, `space`, `f1`–`f12`. Case-insensitive except single
  /// characters. Returns nil for anything else.
  public init?(name: String) {
    if name.count == 1, let c = name.first {
      self = .char(c)
      return
    }
    let lower = name.lowercased()
    for prefix in ["ctrl+", "ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
      let rest = lower.dropFirst(prefix.count)
      guard rest.count == 1, let c = rest.first, c.isLetter, c.isASCII else { return nil }
      self = .ctrl(c)
      return
    }
    let named: [String: Key] = [
      "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
      "backtab": .backTab, "shift+tab": .backTab, "s-tab": .backTab, "up": .up, "down": .down,
      "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
      "pagedown": .pageDown, "home": .home, "end": .end, "backspace": .backspace,
      "bksp": .backspace, "delete": .delete, "del": .delete, "space": .char(" "),
    ]
    if let key = named[lower] {
      self = key
      return
    }
    if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
      self = .function(n)
      return
    }
    return nil
  }
}

import WardConsole
import WardUI

/// SplitMix64: a tiny, fast, deterministic generator, so a failing seed replays exactly.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// One thing the fuzzer does to the console.
enum FuzzEvent: CustomStringConvertible {
  case key(Key)
  case paste([Key])
  case resize(width: Int, height: Int)
  case poll

  var description: String {
    switch self {
    case .key(let k): "key \(k)"
    case .paste(let keys): "paste of \(keys.count) keys"
    case .resize(let w, let h): "resize \(w)x\(h)"
    case .poll: "poll"
    }
  }
}

/// Random console input: bound keys, text in every script, controls and bidi characters,
/// escape-heavy sequences, mouse clicks, pastes of up to 50k characters and resizes from
/// 1×1 to 300×100.
struct ConsoleFuzzer {
  var random: SeededGenerator
  /// Every key the registry binds, so each action is reached often.
  let boundKeys: [Key] = ActionRegistry.standard.actions.flatMap(\.keys)
  /// Commands worth typing after `:`.
  static let commands = [
    "overview", "functions", "findings", "alerts", "costs", "tenants", "help", "theme mono",
    "theme nope", "tenant acme", "tenant ", "q!", "", "findings sev:high",
  ]
  /// Text that has broken terminals and layouts: controls, C1, bidi overrides and isolates,
  /// zero-width, combining marks, wide CJK, emoji with modifiers, invalid-looking bytes.
  static let hostileText: [String] = [
    "\u{1B}]0;owned\u{07}", "\u{1B}[2J", "\u{9B}31m", "\u{90}q\u{9C}", "\u{202E}evil\u{202C}",
    "\u{2066}x\u{2069}", "\u{200B}\u{200D}\u{FEFF}", "e\u{301}\u{301}\u{301}\u{301}",
    "漢字かな한글", "👩🏽‍💻🇸🇪", "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "ｗｉｄｅ", "tab\there",
    "sev:critical cat:secrets", "tenant:", "state:all", "*", "\\", "%s%n", "'; DROP TABLE x;--",
  ]

  init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

  mutating func next() -> FuzzEvent {
    let roll = int(0...999)
    switch roll {
    case 0..<450: return .key(boundKeys.randomElement(using: &random)!)
    case 450..<600: return .key(.char(Character(Unicode.Scalar(UInt8(int(0x20...0x7E))))))
    case 600..<700: return .key(special())
    case 700..<760: return .key(.char(character()))
    case 760..<800:
      return .key(.mouse(MouseEvent(x: int(-2...310), y: int(-2...110), button: .left)))
    case 800..<880:
      return .paste((":" + Self.commands.randomElement(using: &random)! + "\r").map(key))
    case 880..<900: return .paste(("/" + filterText() + "\r").map(key))
    case 900..<930: return .resize(width: int(1...300), height: int(1...100))
    case 930..<990: return .resize(width: int(40...200), height: int(10...60))
    case 990..<996: return .paste(longPaste())
    default: return .poll
    }
  }

  /// A key as a terminal delivers a typed character (`\r` is Enter).
  func key(_ c: Character) -> Key {
    switch c {
    case "\r": .enter
    case "\u{1B}": .escape
    case "\t": .tab
    default: .char(c)
    }
  }

  mutating func special() -> Key {
    let keys: [Key] = [
      .enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .home,
      .end, .backspace, .delete, .function(int(1...12)), .ctrl("a"), .ctrl("e"), .ctrl("u"),
      .ctrl("w"), .ctrl("k"), .ctrl("s"), .ctrl("q"), .ctrl("l"), .ctrl("r"), .ctrl("d"),
      .char(" "),
    ]
    return keys.randomElement(using: &random)!
  }

  mutating func character() -> Character {
    let text = Self.hostileText.randomElement(using: &random)!
    return text.randomElement(using: &random) ?? "x"
  }

  mutating func filterText() -> String {
    (0..<int(0...4)).map { _ in Self.hostileText.randomElement(using: &random)! }
      .joined(separator: " ")
  }

  /// Up to 50k mixed-Unicode characters, usually typed into a filter or command line.
  mutating func longPaste() -> [Key] {
    let count = int(0...9) == 0 ? int(10_000...50_000) : int(1...2_000)
    var keys: [Key] = [.char(int(0...1) == 0 ? "/" : ":")]
    keys.reserveCapacity(count + 2)
    while keys.count < count {
      let text = Self.hostileText.randomElement(using: &random)!
      keys += text.map(key)
    }
    keys.append(int(0...1) == 0 ? .enter : .escape)
    return keys
  }
}

/// What must hold after every event.
enum ConsoleInvariants {
  /// Problems with `canvas` for a `width`×`height` terminal; empty when all is well.
  static func problems(_ canvas: Canvas, width: Int, height: Int) -> [String] {
    var out: [String] = []
    if canvas.width != width || canvas.height != height {
      out.append("canvas \(canvas.width)x\(canvas.height) for a \(width)x\(height) terminal")
    }
    let cells = canvas.rowMajorCells
    for y in 0..<canvas.height {
      var columns = 0
      for x in 0..<canvas.width {
        let cell = cells[y * canvas.width + x]
        if cell.isContinuation { continue }
        // Fast path: one printable ASCII byte (most cells) is one column and safe.
        let utf8 = cell.grapheme.utf8
        if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F {
          columns += 1
          continue
        }
        columns += cell.width
        if cell.width > 2 { out.append("cell (\(x),\(y)) is \(cell.width) columns wide") }
        for scalar in cell.grapheme.unicodeScalars where TextSanitizer.isControl(scalar) {
          out.append(
            "raw control U+\(String(scalar.value, radix: 16, uppercase: true)) at (\(x),\(y))")
        }
      }
      if columns > canvas.width { out.append("row \(y) covers \(columns) columns") }
      if out.count > 5 { break }
    }
    return out
  }
}

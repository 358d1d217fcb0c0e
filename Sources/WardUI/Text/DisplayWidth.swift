/// Terminal display width of text, in columns.
///
/// East Asian Wide and Fullwidth characters and emoji presentation sequences take two
/// columns, combining marks and other zero-width format characters take none, everything
/// else takes one. Ambiguous-width characters count as one, as in a non-CJK locale.
public func displayWidth(_ text: String) -> Int {
  if isPrintableASCII(text) { return text.utf8.count }
  var total = 0
  for character in text { total += displayWidth(character) }
  return total
}

/// Display width of one grapheme cluster: 0, 1 or 2 columns.
public func displayWidth(_ character: Character) -> Int {
  let scalars = character.unicodeScalars
  guard let first = scalars.first else { return 0 }
  if character.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
  var width = 0
  var regionalIndicators = 0
  for scalar in scalars {
    if scalar.value == 0xFE0F, scalar != first, first.properties.isEmoji { return 2 }
    if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
    width = max(width, scalarWidth(scalar))
  }
  if regionalIndicators >= 2 { return 2 }
  return width
}

/// Display width of a single scalar, ignoring context.
func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
  let value = scalar.value
  if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
  switch scalar.properties.generalCategory {
  case .nonspacingMark, .enclosingMark, .format: return 0
  default: break
  }
  if value == 0x200B || (0x1160...0x11FF).contains(value) { return 0 }
  if scalar.properties.isEmojiPresentation { return 2 }
  for range in wideRanges where range.contains(value) { return 2 }
  return 1
}

/// East Asian Wide (W) and Fullwidth (F) blocks, from Unicode's EastAsianWidth.txt, coarsened.
private let wideRanges: [ClosedRange<UInt32>] = [
  0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
  0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2E80...0x303E, 0x3041...0x33FF,
  0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
  0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
  0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004,
  0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202,
  0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
  0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF,
  0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
]

/// True when every byte of `text` is printable ASCII (one column each, nothing to sanitise).
@inline(__always)
func isPrintableASCII(_ text: String) -> Bool {
  text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
}

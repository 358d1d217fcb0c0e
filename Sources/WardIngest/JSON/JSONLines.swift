/// JSON Lines (one JSON value per line, as Security Hub's OCSF findings arrive from
/// EventBridge, Firehose or `jq -c`): read as the JSON array of those values, so every
/// list reader takes it.
enum JSONLines {
  /// Whether `bytes` hold more than one line with a value and the first such line is one
  /// whole JSON object or array by itself: a pretty-printed document's first line is
  /// only its opening bracket, and a one-line document has no second line.
  /// Reads only as far as the second line with a value: every JSON file passes here.
  static func looksLike(_ bytes: [UInt8]) -> Bool {
    let lines = nonBlankLines(bytes, atMost: 2)
    guard lines.count == 2 else { return false }
    let line = Array(bytes[lines[0]])
    guard let opener = line.first, opener == UInt8(ascii: "{") || opener == UInt8(ascii: "[")
    else { return false }
    return (try? JSONDocument(parsing: line)) != nil
  }

  /// The lines as one JSON array, with every line where it was: `[` before the first
  /// value, `,` after each value but the last, `]` after it. A parse error of the result
  /// names the line of the file (the column of line 1 is one more).
  static func asArray(_ bytes: [UInt8]) -> [UInt8] {
    let ranges = nonBlankLines(bytes)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + ranges.count + 2)
    var at = 0
    for (i, range) in ranges.enumerated() {
      if i == 0 { out.append(UInt8(ascii: "[")) }
      out += bytes[at..<range.upperBound]
      out.append(i == ranges.count - 1 ? UInt8(ascii: "]") : UInt8(ascii: ","))
      at = range.upperBound
    }
    out += bytes[at...]
    return out
  }

  /// The byte ranges of the lines that hold something other than white space, without
  /// their line break (and trailing white space); the first `atMost` of them.
  static func nonBlankLines(_ bytes: [UInt8], atMost limit: Int = .max) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    func close(_ end: Int) {
      var e = end
      while e > start, isSpace(bytes[e - 1]) { e -= 1 }
      var s = start
      while s < e, isSpace(bytes[s]) { s += 1 }
      if s < e { ranges.append(start..<e) }
    }
    for i in bytes.indices where bytes[i] == 0x0A {
      close(i)
      if ranges.count >= limit { return ranges }
      start = i + 1
    }
    close(bytes.count)
    return Array(ranges.prefix(limit))
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
}

/// A non-recursive JSON parser that validates UTF-8 and fills a tape.
struct JSONParser {
  struct Failure: Error {
    var offset: Int
    var reason: String
    var path: String
  }

  /// An open container while parsing.
  private struct Frame {
    var tapeIndex: Int
    var isObject: Bool
    var count: Int
    var keyIndex: Int
  }

  let maxDepth: Int
  private var tape: [JSONNodeRecord] = []
  private var stack: [Frame] = []

  init(maxDepth: Int) { self.maxDepth = maxDepth }

  mutating func parse(_ p: UnsafeBufferPointer<UInt8>) throws -> [JSONNodeRecord] {
    let n = p.count
    buffer = p
    defer { buffer = nil }
    tape.reserveCapacity(max(16, n / 12))
    var pos = 0
    if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { pos = 3 }  // UTF-8 byte order mark
    pos = skipWhitespace(p, pos)
    if pos == n { throw fail(pos, "no JSON value (the file holds only whitespace)") }
    var expectingValue = true
    while true {
      if expectingValue {
        pos = skipWhitespace(p, pos)
        guard pos < n else { throw truncated(n) }
        let c = p[pos]
        switch c {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          let isObject = c == UInt8(ascii: "{")
          if stack.count >= maxDepth {
            throw fail(pos, "nesting deeper than \(maxDepth) levels")
          }
          stack.append(Frame(tapeIndex: tape.count, isObject: isObject, count: 0, keyIndex: -1))
          tape.append(
            JSONNodeRecord(kind: isObject ? .object : .array, flags: 0, start: UInt32(pos), end: 0))
          pos = skipWhitespace(p, pos + 1)
          guard pos < n else { throw truncated(n) }
          if p[pos] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
            closeContainer()
            pos += 1
            expectingValue = false
            continue
          }
          if isObject { pos = try parseKey(p, pos) }
          continue
        case UInt8(ascii: "\""):
          pos = try parseString(p, pos)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          pos = try parseNumber(p, pos)
        case UInt8(ascii: "t"):
          pos = try literal(p, pos, "true", .bool, 1)
        case UInt8(ascii: "f"):
          pos = try literal(p, pos, "false", .bool, 0)
        case UInt8(ascii: "n"):
          pos = try literal(p, pos, "null", .null, 0)
        default:
          throw unexpected(p, pos, "a value")
        }
        expectingValue = false
      }
      // After a value.
      guard !stack.isEmpty else { break }
      pos = skipWhitespace(p, pos)
      guard pos < n else { throw truncated(n) }
      let c = p[pos]
      let isObject = stack[stack.count - 1].isObject
      stack[stack.count - 1].count += 1
      if c == UInt8(ascii: ",") {
        pos += 1
        if isObject {
          stack[stack.count - 1].keyIndex = -1
          pos = skipWhitespace(p, pos)
          pos = try parseKey(p, pos)
        }
        expectingValue = true
      } else if c == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
        stack[stack.count - 1].count -= 1
        closeContainer()
        pos += 1
      } else {
        throw unexpected(p, pos, isObject ? "',' or '}'" : "',' or ']'")
      }
    }
    pos = skipWhitespace(p, pos)
    if pos < n { throw unexpected(p, pos, "the end of the file after the JSON value") }
    return tape
  }

  private mutating func closeContainer() {
    let frame = stack.removeLast()
    tape[frame.tapeIndex].end = UInt32(tape.count)
  }

  /// Parses `"key"` and the following `:`; returns the position of the value.
  private mutating func parseKey(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int {
    guard start < p.count else { throw truncated(p.count) }
    guard p[start] == UInt8(ascii: "\"") else { throw unexpected(p, start, "a quoted key") }
    stack[stack.count - 1].keyIndex = tape.count
    var pos = try parseString(p, start)
    pos = skipWhitespace(p, pos)
    guard pos < p.count else { throw truncated(p.count) }
    guard p[pos] == UInt8(ascii: ":") else { throw unexpected(p, pos, "':' after the key") }
    return pos + 1
  }

  @inline(__always)
  private func skipWhitespace(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
    var pos = start
    let n = p.count
    while pos < n {
      let c = p[pos]
      if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { break }
    }
    return pos
  }

  private mutating func parseString(_ p: UnsafeBufferPointer<UInt8>, _ quote: Int) throws -> Int {
    let n = p.count
    var pos = quote + 1
    let start = pos
    var flags: UInt8 = 0
    while true {
      guard pos < n else { throw truncated(n, inString: true) }
      let b = p[pos]
      if b == UInt8(ascii: "\"") { break }
      if b == UInt8(ascii: "\\") {
        flags = 1
        guard pos + 1 < n else { throw truncated(n, inString: true) }
        switch p[pos + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          pos += 2
        case UInt8(ascii: "u"):
          guard pos + 5 < n else { throw truncated(n, inString: true) }
          for k in 2...5 where !isHexDigit(p[pos + k]) {
            throw fail(pos, "invalid \\u escape in string")
          }
          pos += 6
        default:
          throw fail(pos, "invalid escape '\\\(Character(Unicode.Scalar(p[pos + 1])))' in string")
        }
      } else if b < 0x20 {
        throw fail(pos, "control character 0x\(String(b, radix: 16)) inside a string")
      } else if b < 0x80 {
        pos += 1
      } else {
        pos = try validateUTF8(p, pos)
      }
    }
    tape.append(JSONNodeRecord(kind: .string, flags: flags, start: UInt32(start), end: UInt32(pos)))
    return pos + 1
  }

  /// Validates one multi-byte UTF-8 sequence at `pos`; returns the position after it.
  private func validateUTF8(_ p: UnsafeBufferPointer<UInt8>, _ pos: Int) throws -> Int {
    let b0 = p[pos]
    let n = p.count
    var need = 0
    var lo: UInt8 = 0x80
    var hi: UInt8 = 0xBF
    switch b0 {
    case 0xC2...0xDF: need = 1
    case 0xE0:
      need = 2
      lo = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: need = 2
    case 0xED:
      need = 2
      hi = 0x9F
    case 0xF0:
      need = 3
      lo = 0x90
    case 0xF1...0xF3: need = 3
    case 0xF4:
      need = 3
      hi = 0x8F
    default:
      throw fail(pos, "invalid UTF-8 (byte 0x\(String(b0, radix: 16, uppercase: true)))")
    }
    guard pos + need < n else {
      throw fail(pos, "invalid UTF-8 (sequence cut off by the end of the file)")
    }
    let b1 = p[pos + 1]
    guard b1 >= lo && b1 <= hi else {
      throw fail(
        pos,
        "invalid UTF-8 (byte 0x\(String(b0, radix: 16, uppercase: true)) then 0x\(String(b1, radix: 16, uppercase: true)))"
      )
    }
    if need >= 2 {
      for k in 2...need where p[pos + k] & 0xC0 != 0x80 {
        throw fail(pos, "invalid UTF-8 (bad continuation byte)")
      }
    }
    return pos + need + 1
  }

  private mutating func parseNumber(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int {
    let n = p.count
    var pos = start
    if p[pos] == UInt8(ascii: "-") { pos += 1 }
    guard pos < n else { throw truncated(n) }
    if p[pos] == UInt8(ascii: "0") {
      pos += 1
    } else if isDigit(p[pos]) {
      while pos < n && isDigit(p[pos]) { pos += 1 }
    } else {
      throw unexpected(p, pos, "a digit")
    }
    if pos < n && p[pos] == UInt8(ascii: ".") {
      pos += 1
      guard pos < n else { throw truncated(n) }
      guard isDigit(p[pos]) else { throw unexpected(p, pos, "a digit after '.'") }
      while pos < n && isDigit(p[pos]) { pos += 1 }
    }
    if pos < n && (p[pos] == UInt8(ascii: "e") || p[pos] == UInt8(ascii: "E")) {
      pos += 1
      if pos < n && (p[pos] == UInt8(ascii: "+") || p[pos] == UInt8(ascii: "-")) { pos += 1 }
      guard pos < n else { throw truncated(n) }
      guard isDigit(p[pos]) else { throw unexpected(p, pos, "a digit in the exponent") }
      while pos < n && isDigit(p[pos]) { pos += 1 }
    }
    tape.append(JSONNodeRecord(kind: .number, flags: 0, start: UInt32(start), end: UInt32(pos)))
    return pos
  }

  private mutating func literal(
    _ p: UnsafeBufferPointer<UInt8>, _ pos: Int, _ word: StaticString, _ kind: JSONKind,
    _ flags: UInt8
  ) throws -> Int {
    let len = word.utf8CodeUnitCount
    let w = word.utf8Start
    for k in 0..<len {
      guard pos + k < p.count else { throw truncated(p.count) }
      guard p[pos + k] == w[k] else { throw unexpected(p, pos, "a value") }
    }
    tape.append(
      JSONNodeRecord(kind: kind, flags: flags, start: UInt32(pos), end: UInt32(pos + len)))
    return pos + len
  }

  @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

  private func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
  }

  // MARK: - Errors

  /// The path of the value being parsed, from the open containers.
  private func currentPath() -> String {
    var path = "$"
    for frame in stack {
      if frame.isObject {
        guard frame.keyIndex >= 0, frame.keyIndex < tape.count else { break }
        path += keyComponent(tape[frame.keyIndex])
      } else {
        path += "[\(frame.count)]"
      }
    }
    return path
  }

  private func keyComponent(_ r: JSONNodeRecord) -> String {
    // Keys are validated UTF-8; escapes are shown raw (rare in keys, fine in messages).
    guard let buffer else { return ".?" }
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: buffer[Int(r.start)..<Int(r.end)]), as: UTF8.self)
    return JSONValue.pathComponent(forKey: text)
  }

  /// The bytes being parsed (only during `parse`), so error paths can read key text.
  private var buffer: UnsafeBufferPointer<UInt8>? = nil

  private func fail(_ offset: Int, _ reason: String) -> Failure {
    Failure(offset: offset, reason: reason, path: currentPath())
  }

  private func truncated(_ n: Int, inString: Bool = false) -> Failure {
    let inside: String
    if inString {
      inside = "inside a string"
    } else if let top = stack.last {
      inside = top.isObject ? "inside an object" : "inside an array"
    } else {
      inside = "before the value was complete"
    }
    return Failure(
      offset: n, reason: "truncated JSON: the file ends \(inside)", path: currentPath())
  }

  private func unexpected(_ p: UnsafeBufferPointer<UInt8>, _ pos: Int, _ expected: String)
    -> Failure
  {
    let b = p[pos]
    if b >= 0x80 {
      if (try? validateUTF8(p, pos)) == nil {
        return fail(pos, "invalid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true)))")
      }
      return fail(pos, "expected \(expected), found a non-ASCII character")
    }
    let shown: String
    if b >= 0x21 && b < 0x7F {
      shown = "'\(Character(Unicode.Scalar(b)))'"
    } else {
      shown = "byte 0x\(String(b, radix: 16, uppercase: true))"
    }
    return fail(pos, "expected \(expected), found \(shown)")
  }
}

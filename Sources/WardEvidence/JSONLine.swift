/// A JSON value as the pack's files write it.
enum JSONScalar {
  case null
  case int(Int64)
  case bool(Bool)
  case string(String)
  case object(keys: [String], values: [JSONScalar])

  /// An object with these fields, in this order.
  static func fields(_ fields: [(String, JSONScalar)]) -> JSONScalar {
    .object(keys: fields.map(\.0), values: fields.map(\.1))
  }
}

/// Writes JSON as UTF-8 bytes with the keys in the order given (so every file of a pack is
/// byte-for-byte reproducible and reads in a sensible order) and every control, DEL, C1
/// and bidi character escaped as `\uXXXX`, so printing a file cannot drive a terminal. The
/// escapes decode to the same strings, so hashes computed from the decoded values are
/// unaffected.
enum JSONLine {
  static func render(_ fields: [(String, JSONScalar)]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(512)
    write(.fields(fields), into: &out)
    return out
  }

  static func write(_ value: JSONScalar, into out: inout [UInt8]) {
    switch value {
    case .null: out += "null".utf8
    case .int(let i): out += String(i).utf8
    case .bool(let b): out += (b ? "true" : "false").utf8
    case .string(let s): quote(s, into: &out)
    case .object(let keys, let values):
      out.append(UInt8(ascii: "{"))
      for (i, (key, value)) in zip(keys, values).enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        quote(key, into: &out)
        out.append(UInt8(ascii: ":"))
        write(value, into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  static func quote(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    // Fast path over the UTF-8 bytes; a lead byte that may start a character to escape
    // (C2: C1 controls, D8: U+061C, E2: bidi and line separators) is decided per scalar.
    var utf8 = Array(s.utf8)[...]
    while let b = utf8.first {
      switch b {
      case UInt8(ascii: "\""):
        out += #"\""#.utf8
      case UInt8(ascii: "\\"):
        out += #"\\"#.utf8
      case UInt8(ascii: "\n"):
        out += #"\n"#.utf8
      case UInt8(ascii: "\t"):
        out += #"\t"#.utf8
      case UInt8(ascii: "\r"):
        out += #"\r"#.utf8
      case 0..<0x20, 0x7F:
        escape(UInt32(b), into: &out)
      case 0xC2, 0xD8, 0xE2:
        let length = b == 0xE2 ? 3 : 2
        let sequence = utf8.prefix(length)
        if let scalar = String(validating: sequence, as: UTF8.self)?.unicodeScalars.first,
          sequence.count == length, needsEscape(scalar.value)
        {
          escape(scalar.value, into: &out)
        } else {
          out += sequence
        }
        utf8 = utf8.dropFirst(sequence.count)
        continue
      default:
        out.append(b)
      }
      utf8 = utf8.dropFirst()
    }
    out.append(UInt8(ascii: "\""))
  }

  /// C1 controls, bidi controls and the line/paragraph separators.
  static func needsEscape(_ v: UInt32) -> Bool {
    (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
      || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
  }

  static func escape(_ v: UInt32, into out: inout [UInt8]) {
    let hex = String(v, radix: 16)
    out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
  }
}

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

/// Writes JSON with the keys in the order given (so every file of a pack is byte-for-byte
/// reproducible and reads in a sensible order) and every control, DEL, C1 and bidi
/// character escaped as `\uXXXX`, so printing a file cannot drive a terminal. The escapes
/// decode to the same strings, so hashes computed from the decoded values are unaffected.
enum JSONLine {
  static func render(_ fields: [(String, JSONScalar)]) -> String {
    var out = ""
    write(.fields(fields), into: &out)
    return out
  }

  static func write(_ value: JSONScalar, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .int(let i): out += String(i)
    case .bool(let b): out += b ? "true" : "false"
    case .string(let s): quote(s, into: &out)
    case .object(let keys, let values):
      out += "{"
      for (i, (key, value)) in zip(keys, values).enumerated() {
        if i > 0 { out += "," }
        quote(key, into: &out)
        out += ":"
        write(value, into: &out)
      }
      out += "}"
    }
  }

  static func quote(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        let v = scalar.value
        let isBidi =
          (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E
          || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
        if v < 0x20 || (0x7F...0x9F).contains(v) || isBidi {
          let hex = String(v, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}

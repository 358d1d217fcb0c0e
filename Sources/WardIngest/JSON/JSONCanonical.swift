extension JSONValue {
  /// Compact JSON text with object keys sorted, so equal values print equally.
  public var canonicalJSON: String {
    var out = ""
    write(into: &out)
    return out
  }

  private func write(into out: inout String) {
    switch kind {
    case .null: out += "null"
    case .bool: out += record.flags & 1 == 1 ? "true" : "false"
    case .number:
      let r = record
      out += String(decoding: doc.bytes[Int(r.start)..<Int(r.end)], as: UTF8.self)
    case .string: JSONValue.writeString(decodedString, into: &out)
    case .array:
      out += "["
      for (k, e) in ((try? array()) ?? []).enumerated() {
        if k > 0 { out += "," }
        e.write(into: &out)
      }
      out += "]"
    case .object:
      out += "{"
      let sorted = ((try? members()) ?? []).sorted { $0.key < $1.key }
      for (k, m) in sorted.enumerated() {
        if k > 0 { out += "," }
        JSONValue.writeString(m.key, into: &out)
        out += ":"
        m.value.write(into: &out)
      }
      out += "}"
    }
  }

  static func writeString(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let h = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out += "\""
  }
}

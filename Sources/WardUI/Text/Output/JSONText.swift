extension OutputText {
  /// A JSON string literal (RFC 8259) in which every unsafe character (see
  /// ``isUnsafe(_:)``), not only the C0 controls JSON requires, is a `\uXXXX` escape, so
  /// the document is plain, inert text on a terminal and decodes to the original string.
  public static func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if isUnsafe(u) { out += unicodeEscape(u) } else { out.unicodeScalars.append(u) }
      }
    }
    return out + "\""
  }

  /// A JSON document from another serialiser (e.g. `JSONSerialization`) with every unsafe
  /// character escaped. Outside strings JSON holds only ASCII punctuation, digits, letters
  /// and whitespace, and a serialiser has already escaped the C0 controls inside strings,
  /// so each raw unsafe character left (DEL, C1, bidi) is inside a string and `\uXXXX`
  /// there means the same character. Line feeds are layout and stay.
  public static func escapingJSONDocument(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" }) else {
      return json
    }
    var out = ""
    for u in json.unicodeScalars {
      if isUnsafe(u) && u != "\n" { out += unicodeEscape(u) } else { out.unicodeScalars.append(u) }
    }
    return out
  }
}

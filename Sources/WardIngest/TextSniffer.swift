import Foundation

/// Classifies a file's bytes before parsing: JSON, AWS CLI error text, tenants YAML, or
/// something else (named for the error message).
enum TextSniffer {
  enum Kind {
    case json
    case cliError(String)
    case tenantsYAML(String)
    case other(looksLike: String)
    /// Text that is not valid UTF-8; the offset is at or before the first bad byte.
    case invalidUTF8(byteOffset: Int)
  }

  static func classify(_ bytes: [UInt8]) -> Kind {
    var i = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    guard i < bytes.count else { return .other(looksLike: "an empty file") }
    let first = bytes[i]
    if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"") {
      return .json
    }
    if first == UInt8(ascii: "-") || (first >= 48 && first <= 57) {
      // A bare number is JSON, but so might be YAML; try JSON first.
      let head = String(decoding: bytes.prefix(64), as: UTF8.self)
      if !head.contains(":") { return .json }
    }
    if isBinary(bytes) { return .other(looksLike: "binary data") }
    // The text formats (tenants YAML, CLI error text) are small; a large text file is
    // refused before it is decoded or searched (a 300 MB line took 50 s to refuse).
    if bytes.count > ImportLimits.textBytes {
      return .other(
        looksLike:
          "a text file of \(bytes.count >> 20) MiB (tenants YAML and CLI error text are at most \(ImportLimits.textBytes >> 20) MiB)"
      )
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let valid = bytes.prefix { $0 < 0x80 }.count
      return .invalidUTF8(byteOffset: valid)
    }
    let trimmed = text.drop { $0.isWhitespace }
    if trimmed.hasPrefix("An error occurred (") || trimmed.hasPrefix("\nAn error occurred (")
      || (trimmed.hasPrefix("aws: ") || trimmed.contains("An error occurred ("))
        && trimmed.count < 4096
    {
      return .cliError(String(trimmed))
    }
    if hasTopLevelKey("tenants", in: text) { return .tenantsYAML(text) }
    return .other(looksLike: describe(text))
  }

  static func isBinary(_ bytes: [UInt8]) -> Bool {
    bytes.prefix(4096).contains { $0 == 0 || ($0 < 0x09) }
  }

  /// Whether a YAML text has `KEY:` at column 0 (outside comments).
  static func hasTopLevelKey(_ key: String, in text: String) -> Bool {
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("\(key):") { return true }
    }
    return false
  }

  static func describe(_ text: String) -> String {
    let trimmed = text.drop { $0.isWhitespace }
    let firstLine = trimmed.prefix { $0 != "\n" }
    if trimmed.hasPrefix("<") { return "XML or HTML" }
    if trimmed.hasPrefix("---")
      || firstLine.range(of: #"^[A-Za-z_][\w-]*:"#, options: .regularExpression) != nil
    {
      return "YAML without a top-level tenants: list"
    }
    if firstLine.contains(";") && firstLine.split(separator: ";").count > 3 {
      return "semicolon-separated CSV (Prowler CSV? use -M json-ocsf)"
    }
    if firstLine.contains(",") && firstLine.split(separator: ",").count > 2 { return "CSV" }
    return "plain text starting \"\(String(firstLine.prefix(40)))\""
  }
}

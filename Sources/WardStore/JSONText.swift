import Foundation

/// Canonical JSON text for the list and map columns (sorted keys, so equal values give
/// equal text and re-imports compare unchanged).
enum JSONText {
  static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "null" }
    return String(decoding: data, as: UTF8.self)
  }

  static func decode<T: Decodable>(_ type: T.Type, _ text: String, default fallback: T) -> T {
    (try? JSONDecoder().decode(type, from: Data(text.utf8))) ?? fallback
  }
}

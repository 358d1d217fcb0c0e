import Foundation

/// A policy document as AWS responses carry it: a JSON object (the CLI decodes it), JSON
/// text inside a string (Lambda get-policy), or URL-encoded JSON text (the IAM API, per
/// RFC 3986). One parser for every policy Ward reads.
enum EmbeddedPolicyDocument {
  /// The document object of `value`, or an error located at `value`.
  static func parse(_ value: JSONValue) throws -> JSONValue {
    switch value.kind {
    case .object:
      return value
    case .string:
      var text = try value.string()
      if text.hasPrefix("%") || !text.hasPrefix("{") {
        guard let decoded = text.removingPercentEncoding else {
          throw value.failure("the embedded policy is neither JSON nor URL-encoded JSON")
        }
        text = decoded
      }
      let policy: JSONValue
      do {
        policy = try JSONDocument(parsing: Array(text.utf8)).root
      } catch let inner as ReadError {
        throw value.failure(
          "the embedded policy JSON is invalid at \(inner.place): \(inner.reason)")
      }
      guard policy.isObject else { throw value.failure("the embedded policy is not a JSON object") }
      return policy
    default:
      throw value.typeMismatch("a policy document (string or object)")
    }
  }

  /// The `Statement` list of a document (a single statement object counts as a list of
  /// one); a statement that is not an object is an error at its place.
  static func statements(of policy: JSONValue) throws -> [JSONValue] {
    let statementValue = try policy.required("Statement")
    let items = statementValue.isArray ? try statementValue.array() : [statementValue]
    for s in items where !s.isObject { throw s.typeMismatch("a statement object") }
    return items
  }
}

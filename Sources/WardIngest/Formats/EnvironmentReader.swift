import Crypto
import WardModel

/// Turns an environment variable's value into what Ward keeps, then forgets the value.
enum EnvironmentReader {
  static func variable(name: String, value: String) -> EnvironmentVariable {
    let kind = SecretClassifier.classify(name: name, value: value)
    return EnvironmentVariable(
      name: name, fingerprint: fingerprint(value),
      preview: SecretClassifier.preview(name: name, value: value, kind: kind), secretKind: kind,
      entropy: SecretClassifier.entropy(value), length: value.count)
  }

  /// `sha256:` and the first 16 hex digits of SHA-256 of the value.
  static func fingerprint(_ value: String) -> String {
    let digest = SHA256.hash(data: Array(value.utf8))
    let hex = digest.prefix(8).map { b in
      let h = String(b, radix: 16)
      return b < 16 ? "0" + h : h
    }.joined()
    return "sha256:" + hex
  }

  /// Reads `Environment.Variables` of a FunctionConfiguration.
  static func read(_ configuration: JSONValue) throws -> [EnvironmentVariable] {
    guard let variables = try configuration.object("Environment")?.object("Variables") else {
      return []
    }
    return try variables.members().map { member in
      let value: String
      switch member.value.kind {
      case .string: value = try member.value.string()
      case .number, .bool: value = member.value.canonicalJSON
      default: throw member.value.typeMismatch("a string")
      }
      return variable(name: member.key, value: value)
    }
  }
}

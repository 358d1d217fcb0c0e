import Foundation

/// What a value looks like when it looks like a credential.
public enum SecretKind: String, CaseIterable, Codable, Sendable, Hashable {
  /// `AKIA…`/`ASIA…` access key id.
  case awsAccessKeyId = "aws-access-key-id"
  /// 40-character base64 value under one of the usual names of an AWS secret access key
  /// (`AWS_SECRET_ACCESS_KEY`, `*_SECRET_KEY`).
  case awsSecretAccessKey = "aws-secret-access-key"
  /// PEM private key block.
  case privateKey = "private-key"
  /// JSON Web Token (three base64url parts, header starting `eyJ`).
  case jwt
  /// URL or DSN with an inline password, e.g. `postgres://user:pw@host/db`.
  case connectionString = "connection-string"
  /// Well-known token formats: GitHub, Slack, Stripe, Google API keys.
  case knownToken = "known-token"
  /// A high-entropy value under a name such as SECRET, TOKEN, PASSWORD or KEY.
  case highEntropy = "high-entropy"
  /// A plain value under a credential-like name (e.g. `DB_PASSWORD=hunter2`): any value under
  /// a name that says password, secret or token; six characters or more under other
  /// key-like names.
  case namedCredential = "named-credential"
}

/// Classifies environment variable values without keeping them.
///
/// Pure and deterministic; importers call it before they drop the value.
public enum SecretClassifier {
  /// Name fragments that mark a variable as meant to hold a credential.
  public static let credentialNameFragments = [
    "SECRET", "TOKEN", "PASSWORD", "PASSWD", "PWD", "API_KEY", "APIKEY", "ACCESS_KEY",
    "PRIVATE_KEY", "AUTH", "CREDENTIAL", "KEY",
  ]

  /// Whether a variable name suggests a credential.
  public static func nameLooksSensitive(_ name: String) -> Bool {
    let upper = name.uppercased()
    // Names that mention a key but hold an identifier, not a secret.
    for benign in [
      "KEY_ID", "KMS_KEY", "KEY_ARN", "KEYSPACE", "PUBLIC_KEY", "KEY_NAME", "CACHE_KEY",
    ]
    where upper.contains(benign) {
      if !upper.contains("SECRET") { return false }
    }
    return credentialNameFragments.contains { upper.contains($0) }
  }

  /// Shannon entropy of `value` in bits per character.
  public static func entropy(_ value: String) -> Double {
    var counts: [Unicode.Scalar: Int] = [:]
    var total = 0
    for s in value.unicodeScalars {
      counts[s, default: 0] += 1
      total += 1
    }
    guard total > 0 else { return 0 }
    // Sum in a fixed order: Dictionary order changes per process, and a floating-point sum
    // in another order gives another last bit (re-imports must be byte-for-byte no-ops).
    var h = 0.0
    for c in counts.values.sorted() {
      let p = Double(c) / Double(total)
      h -= p * log2(p)
    }
    return h
  }

  /// Classifies a value held under `name`; nil when it does not look like a credential.
  public static func classify(name: String, value: String) -> SecretKind? {
    let v = value
    if v.contains("-----BEGIN") && v.contains("PRIVATE KEY") { return .privateKey }
    if isAccessKeyId(v) { return .awsAccessKeyId }
    if isJWT(v) { return .jwt }
    if hasInlinePassword(v) { return .connectionString }
    if isKnownToken(v) { return .knownToken }
    let sensitive = nameLooksSensitive(name)
    if sensitive && namesAWSSecretKey(name) && looksLikeAWSSecretKey(v) {
      return .awsSecretAccessKey
    }
    guard sensitive, !looksLikeReference(v) else { return nil }
    if v.count >= 16 && entropy(v) >= 3.5 { return .highEntropy }
    // Under a name that says password or secret, any real value is one, however short or
    // simple (`DB_PASSWORD=hunter2`); under a vaguer name (`AUTH_MODE`) only longer ones.
    if nameSaysSecret(name) {
      if !isEmptyish(v) { return .namedCredential }
    } else if v.count >= 6 && !isBoringValue(v) {
      return .namedCredential
    }
    return nil
  }

  /// Name fragments that say the value is a secret outright (not merely key-like).
  public static let secretNameFragments = [
    "PASSWORD", "PASSWD", "PWD", "SECRET", "PRIVATE_KEY", "TOKEN", "CREDENTIAL", "API_KEY",
    "APIKEY",
  ]

  /// Whether a variable's name says it holds a password, secret, token or private key.
  public static func nameSaysSecret(_ name: String) -> Bool {
    let upper = name.uppercased()
    return nameLooksSensitive(name) && secretNameFragments.contains { upper.contains($0) }
  }

  /// The usual names of an AWS secret access key: `AWS_SECRET_ACCESS_KEY`, `…SECRET_ACCESS…`,
  /// `*_SECRET_KEY`, `*SECRETKEY`, `AWS_SECRET*`.
  public static func namesAWSSecretKey(_ name: String) -> Bool {
    let upper = name.uppercased()
    return (upper.contains("SECRET") && upper.contains("ACCESS")) || upper.hasSuffix("SECRET_KEY")
      || upper.hasSuffix("SECRETKEY") || upper.hasPrefix("AWS_SECRET")
  }

  /// The shape of an AWS secret access key: 40 characters of the base64 alphabet.
  static func looksLikeAWSSecretKey(_ v: String) -> Bool {
    v.count == 40 && v.unicodeScalars.allSatisfy { isBase64Scalar($0) }
  }

  /// A redacted preview, never the value: `…(N)` (only the length) for a value not classed
  /// as a secret, `***(N)` for a secret or a sensitive name, and for a few credential
  /// kinds the part that names the kind, not the secret (`AKIA…(20)`, `eyJ…(N)`,
  /// `postgres://***(N)`, `-----BEGIN …(N)`).
  public static func preview(name: String, value: String, kind: SecretKind?) -> String {
    let n = value.count
    if n == 0 { return "(empty)" }
    if kind == nil && !nameLooksSensitive(name) { return plainPreview(length: n) }
    let keep: Int
    switch kind {
    case .awsAccessKeyId: keep = 4
    case .jwt: keep = 3
    case .privateKey: return "-----BEGIN …(\(n))"
    case .connectionString:
      if let scheme = value.range(of: "://") {
        return "\(value[..<scheme.upperBound])***(\(n))"
      }
      keep = 0
    default: keep = 0
    }
    return keep > 0 ? "\(value.prefix(keep))…(\(n))" : "***(\(n))"
  }

  /// The preview of a value not classed as a secret: its length only (`…(N)`).
  public static func plainPreview(length: Int) -> String { "…(\(length))" }

  // MARK: - Patterns

  static func isAccessKeyId(_ v: String) -> Bool {
    let u = Array(v.utf8)
    guard u.count == 20 else { return false }
    let prefix = String(decoding: u[0..<4], as: UTF8.self)
    guard ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"].contains(prefix) else {
      return false
    }
    return u[4...].allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 50 && $0 <= 55) }
  }

  static func isJWT(_ v: String) -> Bool {
    guard v.hasPrefix("eyJ") else { return false }
    let parts = v.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count >= 10, parts[1].count >= 10 else { return false }
    return parts.allSatisfy { p in
      p.unicodeScalars.allSatisfy { isBase64Scalar($0) || $0 == "-" || $0 == "_" }
    }
  }

  static func hasInlinePassword(_ v: String) -> Bool {
    // scheme://user:password@host
    guard let schemeEnd = v.range(of: "://") else {
      // key=value DSNs: "Password=...;" or "password=..."
      let lower = v.lowercased()
      for key in ["password=", "pwd="] {
        if let r = lower.range(of: key) {
          let rest = lower[r.upperBound...]
          if let first = rest.first, first != ";" && first != " " && first != "&" { return true }
        }
      }
      return false
    }
    let rest = v[schemeEnd.upperBound...]
    guard let at = rest.firstIndex(of: "@") else { return false }
    let userinfo = rest[..<at]
    guard let colon = userinfo.firstIndex(of: ":") else { return false }
    let password = userinfo[userinfo.index(after: colon)...]
    return !password.isEmpty && !password.hasPrefix("$") && !password.hasPrefix("{")
  }

  static func isKnownToken(_ v: String) -> Bool {
    let prefixes = [
      "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xoxb-", "xoxp-", "xoxa-", "xoxr-",
      "sk_live_", "rk_live_", "AIza", "glpat-", "npm_", "SG.",
    ]
    return v.count >= 20 && prefixes.contains { v.hasPrefix($0) }
  }

  /// Values that point at a secret store rather than hold a secret.
  static func looksLikeReference(_ v: String) -> Bool {
    v.hasPrefix("arn:") || v.hasPrefix("{{resolve:") || v.hasPrefix("${") || v.hasPrefix("ssm:")
      || v.hasPrefix("secretsmanager:") || v.hasPrefix("/") || v.hasPrefix("https://")
      || v.hasPrefix("http://")
  }

  /// Values that hold nothing even under a password name: empty, `none`, `null`, booleans.
  static func isEmptyish(_ v: String) -> Bool {
    ["", "true", "false", "none", "null", "nil", "undefined"].contains(
      v.trimmingCharacters(in: .whitespaces).lowercased())
  }

  static func isBoringValue(_ v: String) -> Bool {
    let lower = v.lowercased()
    if ["true", "false", "none", "null", "changeme", "enabled", "disabled"].contains(lower) {
      return true
    }
    return v.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
  }

  static func isBase64Scalar(_ s: Unicode.Scalar) -> Bool {
    (s >= "A" && s <= "Z") || (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "+"
      || s == "/" || s == "="
  }
}

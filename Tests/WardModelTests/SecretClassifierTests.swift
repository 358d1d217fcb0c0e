import Testing

@testable import WardModel

@Suite struct SecretClassifierTests {
  @Test func detectsCredentialShapes() {
    #expect(SecretClassifier.classify(name: "X", value: "AKIAIOSFODNN7EXAMPLE") == .awsAccessKeyId)
    #expect(
      SecretClassifier.classify(name: "DB_URL", value: "postgres://app:s3cr3t@db.internal/app")
        == .connectionString)
    #expect(
      SecretClassifier.classify(
        name: "T",
        value:
          "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
      ) == .jwt)
    #expect(
      SecretClassifier.classify(name: "API_TOKEN", value: "q8Xz3LmP0vR7tY2wK9sD4fG6hJ1nB5cV")
        == .highEntropy)
    #expect(SecretClassifier.classify(name: "DB_PASSWORD", value: "hunter22") == .namedCredential)
  }

  @Test func leavesOrdinaryValuesAlone() {
    #expect(SecretClassifier.classify(name: "DB_HOST", value: "db.internal") == nil)
    #expect(SecretClassifier.classify(name: "LOG_LEVEL", value: "debug") == nil)
    #expect(SecretClassifier.classify(name: "KMS_KEY_ARN", value: "arn:aws:kms:x") == nil)
    #expect(
      SecretClassifier.classify(
        name: "SECRET_ARN", value: "arn:aws:secretsmanager:us-east-1:1:secret:x")
        == nil)
    #expect(SecretClassifier.classify(name: "API_KEY_ENABLED", value: "true") == nil)
  }

  @Test func previewNeverShowsTheSecret() {
    let v = "AKIAIOSFODNN7EXAMPLE"
    let p = SecretClassifier.preview(name: "K", value: v, kind: .awsAccessKeyId)
    #expect(p == "AKIA…(20)")
    #expect(!p.contains("EXAMPLE"))
    #expect(
      SecretClassifier.preview(name: "DB_PASSWORD", value: "hunter22", kind: .namedCredential)
        == "***(8)")
    #expect(
      SecretClassifier.preview(name: "DB_HOST", value: "db.internal", kind: nil) == "…(11)")
  }

  /// Values not classed as secrets are not stored either: only their length shows.
  @Test func aPlainValuePreviewHoldsNoCharacterOfTheValue() {
    for value in [
      "prod", "db.internal", "https://api.example.com/v1", String(repeating: "x", count: 40),
    ] {
      let p = SecretClassifier.preview(name: "MODE", value: value, kind: nil)
      #expect(p == "…(\(value.count))")
      #expect(!p.contains(value.prefix(2)))
    }
  }
}

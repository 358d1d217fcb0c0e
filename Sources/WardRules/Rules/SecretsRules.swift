import WardModel

/// Severity of a credential by its kind.
func severity(of kind: SecretKind) -> Severity {
  switch kind {
  case .privateKey, .awsAccessKeyId, .awsSecretAccessKey: .critical
  case .connectionString, .knownToken, .jwt, .highEntropy: .high
  case .namedCredential: .medium
  }
}

/// Severity of a credential-like variable by what the value is *and* what the name says:
/// a plain value under a name that says password, secret or token is still one (high).
func severity(of v: EnvironmentVariable) -> Severity {
  guard let kind = v.secretKind else { return .info }
  let byValue = severity(of: kind)
  let byName: Severity = SecretClassifier.nameSaysSecret(v.name) ? .high : .medium
  return byValue.rank >= byName.rank ? byValue : byName
}

/// Evidence text for a variable: name, kind, preview and fingerprint, never the value.
func evidenceText(_ v: EnvironmentVariable) -> String {
  "\(v.name) (\(v.secretKind?.rawValue ?? "plain"), preview \(v.preview), \(v.fingerprint))"
}

/// WARD-SEC-001: a credential in plain environment variables.
struct CredentialInEnvironmentRule: Rule {
  let entry = RuleEntry(
    id: "WARD-SEC-001", category: .secrets, severity: .critical,
    severityNote:
      "critical for private keys and AWS access key ids and secret access keys (40 base64 characters under AWS_SECRET_ACCESS_KEY, *_SECRET_KEY and similar names); high for connection strings, tokens, JWTs and high-entropy values, and for any value under a name that says password, secret or token, however short; medium for other values under key-like names",
    title: "Credential in environment variables",
    rationale:
      "Environment variables are readable by anyone with lambda:GetFunctionConfiguration, appear in IaC and CI logs, and are inherited by every process in the function: a credential there leaks easily and is rarely rotated.",
    remediation:
      "Move the value to Secrets Manager or SSM Parameter Store (SecureString), read it at init, rotate the exposed credential now."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let found = s.function.environment.filter { $0.secretKind != nil }
    guard !found.isEmpty else { return nil }
    let worst = found.map { severity(of: $0) }.max { $0.rank < $1.rank } ?? .medium
    return RuleHit(evidence: found.map(evidenceText).joined(separator: "; "), severity: worst)
  }
}

/// WARD-SEC-002: environment variables encrypted only with the AWS-managed key.
struct EnvironmentWithoutCMKRule: Rule {
  let entry = RuleEntry(
    id: "WARD-SEC-002", category: .secrets, severity: .medium,
    severityNote:
      "medium when a variable looks like a credential (the key would protect it) or the function is exposed; low otherwise (hygiene)",
    title: "Environment variables without a customer-managed KMS key",
    rationale:
      "With the AWS-managed key anyone allowed to read the configuration sees the values; a customer key adds a separate kms:Decrypt permission and an audit trail of every decryption.",
    remediation: "Set KMSKeyArn to a customer-managed key whose policy names the readers.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard !s.function.environment.isEmpty, s.function.kmsKeyArn == nil else { return nil }
    let holdsCredential = s.function.environment.contains { $0.secretKind != nil }
    return RuleHit(
      evidence:
        "\(s.function.environment.count) variables (\(s.function.environment.map(\.name).joined(separator: ","))); KMSKeyArn absent"
        + (holdsCredential ? "; holds credential-like values" : Hygiene.exposureNote(s)),
      severity: holdsCredential ? .medium : Hygiene.severity(s, exposed: .medium))
  }
}

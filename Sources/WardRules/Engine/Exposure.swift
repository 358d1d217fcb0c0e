import WardModel

/// Exposure facts derived from a function's policy, URL and triggers, shared by rules.
extension PolicyStatement {
  /// Whether the statement grants (rather than denies).
  var isAllow: Bool { effect.lowercased() == "allow" }

  /// Whether a condition pins the caller to a source resource, account or organisation.
  var hasScopingCondition: Bool {
    sourceArn != nil || sourceAccount != nil || principalOrgId != nil
  }

  /// The permission AWS adds for a function URL with AuthType NONE: covered by the URL
  /// rules, so the policy rules skip it.
  var isFunctionURLPermission: Bool {
    functionUrlAuthType != nil
      && actions.allSatisfy { $0.lowercased() == "lambda:invokefunctionurl" }
  }

  /// A short description for evidence.
  var evidenceText: String {
    let conditions = [
      sourceArn.map { "SourceArn=\($0)" }, sourceAccount.map { "SourceAccount=\($0)" },
      principalOrgId.map { "PrincipalOrgID=\($0)" },
    ].compactMap { $0 }
    return
      "statement \(sid ?? "(no sid)"): principal \(principals.joined(separator: ",")), "
      + "action \(actions.joined(separator: ",")), condition "
      + (conditions.isEmpty ? "none" : conditions.joined(separator: " "))
  }
}

/// Service principals that invoke a function asynchronously (events are queued by Lambda
/// and dropped after retries unless a DLQ or on-failure destination catches them).
let asynchronousServicePrincipals: Set<String> = [
  "s3.amazonaws.com", "sns.amazonaws.com", "events.amazonaws.com", "ses.amazonaws.com",
  "iot.amazonaws.com", "logs.amazonaws.com", "codecommit.amazonaws.com",
  "config.amazonaws.com", "cloudformation.amazonaws.com", "scheduler.amazonaws.com",
]

extension FunctionInventory {
  /// Allow statements.
  var allowStatements: [PolicyStatement] { policy.filter(\.isAllow) }

  /// Allow statements open to everyone with no scoping condition (URL permission excluded).
  var publicPolicyStatements: [PolicyStatement] {
    allowStatements.filter {
      $0.isPublicPrincipal && !$0.hasScopingCondition && !$0.isFunctionURLPermission
    }
  }

  /// Whether the function URL needs no AWS credentials.
  var hasPublicURL: Bool { url?.isPublic == true }

  /// Whether anyone on the internet can invoke the function.
  var isPubliclyInvocable: Bool { hasPublicURL || !publicPolicyStatements.isEmpty }

  /// The public input paths into the function, described for evidence: a URL with
  /// AuthType NONE, a public policy statement, or an API Gateway permission with no
  /// SourceArn (any API, in any account, may route requests to it).
  var publicInputPaths: [String] {
    var paths: [String] = []
    if let url, url.isPublic { paths.append("function URL \(url.url) AuthType NONE") }
    for s in publicPolicyStatements { paths.append("public policy \(s.evidenceText)") }
    for s in allowStatements
    where s.principals.contains("apigateway.amazonaws.com") && s.sourceArn == nil {
      paths.append("API Gateway permission with no SourceArn (\(s.evidenceText))")
    }
    return paths
  }

  /// How anyone on the internet can invoke the function, for evidence: the public input
  /// paths, then API Gateway routes with no authorizer and no IAM auth.
  var anyoneCanInvoke: [String] {
    var paths = hasPublicURL || !publicPolicyStatements.isEmpty ? publicInputPaths : []
    paths += routes.filter(\.isOpen).map { "open route \($0.label)" }
    return paths
  }

  /// Sources feeding the function that anyone can write to.
  var openTriggerSources: [FunctionTriggerSource] {
    sources.filter { if case .open = $0.exposure { true } else { false } }
  }

  /// Whether outsiders can reach the function: invoke it, or write to a source that feeds it.
  var isExposed: Bool { !anyoneCanInvoke.isEmpty || !openTriggerSources.isEmpty }

  /// Allow statements granting to asynchronous service principals.
  var asynchronousInvokers: [PolicyStatement] {
    allowStatements.filter { s in
      s.principals.contains { asynchronousServicePrincipals.contains($0) }
    }
  }

  /// Whether failed asynchronous events have somewhere to go.
  var hasAsyncFailureTarget: Bool {
    function.deadLetterTarget != nil || function.onFailureDestination != nil
  }

  /// Distinct event sources: mappings plus service-principal grants.
  var eventSourceDescriptions: [String] {
    var sources = triggers.map { "mapping \($0.sourceArn)" }
    for s in allowStatements {
      for p in s.servicePrincipals { sources.append("\(p) via \(s.sourceArn ?? "(any source)")") }
    }
    return Array(Set(sources)).sorted()
  }
}

/// The last path component of an IAM role ARN (`.../role/service-role/NAME` -> `NAME`).
func roleName(_ roleArn: String) -> String { ARN.lastPathComponent(roleArn) }

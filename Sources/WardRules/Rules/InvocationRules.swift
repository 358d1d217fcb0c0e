import WardModel

/// WARD-INV-001: a function URL anyone can call.
struct PublicFunctionURLRule: Rule {
  let entry = RuleEntry(
    id: "WARD-INV-001", category: .invocation, severity: .high,
    title: "Function URL allows unauthenticated invocation",
    rationale:
      "A function URL with AuthType NONE is an HTTPS endpoint anyone on the internet can call; requests reach the code with no AWS signature, so the function must do all authentication itself.",
    remediation:
      "Set the URL's AuthType to AWS_IAM (and sign callers' requests), or put the function behind API Gateway with an authorizer; delete the URL if it is unused."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let url = s.inventory.url, url.isPublic else { return nil }
    return RuleHit(evidence: "url \(url.url): AuthType=\(url.authType)")
  }
}

/// WARD-INV-002: a function URL whose CORS lets any web origin call it from a browser.
struct WildcardCORSRule: Rule {
  let entry = RuleEntry(
    id: "WARD-INV-002", category: .invocation, severity: .medium,
    title: "Function URL CORS allows any origin",
    rationale:
      "Cors.AllowOrigins containing `*` lets scripts on any website call the URL from a victim's browser, turning the function into a cross-site request target.",
    remediation: "List the exact origins that need the URL in Cors.AllowOrigins.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let url = s.inventory.url, url.corsAllowOrigins.contains("*") else { return nil }
    return RuleHit(
      evidence:
        "url \(url.url): Cors.AllowOrigins=\(url.corsAllowOrigins.joined(separator: ","))"
        + (url.corsAllowMethods.isEmpty
          ? "" : " AllowMethods=\(url.corsAllowMethods.joined(separator: ","))"))
  }
}

/// WARD-INV-003: a resource policy that lets everyone invoke.
struct PublicResourcePolicyRule: Rule {
  let entry = RuleEntry(
    id: "WARD-INV-003", category: .invocation, severity: .critical,
    title: "Resource policy lets anyone invoke the function",
    rationale:
      "An Allow statement with Principal `*` and no aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition lets any AWS account invoke the function. (The permission AWS adds for a function URL is reported by WARD-INV-001 instead.)",
    remediation:
      "Replace `*` with the accounts or services that need access, or add a SourceArn, SourceAccount or PrincipalOrgID condition (lambda remove-permission / add-permission)."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let open = s.inventory.publicPolicyStatements
    guard !open.isEmpty else { return nil }
    return RuleHit(evidence: open.map(\.evidenceText).joined(separator: "; "))
  }
}

/// WARD-INV-004: a service principal with nothing tying the grant to one resource or account.
struct ConfusedDeputyRule: Rule {
  let entry = RuleEntry(
    id: "WARD-INV-004", category: .invocation, severity: .high,
    title: "Service may invoke on behalf of any account (confused deputy)",
    rationale:
      "A grant to a `*.amazonaws.com` service principal with no SourceArn or SourceAccount lets that service invoke the function for any customer's resource: someone else's bucket, topic or rule can trigger it.",
    remediation:
      "Add aws:SourceArn (the bucket, topic, rule or API) and aws:SourceAccount conditions to the permission."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let loose = s.inventory.allowStatements.filter {
      !$0.servicePrincipals.isEmpty && $0.sourceArn == nil && $0.sourceAccount == nil
        && $0.principalOrgId == nil
    }
    guard !loose.isEmpty else { return nil }
    return RuleHit(evidence: loose.map(\.evidenceText).joined(separator: "; "))
  }
}

/// WARD-INV-005: a grant of every Lambda action rather than invoke only.
struct BroadPolicyActionRule: Rule {
  let entry = RuleEntry(
    id: "WARD-INV-005", category: .invocation, severity: .medium,
    title: "Resource policy grants more than invoke",
    rationale:
      "A statement allowing `lambda:*` or `*` lets the principal also read the code location, change configuration or permissions, not just invoke.",
    remediation: "Grant only lambda:InvokeFunction (or lambda:InvokeFunctionUrl).")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let broad = s.inventory.allowStatements.filter { st in
      st.actions.contains { $0 == "*" || $0.lowercased() == "lambda:*" }
    }
    guard !broad.isEmpty else { return nil }
    return RuleHit(evidence: broad.map(\.evidenceText).joined(separator: "; "))
  }
}

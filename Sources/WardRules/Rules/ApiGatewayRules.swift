import WardModel

/// The distinct APIs among a function's routes, each with its routes, in route order.
private func apis(_ routes: [FunctionRoute]) -> [(first: FunctionRoute, routes: [FunctionRoute])] {
  var order: [String] = []
  var byApi: [String: [FunctionRoute]] = [:]
  for r in routes {
    if byApi[r.apiId] == nil { order.append(r.apiId) }
    byApi[r.apiId, default: []].append(r)
  }
  return order.map { (byApi[$0]![0], byApi[$0]!) }
}

/// `a; b; c (+N more)`.
private func list(_ items: [String], limit: Int = 5) -> String {
  let shown = items.prefix(limit).joined(separator: "; ")
  return items.count > limit ? "\(shown) (+\(items.count - limit) more)" : shown
}

/// A hit naming every stage, of the APIs in front of the function, that lacks `protection`.
private func stageHit(
  _ s: RuleSubject, lacking what: String, _ protection: (ApiStage) -> Bool
) -> RuleHit? {
  let bare = apis(s.inventory.routes).flatMap { api in
    api.first.stages.filter { !protection($0) }.map {
      "\(api.first.apiName ?? api.first.apiId) (\(api.first.apiId)) stage \($0.name)"
    }
  }
  guard !bare.isEmpty else { return nil }
  return RuleHit(evidence: "\(what): " + list(bare))
}

/// WARD-INV-006: an API Gateway route anyone can call invokes the function.
struct OpenApiRouteRule: Rule {
  let entry = RuleEntry(
    id: "WARD-INV-006", category: .invocation, severity: .high,
    title: "API Gateway route invokes the function with no authorizer and no IAM auth",
    rationale:
      "A REST method or HTTP API route with authorization type NONE passes any internet caller's request to the function; an API key alone is not authentication (keys are for usage plans and travel in clear headers).",
    remediation:
      "Attach a Lambda, Cognito or JWT authorizer to the route, or require AWS_IAM; if the route must be public, make the function treat every input as untrusted and rate-limit the stage."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let open = s.inventory.routes.filter(\.isOpen)
    guard !open.isEmpty else { return nil }
    return RuleHit(
      evidence: "authorization NONE: "
        + list(open.map { $0.label + ($0.route.apiKeyRequired ? " (API key only)" : "") }))
  }
}

/// WARD-ATS-006: an API in front of the function lets any web origin call it.
struct ApiWildcardCORSRule: Rule {
  let entry = RuleEntry(
    id: "WARD-ATS-006", category: .attackSurface, severity: .medium,
    title: "API in front of the function allows CORS from any origin",
    rationale:
      "CorsConfiguration.AllowOrigins containing `*` lets scripts on any website call the API from a visitor's browser, so every page on the web can drive the function with the visitor's network position.",
    remediation: "List the exact origins that need the API in the CORS configuration.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let wild = apis(s.inventory.routes).filter { $0.first.corsAllowOrigins.contains("*") }
    guard !wild.isEmpty else { return nil }
    return RuleHit(
      evidence: "CORS AllowOrigins=*: "
        + list(wild.map { "\($0.first.apiName ?? $0.first.apiId) (\($0.first.apiId))" }))
  }
}

/// WARD-INJ-003: a public REST route passes unvalidated requests to the function.
struct UnvalidatedPublicRouteRule: Rule {
  let entry = RuleEntry(
    id: "WARD-INJ-003", category: .injection, severity: .medium,
    title: "Public REST route has no request validator",
    rationale:
      "Without a request validator API Gateway forwards any body and parameters to the function; on a route anyone can call, schema validation at the edge is the cheapest filter against injection payloads. HTTP APIs have no request validators and are not checked.",
    remediation:
      "Create a request validator (body and parameters) with a request model and set it on the method, and keep validating input in the function."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let bare = s.inventory.routes.filter {
      $0.apiKind == .rest && $0.isOpen && $0.route.requestValidatorId == nil
    }
    guard !bare.isEmpty else { return nil }
    return RuleHit(evidence: "no requestValidatorId: " + list(bare.map(\.label)))
  }
}

/// WARD-MON-005: a stage of an API in front of the function writes no access log.
struct StageWithoutAccessLogRule: Rule {
  let entry = RuleEntry(
    id: "WARD-MON-005", category: .monitoring, severity: .low,
    title: "API stage in front of the function has no access logging",
    rationale:
      "Access logs are the record of who called which route, from where and with what result; without them an abused public route leaves only the function's own logs, which do not show rejected or throttled calls.",
    remediation:
      "Set the stage's access log settings (destination log group and format, e.g. with $context.identity.sourceIp and $context.requestId)."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    stageHit(s, lacking: "no access log destination") { $0.accessLogging }
  }
}

/// WARD-DOS-004: a stage of an API in front of the function sets no throttling.
struct StageWithoutThrottlingRule: Rule {
  let entry = RuleEntry(
    id: "WARD-DOS-004", category: .dos, severity: .medium,
    title: "API stage in front of the function sets no throttling",
    rationale:
      "Without a stage or route rate and burst limit one caller can use the account's whole API Gateway and Lambda concurrency quota, starving every other function and running up the bill.",
    remediation:
      "Set a default rate and burst limit on the stage (REST methodSettings `*/*`, HTTP DefaultRouteSettings), or attach a usage plan with throttling."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    stageHit(s, lacking: "no rate or burst limit") { $0.throttled }
  }
}

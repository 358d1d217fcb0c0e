import WardModel
import WardUI

/// The function detail's access lines: the API Gateway routes in front of the function
/// (Configuration pane) and the execution role's effective permissions (Permissions pane).
enum FunctionDetailAccess {
  /// One line per route: method and path, API, auth, API key, validator, CORS, and one line
  /// per stage with its logging and throttling; nothing when no collected route reaches it.
  static func routes(_ inventory: FunctionInventory) -> [TextLine] {
    guard !inventory.routes.isEmpty else { return [] }
    var out: [TextLine] = [.heading("Routes (\(inventory.routes.count) API Gateway)")]
    var stagesShown = Set<String>()
    for r in inventory.routes {
      let target = r.route.path.isEmpty ? r.route.method : "\(r.route.method) \(r.route.path)"
      let auth = r.route.authType.rawValue + (r.isOpen ? "  ! no authorizer" : "")
      out.append(
        TextLine("  \(target)  ", style: Style(fg: .role(r.isOpen ? .error : .text)))
          .then(
            "\(r.apiName ?? r.apiId) (\(r.apiId), \(r.apiKind.rawValue))  auth \(auth)",
            style: Style(fg: .role(r.isOpen ? .error : .muted))))
      let validator =
        r.apiKind == .rest
        ? (r.route.requestValidatorId.map { "validator \($0)" } ?? "no validator") : ""
      let cors =
        r.corsAllowOrigins.isEmpty ? "" : "CORS " + r.corsAllowOrigins.joined(separator: ",")
      let extras = [r.route.apiKeyRequired ? "API key" : "no API key", validator, cors]
        .filter { !$0.isEmpty }
      out.append(
        TextLine("      " + extras.joined(separator: "  "), style: Style(fg: .role(.muted))))
      guard stagesShown.insert(r.apiId).inserted else { continue }
      for stage in r.stages {
        out.append(
          TextLine(
            "      stage \(stage.name): "
              + (stage.accessLogging ? "access log" : "no access log") + ", "
              + (stage.throttled ? "throttled" : "no throttling"),
            style: Style(fg: .role(stage.accessLogging && stage.throttled ? .muted : .warn))))
      }
    }
    return out
  }

  /// The role, its policies, and the effective permissions by service and resource; says
  /// "unknown" (and why) when IAM was not collected.
  static func permissions(_ inventory: FunctionInventory) -> [TextLine] {
    var out: [TextLine] = [.field("role", inventory.function.role ?? "none")]
    guard inventory.function.role != nil else { return out }
    guard let role = inventory.executionRole else {
      out.append(
        TextLine(
          "unknown: IAM was not collected for this role (iam-get-account-authorization-details.json)",
          style: Style(fg: .role(.warn))))
      return out
    }
    for p in role.role.inlinePolicies { out.append(.field("inline", p.name)) }
    for arn in role.role.attachedPolicyArns { out.append(.field("managed", arn)) }
    if let boundary = role.role.boundaryArn { out.append(.field("boundary", boundary)) }
    guard let permissions = inventory.permissions else {
      out.append(
        TextLine(
          "unknown: not collected: " + role.uncollectedPolicies.joined(separator: ", "),
          style: Style(fg: .role(.warn))))
      return out
    }
    out.append(
      .heading("Effective permissions (\(permissions.summary.count) by service and resource)"))
    if permissions.grants.isEmpty { out.append(TextLine("  none: nothing is allowed")) }
    for line in permissions.summary {
      let broad = line.resource == "*" && line.actions.contains { $0 == "*" || $0.hasSuffix(":*") }
      let role: Role = line.notes.contains("conditional") ? .muted : broad ? .error : .text
      out.append(
        TextLine(
          "  " + pad(line.service == "*" ? "all" : line.service, to: 10),
          style: Style(fg: .role(role))
        )
        .then(line.actions.joined(separator: ", "), style: Style(fg: .role(role))))
      out.append(TextLine("    on " + line.resource, style: Style(fg: .role(.muted))))
      for note in line.notes { out.append(TextLine("    " + note, style: Style(fg: .role(.warn)))) }
      out.append(
        TextLine(
          "    from " + line.sources.joined(separator: ", "), style: Style(fg: .role(.muted))))
    }
    return out
  }
}

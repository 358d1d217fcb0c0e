import WardModel

/// iam get-account-authorization-details: the roles (with inline policies, attached managed
/// policy ARNs and permissions boundary) and the managed policies' default-version
/// documents. Users and groups are not execution roles and are skipped. Each page of a
/// paginated response (`IsTruncated`, `Marker`) reads on its own: the store joins roles to
/// policies when it reads them, so pages may arrive in any order.
enum IAMAuthorizationReader {
  static func read(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-iam-get-account-authorization-details")
    for item in try value.array("RoleDetailList") ?? [] {
      batch.iamRoles.append(try role(item))
    }
    for item in try value.array("Policies") ?? [] {
      batch.iamPolicies.append(try managedPolicy(item))
    }
    return batch
  }

  static func role(_ item: JSONValue) throws -> IAMRole {
    guard item.isObject else { throw item.typeMismatch("a role object") }
    let arnValue = try item.required("Arn")
    let arnText = try arnValue.string()
    guard let arn = ARN(arnText), arn.service == "iam", arn.resource.hasPrefix("role/") else {
      throw arnValue.failure("not an IAM role ARN: \(arnText.prefix(200))")
    }
    var inline: [IAMInlinePolicy] = []
    for p in try item.array("RolePolicyList") ?? [] {
      inline.append(
        IAMInlinePolicy(
          name: try p.requiredString("PolicyName"),
          document: try document(try p.required("PolicyDocument"))))
    }
    var attached: [String] = []
    for p in try item.array("AttachedManagedPolicies") ?? [] {
      attached.append(try p.requiredString("PolicyArn"))
    }
    let boundary = try item.object("PermissionsBoundary")?.string("PermissionsBoundaryArn")
    return IAMRole(
      arn: arnText, name: try item.string("RoleName") ?? ARN.lastPathComponent(arnText),
      account: arn.account, inlinePolicies: inline, attachedPolicyArns: attached,
      boundaryArn: boundary)
  }

  /// A managed policy with its default version's document (`IsDefaultVersion`, or the
  /// version named by `DefaultVersionId`).
  static func managedPolicy(_ item: JSONValue) throws -> IAMManagedPolicy {
    guard item.isObject else { throw item.typeMismatch("a policy object") }
    let arn = try item.requiredString("Arn")
    let defaultId = try item.string("DefaultVersionId")
    let versions = try item.array("PolicyVersionList") ?? []
    var chosen: JSONValue? = nil
    for v in versions {
      if try v.bool("IsDefaultVersion") == true
        || (defaultId != nil && v.string("VersionId") == defaultId)
      {
        chosen = v
        break
      }
    }
    guard let chosen else {
      throw item.failure(
        "managed policy \(arn.prefix(200)) has no default version document in PolicyVersionList")
    }
    return IAMManagedPolicy(
      arn: arn, name: try item.string("PolicyName") ?? ARN.lastPathComponent(arn),
      document: try document(try chosen.required("Document")))
  }

  static func document(_ value: JSONValue) throws -> IAMPolicyDocument {
    let policy = try EmbeddedPolicyDocument.parse(value)
    return IAMPolicyDocument(
      statements: try EmbeddedPolicyDocument.statements(of: policy).map(statement))
  }

  static func statement(_ s: JSONValue) throws -> IAMStatement {
    guard s.isObject else { throw s.typeMismatch("a statement object") }
    let effectValue = try s.required("Effect")
    let effectText = try effectValue.string()
    guard let effect = IAMStatement.Effect(rawValue: effectText) else {
      throw effectValue.failure("Effect must be Allow or Deny, not \"\(effectText.prefix(40))\"")
    }
    let actions = try s.present("Action")?.stringList() ?? []
    let notActions = try s.present("NotAction")?.stringList() ?? []
    guard !actions.isEmpty || !notActions.isEmpty else {
      throw s.failure("the statement has neither Action nor NotAction")
    }
    let resources = try s.present("Resource")?.stringList() ?? []
    let notResources = try s.present("NotResource")?.stringList() ?? []
    guard !resources.isEmpty || !notResources.isEmpty else {
      throw s.failure("the statement has neither Resource nor NotResource")
    }
    return IAMStatement(
      sid: try s.string("Sid"), effect: effect, actions: actions, notActions: notActions,
      resources: resources, notResources: notResources,
      hasCondition: try s.object("Condition").map { !$0.keys.isEmpty } ?? false)
  }

}

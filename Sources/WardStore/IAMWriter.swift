import WardModel

/// Writes a batch's IAM roles and managed policies inside the caller's transaction: each
/// upserts by ARN, so a re-import of the same pages changes nothing.
struct IAMWriter {
  let db: Database

  /// Applies every IAM part of `batch`, counting under `.roles`.
  func apply(_ batch: ImportBatch, into summary: inout ApplySummary) throws {
    let roles = Upserter(
      db: db, table: "iam_roles", keyColumns: ["arn"],
      valueColumns: ["name", "account", "boundary_arn", "attached_policy_arns", "inline_policies"])
    for r in batch.iamRoles {
      summary.record(
        .roles,
        try roles.upsert(
          keys: [.text(r.arn)],
          values: [
            .text(r.name), .text(r.account), SQLValue(r.boundaryArn),
            .text(JSONText.encode(r.attachedPolicyArns)), .text(JSONText.encode(r.inlinePolicies)),
          ]))
    }
    let policies = Upserter(
      db: db, table: "iam_policies", keyColumns: ["arn"], valueColumns: ["name", "document"])
    for p in batch.iamPolicies {
      summary.record(
        .roles,
        try policies.upsert(
          keys: [.text(p.arn)], values: [.text(p.name), .text(JSONText.encode(p.document))]))
    }
  }
}

/// Reads a role with the managed policies it names. The caller has already applied the
/// tenant scope to the function whose role it is.
struct ExecutionRoleReader {
  let db: Database

  /// The role `arn` with its policies; nil when the role was never collected.
  func role(_ arn: String) throws -> ExecutionRole? {
    let role = try db.prepare(
      """
      SELECT name, account, boundary_arn, attached_policy_arns, inline_policies
      FROM iam_roles WHERE arn = ?
      """
    ).first([.text(arn)]) {
      IAMRole(
        arn: arn, name: $0.text(0), account: $0.text(1),
        inlinePolicies: JSONText.decode([IAMInlinePolicy].self, $0.text(4), default: []),
        attachedPolicyArns: JSONText.decode([String].self, $0.text(3), default: []),
        boundaryArn: $0.optionalText(2))
    }
    guard let role else { return nil }
    let policy = try db.prepare("SELECT name, document FROM iam_policies WHERE arn = ?")
    func managed(_ policyArn: String) throws -> IAMManagedPolicy? {
      try policy.first([.text(policyArn)]) {
        IAMManagedPolicy(
          arn: policyArn, name: $0.text(0),
          document: JSONText.decode(
            IAMPolicyDocument.self, $0.text(1), default: IAMPolicyDocument(statements: [])))
      }
    }
    return ExecutionRole(
      role: role, managedPolicies: try role.attachedPolicyArns.compactMap(managed),
      boundary: try role.boundaryArn.flatMap(managed))
  }
}

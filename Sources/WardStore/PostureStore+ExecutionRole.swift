import WardModel

extension PostureStore {
  /// The execution role of one function with its policies, as collected; nil when the
  /// function is unknown or out of scope, has no role, or its role was never collected.
  public func executionRole(forFunction arn: String) throws -> ExecutionRole? {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        var where_ = SQLFilter()
        where_.add("f.arn = ?", [.text(arn)])
        where_.tenants("f.tenant_id", scope: scope)
        let role = try db.prepare("SELECT f.role FROM functions f\(where_.sql)")
          .first(where_.binds) { $0.optionalText(0) }
        guard let roleArn = role ?? nil else { return nil }
        return try ExecutionRoleReader(db: db).role(roleArn)
      }
    }
  }
}

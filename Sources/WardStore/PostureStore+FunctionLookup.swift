import WardModel

extension PostureStore {
  /// The ARNs of the functions in scope that `account` bills as `nameOrArn` (a cost row's
  /// function: a name or an ARN), sorted. Names repeat across accounts and may repeat across
  /// regions of one account, so the answer can hold more than one function, or none.
  public func functionARNs(account: String, nameOrArn: String) throws -> [String] {
    try connection.withDatabase { db in
      var where_ = SQLFilter()
      where_.tenants("f.tenant_id", scope: scope)
      where_.add(
        "f.account = ? AND (f.name = ? OR f.arn = ?)",
        [.text(account), .text(nameOrArn), .text(nameOrArn)])
      return try db.prepare("SELECT f.arn FROM functions f\(where_.sql) ORDER BY f.arn").rows(
        where_.binds
      ) { $0.text(0) }
    }
  }
}

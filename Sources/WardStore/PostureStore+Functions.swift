import WardModel

extension PostureStore {
  /// A page of functions sorted by tenant then name, with open findings by severity.
  public func functions(
    filter: FunctionFilter = FunctionFilter(), after: PageCursor? = nil, limit: Int = 200
  )
    throws -> Page<FunctionRow>
  {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        var where_ = SQLFilter()
        where_.tenants("f.tenant_id", scope: scope, names: filter.tenants)
        where_.oneOf("f.region", filter.regions.map { $0.sorted().map { .text($0) } })
        where_.oneOf("f.runtime", filter.runtimes.map { $0.sorted().map { .text($0) } })
        if let text = filter.nameContains, !text.isEmpty {
          where_.add("f.name LIKE ? ESCAPE '\\'", [.text(likePattern(containing: text))])
        }
        if let after {
          where_.add("(t.name, f.name, f.arn) > (?, ?, ?)", after.values)
        }
        let rows = try db.prepare(
          """
          SELECT f.name, t.name, f.account, f.region, f.arn, f.runtime, f.memory_mb
          FROM functions f JOIN tenants t ON t.id = f.tenant_id\(where_.sql)
          ORDER BY t.name, f.name, f.arn LIMIT ?
          """
        ).rows(where_.binds + [.integer(Int64(limit))]) {
          FunctionRow(
            name: $0.text(0), tenant: $0.text(1), account: $0.text(2), region: $0.text(3),
            arn: $0.text(4), runtime: $0.optionalText(5), memoryMB: $0.optionalInt(6),
            openBySeverity: [:])
        }
        let counts = try db.prepare(
          """
          SELECT severity, COUNT(*) FROM findings
          WHERE function_arn = ? AND state IN ('new', 'acknowledged', 'in-progress')
          GROUP BY severity
          """)
        let withCounts = try rows.map { row in
          var row = row
          for (rank, n) in try counts.rows([.text(row.arn)], { ($0.int(0), $0.int(1)) }) {
            row.openBySeverity[Severity(rank: rank)] = n
          }
          return row
        }
        let next =
          rows.count == limit
          ? rows.last.map { PageCursor(values: [.text($0.tenant), .text($0.name), .text($0.arn)]) }
          : nil
        return Page(rows: withCounts, next: next)
      }
    }
  }

  /// One function with its policy, URL, triggers, routes and trigger sources; nil if unknown or out of scope.
  public func function(arn: String) throws -> FunctionInventory? {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        var where_ = SQLFilter()
        where_.add("f.arn = ?", [.text(arn)])
        where_.tenants("f.tenant_id", scope: scope)
        return try loadInventories(db, where_).first
      }
    }
  }

  /// Every function (of one tenant, or all in scope), fully loaded: for the rules engine.
  public func inventory(tenant: String? = nil) throws -> [FunctionInventory] {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        var where_ = SQLFilter()
        where_.tenants("f.tenant_id", scope: scope, names: tenant.map { [$0] })
        return try loadInventories(db, where_)
      }
    }
  }

  private func loadInventories(_ db: Database, _ where_: SQLFilter) throws -> [FunctionInventory] {
    let functions = try db.prepare(
      """
      SELECT \(FunctionCodec.selectList)
      FROM functions f JOIN tenants t ON t.id = f.tenant_id\(where_.sql)
      ORDER BY t.name, f.name, f.arn
      """
    ).rows(where_.binds, FunctionCodec.decode)
    let env = try db.prepare(
      """
      SELECT name, fingerprint, preview, secret_kind, entropy, length FROM env_vars
      WHERE function_arn = ? ORDER BY name
      """)
    let policy = try db.prepare(
      """
      SELECT sid, effect, principals, actions, condition_json, source_arn, source_account,
        principal_org_id, function_url_auth_type
      FROM policy_statements WHERE function_arn = ? ORDER BY position
      """)
    let url = try db.prepare(
      """
      SELECT url, auth_type, cors_allow_origins, cors_allow_methods, invoke_mode
      FROM function_urls WHERE function_arn = ?
      """)
    let triggers = try db.prepare(
      """
      SELECT id, source_arn, state, batch_size, on_failure_destination, has_filter_criteria,
        maximum_retry_attempts
      FROM triggers WHERE function_arn = ? ORDER BY id
      """)
    let routes = RouteReader(db: db)
    let roles = ExecutionRoleReader(db: db)
    let sources = TriggerSourceReader(db: db)
    return try functions.map { (function, tenant) in
      var f = function
      let arn = SQLValue.text(f.arn)
      f.environment = try env.rows([arn]) {
        EnvironmentVariable(
          name: $0.text(0), fingerprint: $0.text(1), preview: $0.text(2),
          secretKind: $0.optionalText(3).flatMap(SecretKind.init(rawValue:)), entropy: $0.double(4),
          length: $0.int(5))
      }
      let statements = try policy.rows([arn]) {
        PolicyStatement(
          functionArn: f.arn, sid: $0.optionalText(0), effect: $0.text(1),
          principals: JSONText.decode([String].self, $0.text(2), default: []),
          actions: JSONText.decode([String].self, $0.text(3), default: []),
          conditionJSON: $0.text(4), sourceArn: $0.optionalText(5),
          sourceAccount: $0.optionalText(6), principalOrgId: $0.optionalText(7),
          functionUrlAuthType: $0.optionalText(8))
      }
      let urlConfig = try url.first([arn]) {
        FunctionURLConfig(
          functionArn: f.arn, url: $0.text(0), authType: $0.text(1),
          corsAllowOrigins: JSONText.decode([String].self, $0.text(2), default: []),
          corsAllowMethods: JSONText.decode([String].self, $0.text(3), default: []),
          invokeMode: $0.optionalText(4))
      }
      let triggerList = try triggers.rows([arn]) {
        Trigger(
          id: $0.text(0), functionArn: f.arn, sourceArn: $0.text(1), state: $0.optionalText(2),
          batchSize: $0.optionalInt(3), onFailureDestination: $0.optionalText(4),
          hasFilterCriteria: $0.int(5) != 0, maximumRetryAttempts: $0.optionalInt(6))
      }
      return FunctionInventory(
        function: f, tenant: tenant, policy: statements, url: urlConfig, triggers: triggerList,
        routes: try routes.routes(forFunction: f.arn),
        executionRole: try f.role.flatMap(roles.role),
        sources: try sources.sources(forFunction: f.arn, mappings: triggerList, policy: statements))
    }
  }
}

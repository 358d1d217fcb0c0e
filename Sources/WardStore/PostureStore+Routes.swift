import WardModel

extension PostureStore {
  /// The API Gateway routes that invoke one function, with their API's CORS and stages;
  /// empty if the function is unknown or out of scope. Ordered by API name, path, method.
  public func routes(forFunction arn: String) throws -> [FunctionRoute] {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        var where_ = SQLFilter()
        where_.add("f.arn = ?", [.text(arn)])
        where_.tenants("f.tenant_id", scope: scope)
        let visible = try db.prepare("SELECT 1 FROM functions f\(where_.sql)")
          .first(where_.binds) { _ in true }
        guard visible == true else { return [] }
        return try RouteReader(db: db).routes(forFunction: arn)
      }
    }
  }
}

/// Joins routes to functions: a REST route names its function, an HTTP route names an
/// integration that does. The caller has already applied the tenant scope to the function.
struct RouteReader {
  let db: Database

  func routes(forFunction arn: String) throws -> [FunctionRoute] {
    let rows = try db.prepare(
      """
      SELECT r.api_id, r.kind, a.name, r.method, r.path, r.auth_type, r.authorizer_id,
        r.api_key_required, r.request_validator_id, r.integration_id,
        COALESCE(a.cors_allow_origins, '[]'), r.function_arn
      FROM api_routes r
      LEFT JOIN api_integrations i ON i.api_id = r.api_id AND i.integration_id = r.integration_id
      LEFT JOIN api_gateway_apis a ON a.api_id = r.api_id
      WHERE COALESCE(r.function_arn, i.function_arn) = ?
      ORDER BY COALESCE(a.name, r.api_id), r.api_id, r.path, r.method
      """
    ).rows([.text(arn)]) { s in
      (
        apiId: s.text(0), kind: ApiKind(rawValue: s.text(1)) ?? .rest, name: s.optionalText(2),
        route: ApiRoute(
          method: s.text(3), path: s.text(4),
          authType: ApiAuthType(rawValue: s.text(5)) ?? .none, authorizerId: s.optionalText(6),
          apiKeyRequired: s.int(7) != 0, requestValidatorId: s.optionalText(8),
          functionArn: s.optionalText(11), integrationId: s.optionalText(9)),
        cors: JSONText.decode([String].self, s.text(10), default: [])
      )
    }
    let stages = try db.prepare(
      "SELECT name, access_logging, throttled FROM api_stages WHERE api_id = ? ORDER BY name")
    var stagesByApi: [String: [ApiStage]] = [:]
    return try rows.map { row in
      if stagesByApi[row.apiId] == nil {
        stagesByApi[row.apiId] = try stages.rows([.text(row.apiId)]) {
          ApiStage(name: $0.text(0), accessLogging: $0.int(1) != 0, throttled: $0.int(2) != 0)
        }
      }
      return FunctionRoute(
        apiId: row.apiId, apiKind: row.kind, apiName: row.name, route: row.route,
        corsAllowOrigins: row.cors, stages: stagesByApi[row.apiId] ?? [], functionArn: arn)
    }
  }
}

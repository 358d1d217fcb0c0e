import WardModel

/// Writes a batch's API Gateway records inside the caller's transaction. APIs upsert by
/// id; each per-API list (routes, integrations, stages) replaces that API's rows.
struct ApiGatewayWriter {
  let db: Database

  /// Applies every API Gateway part of `batch`, counting under `.apis`.
  func apply(_ batch: ImportBatch, into summary: inout ApplySummary) throws {
    let apis = Upserter(
      db: db, table: "api_gateway_apis", keyColumns: ["api_id"],
      valueColumns: ["kind", "name", "account", "region", "cors_allow_origins"])
    for a in batch.apis {
      summary.record(
        .apis,
        try apis.upsert(
          keys: [.text(a.apiId)],
          values: [
            .text(a.kind.rawValue), SQLValue(a.name), SQLValue(a.account), SQLValue(a.region),
            .text(JSONText.encode(a.corsAllowOrigins)),
          ]))
    }
    for set in batch.apiRoutes {
      summary.record(
        .apis,
        try replace(
          table: "api_routes", apiId: set.apiId,
          columns: [
            "method", "path", "kind", "auth_type", "authorizer_id", "api_key_required",
            "request_validator_id", "function_arn", "integration_id",
          ],
          rows: set.records.sorted { ($0.path, $0.method) < ($1.path, $1.method) }.map { r in
            [
              .text(r.method), .text(r.path), .text(set.kind.rawValue), .text(r.authType.rawValue),
              SQLValue(r.authorizerId), SQLValue(r.apiKeyRequired), SQLValue(r.requestValidatorId),
              SQLValue(r.functionArn), SQLValue(r.integrationId),
            ]
          }, order: "path, method"))
    }
    for set in batch.apiIntegrations {
      summary.record(
        .apis,
        try replace(
          table: "api_integrations", apiId: set.apiId, columns: ["integration_id", "function_arn"],
          rows: set.records.sorted { $0.integrationId < $1.integrationId }.map {
            [.text($0.integrationId), .text($0.functionArn)]
          }, order: "integration_id"))
    }
    for set in batch.apiStages {
      summary.record(
        .apis,
        try replace(
          table: "api_stages", apiId: set.apiId, columns: ["name", "access_logging", "throttled"],
          rows: set.records.sorted { $0.name < $1.name }.map {
            [.text($0.name), SQLValue($0.accessLogging), SQLValue($0.throttled)]
          }, order: "name"))
    }
  }

  /// Replaces `apiId`'s rows of `table` with `rows` (in `order`) unless they are equal.
  private func replace(
    table: String, apiId: String, columns: [String], rows: [[SQLValue]], order: String
  ) throws -> UpsertOutcome {
    try RowSetReplacer(db: db, table: table, keyColumns: ["api_id"], columns: columns, order: order)
      .replace(keys: [.text(apiId)], rows: rows)
  }
}

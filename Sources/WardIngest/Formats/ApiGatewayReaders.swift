import Foundation
import WardModel

/// API Gateway REST (`apigateway`) and HTTP (`apigatewayv2`) responses. Per-API responses
/// (resources, routes, integrations, stages) do not name their API: the path does
/// (`apigateway/API_ID/…`, `apigatewayv2/API_ID/…`).
enum ApiGatewayReaders {
  /// `{"items": [...]}`: get-rest-apis or get-resources, told apart by the first item.
  static func readItems(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    let items = try value.required("items").array()
    guard let first = items.first else {
      return ImportBatch(format: "aws-apigateway-empty-items")
    }
    guard first.isObject else { throw first.typeMismatch("an object") }
    if first.hasKey("rootResourceId") || (first.hasKey("name") && !first.hasKey("path")) {
      return try restApis(items, context: context)
    }
    if first.hasKey("path") || first.hasKey("resourceMethods") {
      return try resources(items, context: context)
    }
    let keys = first.keys.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
    throw first.failure(
      "not an API Gateway response Ward reads: items look like objects with keys \(keys)")
  }

  /// `{"Items": [...]}`: get-apis, get-routes, get-integrations or get-stages (v2).
  static func readV2Items(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    let items = try value.required("Items").array()
    guard let first = items.first else {
      return ImportBatch(format: "aws-apigatewayv2-empty-items")
    }
    guard first.isObject else { throw first.typeMismatch("an object") }
    if first.hasKey("ApiId") && first.hasKey("ProtocolType") { return try httpApis(items, context) }
    if first.hasKey("RouteKey") { return try routes(items, context: context) }
    if first.hasKey("IntegrationId") { return try integrations(items, context: context) }
    if first.hasKey("StageName") { return try httpStages(items, context: context) }
    let keys = first.keys.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
    throw first.failure(
      "not an API Gateway v2 response Ward reads: Items look like objects with keys \(keys)")
  }

  // MARK: REST

  static func restApis(_ items: [JSONValue], context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-apigateway-get-rest-apis")
    for item in items {
      batch.apis.append(
        ApiInfo(
          apiId: try item.requiredString("id"), kind: .rest, name: try item.string("name"),
          account: context.account, region: context.region))
    }
    return batch
  }

  /// get-resources --embed methods: one route per resource method.
  static func resources(_ items: [JSONValue], context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-apigateway-get-resources")
    let apiId = try context.requireApiId("get-resources")
    var routes: [ApiRoute] = []
    for item in items {
      let path = try item.requiredString("path")
      guard let methods = try item.object("resourceMethods") else { continue }
      for (method, m) in try methods.members() {
        guard m.isObject else { throw m.typeMismatch("a method object") }
        // Without --embed methods each method is `{}`: nothing to tell its auth from.
        guard let authValue = try m.present("authorizationType") else {
          throw m.failure(
            "the method has no authorizationType: collect with get-resources --embed methods")
        }
        let authText = try authValue.string()
        guard let auth = ApiAuthType(apiValue: authText) else {
          throw authValue.failure("unknown authorizationType \"\(authText.prefix(40))\"")
        }
        let uri = try m.object("methodIntegration")?.string("uri")
        routes.append(
          ApiRoute(
            method: try m.string("httpMethod") ?? method, path: path, authType: auth,
            authorizerId: try m.string("authorizerId"),
            apiKeyRequired: try m.bool("apiKeyRequired") ?? false,
            requestValidatorId: try m.string("requestValidatorId"),
            functionArn: uri.flatMap(functionArn(fromIntegrationURI:))))
      }
    }
    batch.apiRoutes.append(ApiRecords(apiId: apiId, kind: .rest, records: routes))
    return batch
  }

  /// get-stages (REST): `{"item": [...]}`.
  static func restStages(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-apigateway-get-stages")
    let apiId = try context.requireApiId("get-stages")
    var stages: [ApiStage] = []
    for item in try value.required("item").array() {
      let logging = try item.object("accessLogSettings")?.string("destinationArn")
      var throttled = false
      for (_, setting) in try item.object("methodSettings")?.members() ?? [] {
        if try limitSet(setting, "throttlingRateLimit", "throttlingBurstLimit") { throttled = true }
      }
      stages.append(
        ApiStage(
          name: try item.requiredString("stageName"), accessLogging: !(logging ?? "").isEmpty,
          throttled: throttled))
    }
    batch.apiStages.append(ApiRecords(apiId: apiId, kind: .rest, records: stages))
    return batch
  }

  // MARK: HTTP

  static func httpApis(_ items: [JSONValue], _ context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-apigatewayv2-get-apis")
    for item in items {
      let protocolType = try item.requiredString("ProtocolType")
      // WebSocket APIs have no HTTP routes to a function that Ward models yet.
      guard protocolType == "HTTP" else { continue }
      batch.apis.append(
        ApiInfo(
          apiId: try item.requiredString("ApiId"), kind: .http, name: try item.string("Name"),
          account: context.account, region: context.region,
          corsAllowOrigins: try item.object("CorsConfiguration")?.present("AllowOrigins")?
            .stringList() ?? []))
    }
    return batch
  }

  /// get-routes: `RouteKey` is `METHOD /path` or `$default`.
  static func routes(_ items: [JSONValue], context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-apigatewayv2-get-routes")
    let apiId = try context.requireApiId("get-routes")
    var routes: [ApiRoute] = []
    for item in items {
      let key = try item.requiredString("RouteKey")
      let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
      let authValue = try item.present("AuthorizationType")
      let authText = try authValue?.string() ?? "NONE"
      guard let auth = ApiAuthType(apiValue: authText) else {
        throw (authValue ?? item).failure("unknown AuthorizationType \"\(authText.prefix(40))\"")
      }
      let target = try item.string("Target")
      let integration = target.flatMap {
        $0.hasPrefix("integrations/") ? String($0.dropFirst("integrations/".count)) : nil
      }
      routes.append(
        ApiRoute(
          method: parts[0], path: parts.count > 1 ? parts[1] : "", authType: auth,
          authorizerId: try item.string("AuthorizerId"),
          apiKeyRequired: try item.bool("ApiKeyRequired") ?? false, integrationId: integration))
    }
    batch.apiRoutes.append(ApiRecords(apiId: apiId, kind: .http, records: routes))
    return batch
  }

  /// get-integrations: the ones whose `IntegrationUri` is a Lambda function (ARN or the
  /// REST-style invocation URI); others (HTTP proxies, AWS services) are skipped.
  static func integrations(_ items: [JSONValue], context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-apigatewayv2-get-integrations")
    let apiId = try context.requireApiId("get-integrations")
    var out: [ApiIntegration] = []
    for item in items {
      let id = try item.requiredString("IntegrationId")
      guard let uri = try item.string("IntegrationUri") else { continue }
      let arn = ARN(uri)?.unqualifiedLambdaARN ?? functionArn(fromIntegrationURI: uri)
      guard let arn, !uri.contains("${") else { continue }
      out.append(ApiIntegration(integrationId: id, functionArn: arn))
    }
    batch.apiIntegrations.append(ApiRecords(apiId: apiId, kind: .http, records: out))
    return batch
  }

  /// get-stages (v2).
  static func httpStages(_ items: [JSONValue], context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-apigatewayv2-get-stages")
    let apiId = try context.requireApiId("get-stages")
    var stages: [ApiStage] = []
    for item in items {
      let logging = try item.object("AccessLogSettings")?.string("DestinationArn")
      var throttled = false
      if let d = try item.object("DefaultRouteSettings"),
        try limitSet(d, "ThrottlingRateLimit", "ThrottlingBurstLimit")
      {
        throttled = true
      }
      for (_, setting) in try item.object("RouteSettings")?.members() ?? [] {
        if try limitSet(setting, "ThrottlingRateLimit", "ThrottlingBurstLimit") { throttled = true }
      }
      stages.append(
        ApiStage(
          name: try item.requiredString("StageName"), accessLogging: !(logging ?? "").isEmpty,
          throttled: throttled))
    }
    batch.apiStages.append(ApiRecords(apiId: apiId, kind: .http, records: stages))
    return batch
  }

  // MARK: Shared

  /// Whether a settings object sets a positive rate or burst limit.
  static func limitSet(_ settings: JSONValue, _ rate: String, _ burst: String) throws -> Bool {
    guard settings.isObject else { throw settings.typeMismatch("a settings object") }
    let r = try settings.double(rate) ?? 0
    let b = try settings.double(burst) ?? 0
    return r > 0 || b > 0
  }

  /// `arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations`
  /// → the unqualified function ARN; nil for other integrations or stage-variable ARNs.
  static func functionArn(fromIntegrationURI uri: String) -> String? {
    guard let start = uri.range(of: "/functions/"), let end = uri.range(of: "/invocations")
    else { return nil }
    guard start.upperBound <= end.lowerBound else { return nil }
    let text = String(uri[start.upperBound..<end.lowerBound])
    // `${stageVariables.fn}` is resolved per stage at run time: not a function Ward can name.
    guard !text.contains("${") else { return nil }
    return ARN(text)?.unqualifiedLambdaARN
  }
}

/// API Gateway facts, one response at a time: APIs, their routes (REST methods or HTTP API
/// routes), HTTP API integrations and stages. The store joins them into `FunctionRoute`s.

/// Which API Gateway product an API belongs to.
public enum ApiKind: String, Sendable, Hashable, Codable {
  /// API Gateway REST API (`apigateway`).
  case rest
  /// API Gateway HTTP API (`apigatewayv2`, ProtocolType HTTP).
  case http
}

/// One API (get-rest-apis item or get-apis item).
public struct ApiInfo: Sendable, Hashable, Codable {
  public var apiId: String
  public var kind: ApiKind
  public var name: String?
  public var account: String?
  public var region: String?
  /// HTTP API `CorsConfiguration.AllowOrigins`; empty when none (REST APIs configure CORS
  /// per method response, which Ward does not read).
  public var corsAllowOrigins: [String]

  public init(
    apiId: String, kind: ApiKind, name: String? = nil, account: String? = nil,
    region: String? = nil, corsAllowOrigins: [String] = []
  ) {
    self.apiId = apiId
    self.kind = kind
    self.name = name
    self.account = account
    self.region = region
    self.corsAllowOrigins = corsAllowOrigins
  }
}

/// Who may call a route, normalised over REST and HTTP APIs.
public enum ApiAuthType: String, Sendable, Hashable, Codable, CaseIterable {
  /// Anyone.
  case none = "NONE"
  /// SigV4-signed callers allowed by IAM.
  case awsIAM = "AWS_IAM"
  /// A Cognito user pool authorizer (REST `COGNITO_USER_POOLS`).
  case cognito = "COGNITO"
  /// A Lambda authorizer (REST `CUSTOM`, HTTP `CUSTOM`).
  case custom = "CUSTOM"
  /// An HTTP API JWT authorizer.
  case jwt = "JWT"

  /// The API's own spelling: `COGNITO_USER_POOLS` is `cognito`; nil for anything unknown.
  public init?(apiValue: String) {
    if apiValue == "COGNITO_USER_POOLS" {
      self = .cognito
    } else {
      self.init(rawValue: apiValue)
    }
  }
}

/// One REST method (resource path + HTTP method) or HTTP API route.
public struct ApiRoute: Sendable, Hashable, Codable {
  /// HTTP method (`GET`, `ANY`, …); `$default` for an HTTP API's default route.
  public var method: String
  /// Resource path (`/pay/{id}`); empty for `$default`.
  public var path: String
  public var authType: ApiAuthType
  public var authorizerId: String?
  public var apiKeyRequired: Bool
  /// REST `requestValidatorId`; nil when the method validates nothing.
  public var requestValidatorId: String?
  /// The Lambda function the integration invokes (unqualified), when it names one.
  public var functionArn: String?
  /// HTTP API `Target` `integrations/ID`: the integration that names the function.
  public var integrationId: String?

  public init(
    method: String, path: String, authType: ApiAuthType, authorizerId: String? = nil,
    apiKeyRequired: Bool = false, requestValidatorId: String? = nil, functionArn: String? = nil,
    integrationId: String? = nil
  ) {
    self.method = method
    self.path = path
    self.authType = authType
    self.authorizerId = authorizerId
    self.apiKeyRequired = apiKeyRequired
    self.requestValidatorId = requestValidatorId
    self.functionArn = functionArn
    self.integrationId = integrationId
  }
}

/// One HTTP API integration that invokes a Lambda function.
public struct ApiIntegration: Sendable, Hashable, Codable {
  public var integrationId: String
  /// Unqualified function ARN from `IntegrationUri`.
  public var functionArn: String

  public init(integrationId: String, functionArn: String) {
    self.integrationId = integrationId
    self.functionArn = functionArn
  }
}

/// One deployed stage's protections.
public struct ApiStage: Sendable, Hashable, Codable {
  public var name: String
  /// `accessLogSettings.destinationArn` (REST) / `AccessLogSettings.DestinationArn` (HTTP) set.
  public var accessLogging: Bool
  /// A rate or burst limit set for the stage's methods/routes (REST `methodSettings`,
  /// HTTP `DefaultRouteSettings` or `RouteSettings`).
  public var throttled: Bool

  public init(name: String, accessLogging: Bool, throttled: Bool) {
    self.name = name
    self.accessLogging = accessLogging
    self.throttled = throttled
  }
}

/// The full list of one kind of per-API record (routes, integrations or stages): it
/// replaces what the store held for that API.
public struct ApiRecords<Record: Sendable & Hashable & Codable>: Sendable, Hashable {
  public var apiId: String
  public var kind: ApiKind
  public var records: [Record]

  public init(apiId: String, kind: ApiKind, records: [Record]) {
    self.apiId = apiId
    self.kind = kind
    self.records = records
  }
}

/// A route as the store joins it for one function: the route, its API and its stages.
public struct FunctionRoute: Sendable, Hashable, Codable {
  public var apiId: String
  public var apiKind: ApiKind
  public var apiName: String?
  public var route: ApiRoute
  /// The API's CORS allow-origins (HTTP APIs).
  public var corsAllowOrigins: [String]
  /// The API's stages, by name.
  public var stages: [ApiStage]
  /// The function the route invokes (from the route or its integration).
  public var functionArn: String

  public init(
    apiId: String, apiKind: ApiKind, apiName: String?, route: ApiRoute,
    corsAllowOrigins: [String], stages: [ApiStage], functionArn: String
  ) {
    self.apiId = apiId
    self.apiKind = apiKind
    self.apiName = apiName
    self.route = route
    self.corsAllowOrigins = corsAllowOrigins
    self.stages = stages
    self.functionArn = functionArn
  }

  /// Reachable by anyone: no authorizer and no IAM auth.
  public var isOpen: Bool { route.authType == .none }

  /// `GET /pay on shop (abc123)`.
  public var label: String {
    let target = route.path.isEmpty ? route.method : "\(route.method) \(route.path)"
    return "\(target) on \(apiName ?? apiId) (\(apiId))"
  }
}

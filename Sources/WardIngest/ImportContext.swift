import WardModel

/// What a file's location says about its content: the account, region and function
/// that responses which do not name them belong to.
public struct ImportContext: Sendable, Hashable {
  public var account: String?
  public var region: String?
  /// The function a per-function response is about (`functions/NAME/…`, `metrics/NAME.json`).
  public var functionName: String?
  /// The API a per-API API Gateway response is about (`apigateway/API_ID/…`,
  /// `apigatewayv2/API_ID/…`).
  public var apiId: String?
  /// The bucket a per-bucket S3 response is about (`s3/BUCKET/…`).
  public var bucket: String?
  /// The EventBridge rule (default bus) a per-rule response is about (`events/RULE/…`).
  public var eventRule: String?
  /// When the import happens: the first/last seen time of findings whose format carries
  /// no time (Checkov). Nil means the current time.
  public var importTime: EpochSeconds?

  public init(
    account: String? = nil, region: String? = nil, functionName: String? = nil,
    importTime: EpochSeconds? = nil
  ) {
    self.account = account
    self.region = region
    self.functionName = functionName
    self.importTime = importTime
  }

  /// The unqualified ARN of the context function, when account, region and name are known.
  public var functionArn: String? {
    guard let functionName, let account, let region else { return nil }
    return ARN.lambdaFunction(name: functionName, account: account, region: region)
  }

  /// The context function's ARN, or an error saying what is missing.
  func requireFunctionArn(_ what: String) throws -> String {
    if let functionArn { return functionArn }
    var missing: [String] = []
    if functionName == nil {
      missing.append("function name (functions/NAME/ or metrics/NAME.json)")
    }
    if account == nil { missing.append("account (sts-get-caller-identity.json)") }
    if region == nil { missing.append("region (lambda-list-functions.json)") }
    throw ReadError(
      "cannot tell which function: \(what) does not name it, and the path gives no "
        + missing.joined(separator: ", "))
  }

  /// The context API id, or an error saying the path must give it.
  func requireApiId(_ what: String) throws -> String {
    if let apiId { return apiId }
    throw ReadError(
      "cannot tell which API: \(what) does not name it, and the path gives no API id (apigateway/API_ID/ or apigatewayv2/API_ID/)"
    )
  }

  /// The context bucket's ARN (`arn:aws:s3:::NAME`), or an error saying the path must give it.
  func requireBucketArn(_ what: String) throws -> String {
    if let bucket { return "arn:aws:s3:::" + bucket }
    throw ReadError(
      "cannot tell which bucket: \(what) does not name it, and the path gives no bucket (s3/BUCKET/)"
    )
  }

  /// `ACCOUNT:REGION` of the context, when both are known.
  var accountRegion: String? {
    guard let account, let region else { return nil }
    return account + ":" + region
  }

  /// Turns a function name or ARN into an unqualified ARN using the context.
  func functionArn(nameOrArn: String) -> String? {
    if let arn = ARN(nameOrArn) { return arn.unqualifiedLambdaARN }
    guard let account, let region else { return nil }
    return ARN.lambdaFunction(name: nameOrArn, account: account, region: region)
  }
}

import WardModel
import WardRules

/// Builders for rule and detector tests.
enum Fx {
  static let now: EpochSeconds = UTC.parse("2026-11-29T12:00:00Z")!
  static let alphaAccount = "111111111111"
  static let betaAccount = "222222222222"
  static let externalAccount = "999999999999"
  static let region = "eu-west-1"
  static let tenants = [
    Tenant(name: "alpha", accounts: [alphaAccount]), Tenant(name: "beta", accounts: [betaAccount]),
  ]

  static func arn(_ name: String, account: String = alphaAccount) -> String {
    ARN.lambdaFunction(name: name, account: account, region: region)
  }

  /// A function configured so that no rule fires on it.
  static func clean(_ name: String = "fn", account: String = alphaAccount, tenant: String = "alpha")
    -> FunctionInventory
  {
    let f = Function(
      arn: arn(name, account: account), name: name, account: account, region: region,
      runtime: "python3.13", handler: "app.handler", memoryMB: 256, timeoutSeconds: 30,
      role: "arn:aws:iam::\(account):role/\(name)-role", architectures: ["arm64"],
      packageType: "Zip", tracingMode: "Active", vpcId: "vpc-1", subnetIds: ["subnet-a"],
      kmsKeyArn: "arn:aws:kms:\(region):\(account):key/k1",
      deadLetterTarget: "arn:aws:sqs:\(region):\(account):dlq", reservedConcurrency: 10,
      logGroup: "/aws/lambda/\(name)", logRetentionDays: 365,
      codeSigningConfigArn: "arn:aws:lambda:\(region):\(account):code-signing-config:csc-1",
      codeSigningKnown: true,
      state: "Active")
    return FunctionInventory(function: f, tenant: tenant)
  }

  static func statement(
    _ fn: FunctionInventory, principals: [String], actions: [String] = ["lambda:InvokeFunction"],
    sourceArn: String? = nil, sourceAccount: String? = nil, orgId: String? = nil,
    urlAuth: String? = nil
  ) -> PolicyStatement {
    PolicyStatement(
      functionArn: fn.function.arn, sid: "s\(principals.first ?? "")", effect: "Allow",
      principals: principals, actions: actions, sourceArn: sourceArn,
      sourceAccount: sourceAccount, principalOrgId: orgId, functionUrlAuthType: urlAuth)
  }

  static func url(_ fn: FunctionInventory, auth: String = "NONE", origins: [String] = [])
    -> FunctionURLConfig
  {
    FunctionURLConfig(
      functionArn: fn.function.arn, url: "https://abc.lambda-url.eu-west-1.on.aws/",
      authType: auth, corsAllowOrigins: origins)
  }

  static func trigger(_ fn: FunctionInventory, source: String, id: String = "m1") -> Trigger {
    Trigger(id: id, functionArn: fn.function.arn, sourceArn: source, state: "Enabled")
  }

  static func variable(_ name: String, _ kind: SecretKind?, fingerprint: String? = nil)
    -> EnvironmentVariable
  {
    EnvironmentVariable(
      name: name, fingerprint: fingerprint ?? "sha256:fp-\(name)",
      preview: kind == nil ? "plain" : "***(20)", secretKind: kind, entropy: 3, length: 20)
  }

  /// `hours` hourly samples ending at the hour before `now`, built by `make(hourIndex, hourStart)`.
  static func hourly(
    _ arn: String, hours: Int, end: EpochSeconds = UTC.hourFloor(now) - UTC.hour,
    _ make: (Int, EpochSeconds) -> MetricSample
  ) -> [MetricSample] {
    (0..<hours).map { i in
      let h = end - EpochSeconds(hours - 1 - i) * UTC.hour
      return make(i, h)
    }
  }
}

extension FunctionInventory {
  /// A copy changed by `change`.
  func with(_ change: (inout FunctionInventory) -> Void) -> FunctionInventory {
    var copy = self
    change(&copy)
    return copy
  }
}

/// Deterministic pseudo-random numbers (SplitMix64) for synthetic series.
struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// Uniform in [0, 1).
  mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
  /// Standard normal (Box-Muller).
  mutating func normal() -> Double {
    let u1 = max(uniform(), 1e-12)
    let u2 = uniform()
    return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

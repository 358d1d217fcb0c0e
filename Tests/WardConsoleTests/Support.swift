import Foundation
import WardConsole
import WardModel
import WardStore
import WardUI

/// A store file in a temporary directory, removed with the value.
final class TempStore: @unchecked Sendable {
  let directory: URL
  let path: String

  init() {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ward-console-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    path = directory.appendingPathComponent("posture.db").path
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  func open(_ mode: PostureStore.Mode = .readWrite, scope: StoreScope = .all) throws -> PostureStore
  {
    try PostureStore(path: path, mode: mode, scope: scope, now: Fixture.now)
  }
}

/// A small deterministic store: two tenants, three functions, a handful of findings,
/// 48 hours of metrics, 14 days of cost and two alerts.
enum Fixture {
  /// 2025-11-24 12:00Z: the newest metric hour is 11:00.
  static let now: EpochSeconds = 1_763_985_600
  static let lastHour: EpochSeconds = now - 3600
  static let acme = "111111111111"
  static let globex = "222222222222"

  static func arn(_ name: String, _ account: String) -> String {
    ARN.lambdaFunction(name: name, account: account, region: "eu-west-1")
  }

  static func function(_ name: String, _ account: String, runtime: String, env: [String] = [])
    -> Function
  {
    Function(
      arn: arn(name, account), name: name, account: account, region: "eu-west-1",
      runtime: runtime, handler: "app.handler", memoryMB: 256, timeoutSeconds: 30,
      role: "arn:aws:iam::\(account):role/\(name)-role", tracingMode: "PassThrough",
      environment: env.map {
        EnvironmentVariable(
          name: $0, fingerprint: "sha256:00", preview: "ab…(24)", secretKind: nil, entropy: 3,
          length: 24)
      })
  }

  static func finding(
    _ id: String, _ function: String, _ account: String, _ category: Category,
    _ severity: Severity, title: String, source: String = "ward"
  ) -> Finding {
    Finding(
      id: id, account: account, region: "eu-west-1", functionArn: arn(function, account),
      resource: arn(function, account), category: category, severity: severity, title: title,
      description: "Description of \(id).", remediation: "Fix \(id).", source: source,
      ruleId: "rule-\(id)", evidence: "evidence for \(id)", firstSeen: now - 86_400,
      lastSeen: now - 7200)
  }

  static func batch(extraFunctionName: String? = nil) -> ImportBatch {
    var b = ImportBatch(format: "test")
    b.tenants = [
      Tenant(name: "acme", accounts: [acme]), Tenant(name: "globex", accounts: [globex]),
    ]
    b.functions = [
      function("orders-api", acme, runtime: "python3.12", env: ["DB_HOST", "API_TOKEN"]),
      function("billing", acme, runtime: "python3.7"),
      function("ingest", globex, runtime: "nodejs20.x"),
    ]
    if let extraFunctionName {
      b.functions.append(function(extraFunctionName, globex, runtime: "python3.12"))
    }
    b.urlConfigs = [
      FunctionURLConfig(
        functionArn: arn("orders-api", acme), url: "https://x.lambda-url.eu-west-1.on.aws/",
        authType: "NONE", corsAllowOrigins: ["*"])
    ]
    b.policies = [
      FunctionPolicy(
        functionArn: arn("orders-api", acme),
        statements: [
          PolicyStatement(
            functionArn: arn("orders-api", acme), sid: "public-url", effect: "Allow",
            principals: ["*"], actions: ["lambda:InvokeFunctionUrl"])
        ])
    ]
    b.findings = [
      finding("f1", "orders-api", acme, .invocation, .critical, title: "Function URL without auth"),
      finding(
        "f2", "orders-api", acme, .secrets, .high, title: "Credential-like env var API_TOKEN"),
      finding("f3", "billing", acme, .dependencies, .high, title: "Deprecated runtime python3.7"),
      finding("f4", "billing", acme, .monitoring, .medium, title: "Tracing off"),
      finding("f5", "ingest", globex, .monitoring, .low, title: "No DLQ", source: "prowler"),
    ]
    for h in 0..<48 {
      let hour = lastHour - EpochSeconds(h) * 3600
      b.metrics.append(
        MetricSample(
          functionArn: arn("orders-api", acme), hour: hour, invocations: Double(100 + h),
          errors: h == 2 ? 9 : 0, throttles: 0, durationAvg: 120, durationP99: 480,
          durationMax: 900, coldStarts: 1))
      b.metrics.append(
        MetricSample(functionArn: arn("ingest", globex), hour: hour, invocations: 10, errors: 0))
    }
    for d in 0..<14 {
      let day = UTC.dayFloor(now) - EpochSeconds(d) * 86_400
      b.costs.append(
        CostSample(account: acme, service: "AWS Lambda", day: day, amount: 10 + Double(d % 3)))
      b.costs.append(CostSample(account: globex, service: "AWS Lambda", day: day, amount: 2))
      b.costs.append(
        CostSample(
          account: acme, service: "AWS Lambda", function: "orders-api", day: day,
          amount: d < 7 ? 6 : 3))
    }
    b.alerts = [
      Alert(
        id: "a1", account: acme, functionArn: arn("orders-api", acme), kind: "error-burst",
        severity: .high, start: lastHour - 2 * 3600, end: nil, title: "Errors 9 vs baseline 0",
        detail: "observed 9"),
      Alert(
        id: "a2", account: globex, functionArn: arn("ingest", globex), kind: "invocation-spike",
        severity: .medium, start: lastHour - 3 * 86_400, end: lastHour - 3 * 86_400 + 3600,
        title: "Invocations 5x baseline", detail: "observed 50"),
    ]
    return b
  }

  /// A fresh store with the fixture applied.
  static func store() throws -> (TempStore, PostureStore) {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(batch(), now: now)
    return (temp, store)
  }

  /// Deprecated runtimes for tests (the executable wires WardRules instead).
  static let runtimeStatus: RuntimeStatusProvider = { runtime, _ in
    runtime == "python3.7" ? "deprecated" : nil
  }

  static func console(
    _ store: PostureStore, width: Int = 120, height: Int = 40,
    policy: ConsolePolicy = ConsolePolicy(readOnly: true), glyphs: GlyphSet = .unicode
  ) -> HeadlessConsole {
    HeadlessConsole(
      store: store, width: width, height: height, policy: policy, glyphs: glyphs,
      themes: ThemeLocator(), runtimeStatus: runtimeStatus)
  }
}

extension HeadlessConsole {
  /// The first screen line containing `text`, if any.
  func line(containing text: String) -> String? { screenLines().first { $0.contains(text) } }
  /// Whether any line contains `text`.
  func shows(_ text: String) -> Bool { line(containing: text) != nil }
  /// Runs a `:` command (`findings`, `tenant acme`).
  func command(_ text: String) {
    press(.char(":"))
    type(text)
    press(.enter)
  }
}

import Testing
import WardModel
import WardRules

/// The four functions of the real Prowler fixture (prowler-moto/lambda.ocsf.json: Prowler
/// 5.46.0 against moto, account 123456789012, eu-west-1), rebuilt as Ward inventory from the
/// `resources[].data.metadata` Prowler printed. Fields Prowler does not print (tracing,
/// retention, timeout, concurrency, role, code signing) are left as moto creates them: unset.
enum ProwlerMoto {
  static let account = "123456789012"
  static let tenants = [Tenant(name: "moto", accounts: [account])]
  static let now: EpochSeconds = UTC.parse("2026-11-29T15:10:00Z")!

  static func function(_ name: String, runtime: String) -> Function {
    Function(
      arn: ARN.lambdaFunction(name: name, account: account, region: "eu-west-1"), name: name,
      account: account, region: "eu-west-1", runtime: runtime, packageType: "Zip")
  }

  static var inventory: [FunctionInventory] {
    let s3 = function("s3-ingest", runtime: "python3.12")
    var pay = function("pay-api", runtime: "python3.7")
    // Values are REDACTED in Prowler's output and its scanner passed them: no secret kind.
    pay.environment = ["AWS_KEY", "SIGNING_SECRET"].map {
      EnvironmentVariable(
        name: $0, fingerprint: "sha256:unknown-\($0)", preview: "***", secretKind: nil,
        entropy: 0, length: 8)
    }
    return [
      FunctionInventory(
        function: s3, tenant: "moto",
        policy: [
          PolicyStatement(
            functionArn: s3.arn, sid: "s3-invoke", effect: "Allow",
            principals: ["s3.amazonaws.com"], actions: ["lambda:InvokeFunction"])
        ]),
      FunctionInventory(function: function("legacy-node", runtime: "nodejs14.x"), tenant: "moto"),
      FunctionInventory(function: function("calm-worker", runtime: "python3.12"), tenant: "moto"),
      FunctionInventory(
        function: pay, tenant: "moto",
        policy: [
          PolicyStatement(
            functionArn: pay.arn, sid: "public-invoke", effect: "Allow", principals: ["*"],
            actions: ["lambda:InvokeFunction"])
        ],
        url: FunctionURLConfig(
          functionArn: pay.arn,
          url: "https://48ce85aab3a64b9aaefc481ce579c0d5.lambda-url.eu-west-1.on.aws",
          authType: "NONE", corsAllowOrigins: ["*"])),
    ]
  }
}

@Test func wardCoversEveryProwlerFailOnTheMotoFixture() {
  let findings = Scanner.scan(
    ScanInput(tenants: ProwlerMoto.tenants, functions: ProwlerMoto.inventory, now: ProwlerMoto.now)
  ).findings
  func rules(_ name: String) -> Set<String> {
    Set(findings.filter { $0.functionArn?.hasSuffix(":function:\(name)") == true }.map(\.ruleId))
  }
  // Prowler FAILs (18) and the Ward rule that covers each; CloudTrail data events
  // (4 FAILs) are not knowable from inventory.
  let everywhere: Set<String> = ["WARD-ATS-005", "WARD-MON-003"]  // inside_vpc, no_dead_letter_queue
  #expect(rules("calm-worker").isSuperset(of: everywhere))
  #expect(rules("legacy-node").isSuperset(of: everywhere.union(["WARD-DEP-001"])))
  #expect(rules("s3-ingest").isSuperset(of: ["WARD-ATS-005", "WARD-MON-002"]))
  #expect(
    rules("pay-api").isSuperset(
      of: everywhere.union([
        "WARD-SEC-002", "WARD-INV-003", "WARD-INV-002", "WARD-INV-001", "WARD-DEP-001",
      ])))
  // What Ward adds beyond Prowler on the same inventory.
  #expect(rules("s3-ingest").isSuperset(of: ["WARD-INV-004", "WARD-ATS-003"]))
  #expect(rules("pay-api").isSuperset(of: ["WARD-DOS-001"]))
  #expect(!rules("calm-worker").contains("WARD-DEP-001"))
}

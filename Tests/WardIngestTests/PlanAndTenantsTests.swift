import Foundation
import Testing
import WardModel

@testable import WardIngest

@Suite struct PlanAndTenantsTests {
  @Test func tenantsYAML() throws {
    let yaml = """
      # tenants
      tenants:
        - name: acme-retail
          accounts: ["111122223333", 011122224444]
          labels: {owner: "retail-platform", tier: "gold"}
        - name: globex
          accounts: ["555566667777"]
      """
    let batch = try Fixture.read(json: yaml, name: "tenants.yaml")
    #expect(batch.format == "ward-tenants-yaml")
    #expect(batch.tenants.count == 2)
    #expect(batch.tenants[0].labels == ["owner": "retail-platform", "tier": "gold"])
    #expect(batch.tenants[0].accounts.first == "111122223333")
    let bad = Fixture.error(
      Array("tenants:\n  - name: a\n    accounts: [\"12\", \"abc\"]\n".utf8), name: "t.yaml")
    #expect(bad?.description.hasPrefix("t.yaml: line 3:") == true)
    #expect(bad?.reason.contains("not a 12-digit account id") == true)
    let broken = Fixture.error(Array("tenants:\n  - name: [a\n".utf8), name: "t.yaml")
    #expect(broken?.reason.hasPrefix("invalid YAML") == true)
  }

  @Test func planDerivesContextAndOrder() throws {
    let dir = try Fixture.tempDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fm = FileManager.default
    let acct = dir + "/accounts/111122223333/eu-west-1"
    try fm.createDirectory(atPath: acct + "/functions/orders", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: acct + "/metrics", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: dir + "/prowler", withIntermediateDirectories: true)
    func write(_ path: String, _ text: String) throws {
      try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
    try write(
      acct + "/lambda-list-functions.json",
      #"{"Functions":[{"FunctionName":"orders","FunctionArn":"arn:aws:lambda:eu-west-1:111122223333:function:orders"}]}"#
    )
    try write(
      acct + "/sts-get-caller-identity.json",
      #"{"UserId":"x","Account":"111122223333","Arn":"arn:aws:iam::111122223333:user/x"}"#)
    try write(acct + "/functions/orders/get-function-concurrency.json", "{}")
    try write(acct + "/metrics/orders.json", #"{"MetricDataResults":[]}"#)
    try write(
      dir + "/prowler/scan.ocsf.json",
      #"[{"class_uid":2004,"status_code":"MANUAL","finding_info":{"uid":"x"}}]"#)
    try write(dir + "/README.md", "# not data")
    try write(dir + "/.hidden.json", "{}")
    // A triage policy next to the data (demo-data/ward-policy.yaml) is applied with
    // --policy, not imported: the walk passes over it, as over a README.
    try write(dir + "/ward-policy.yaml", "version: 1\nrules: []\n")
    // scripts/collect-org.sh's report at the root of its tree is not data either.
    try write(dir + "/collect-summary.json", #"{"collected":[],"skipped":[],"failed":[]}"#)
    try write(dir + "/tenants.yaml", "tenants:\n  - name: a\n    accounts: [\"111122223333\"]\n")
    let plan = try ImportPlan.scan(paths: [dir])
    #expect(plan.count == 6)
    #expect(plan.map(\.stage) == [.tenants, .inventory, .aspects, .aspects, .series, .findings])
    let concurrency = try #require(
      plan.first { $0.path.hasSuffix("get-function-concurrency.json") })
    #expect(
      concurrency.context
        == ImportContext(account: "111122223333", region: "eu-west-1", functionName: "orders"))
    #expect(
      plan.first { $0.path.hasSuffix("metrics/orders.json") }?.context.functionName == "orders")
    for file in plan {
      _ = try Importer.read(path: file.path, context: file.context)
    }
    #expect(throws: ImportError.self) { try ImportPlan.scan(paths: [dir + "/nope"]) }
  }
}

@Suite struct PlanPathFormTests {
  /// A collected directory named relative to the working directory (`.`, `./x`, `x/`)
  /// still finds its account and region by walking up from the absolute path.
  @Test func relativePathsKeepTheCollectedContext() throws {
    let root = Fixture.path("moto-collect")
    for (cwd, file) in [
      (root, "./lambda-list-functions.json"), (root, "functions/orders-api/config.json"),
      (PathText.parent(of: root), "moto-collect/metrics/orders-api.json"),
      (root + "/functions", "../lambda-list-functions.json"), (root, "lambda-list-functions.json"),
    ] {
      var contexts = DirectoryContexts(workingDirectory: cwd)
      let context = contexts.context(for: file)
      #expect(context.account == "123456789012", "\(cwd) \(file)")
      #expect(context.region == "eu-west-1", "\(cwd) \(file)")
    }
  }

  @Test func specialFilesLoopsAndEmptyDirectoriesAreRefusedNotFollowed() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ward-plan-\(UInt32.random(in: 0...UInt32.max))"
    ).path
    try FileManager.default.createDirectory(
      atPath: dir + "/empty", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(mkfifo(dir + "/pipe.json", 0o600) == 0)
    try FileManager.default.createSymbolicLink(atPath: dir + "/loop", withDestinationPath: ".")
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/dangling.json", withDestinationPath: "nowhere")
    let plan = ImportPlan.plan(paths: [dir, dir + "/empty"])
    let reasons = Dictionary(
      plan.problems.map {
        (
          PathText.parent(of: $0.file) == dir ? String($0.file.dropFirst(dir.count + 1)) : $0.file,
          $0.reason
        )
      },
      uniquingKeysWith: { a, _ in a })
    #expect(reasons["pipe.json"]?.contains("FIFO") == true, "\(plan.problems)")
    #expect(reasons["loop"]?.contains("symlink loop") == true, "\(plan.problems)")
    #expect(reasons["dangling.json"]?.contains("dangling") == true, "\(plan.problems)")
    #expect(reasons["empty"]?.contains("no importable files") == true, "\(plan.problems)")
    #expect(plan.files.isEmpty)
  }
}

@Suite struct MotoCollectTests {
  /// The directory scripts/collect-aws.sh wrote against moto (Tests/Fixtures/SOURCES.md).
  @Test func collectedDirectoryImports() throws {
    let plan = try ImportPlan.scan(paths: [Fixture.path("moto-collect")])
    #expect(plan.count == 16)
    #expect(plan.first?.path.hasSuffix("lambda-list-functions.json") == true)
    var all: [ImportBatch] = []
    for file in plan {
      #expect(file.context.account == "123456789012", "\(file.path)")
      #expect(file.context.region == "eu-west-1", "\(file.path)")
      all.append(try Importer.read(path: file.path, context: file.context))
    }
    let functions = all.flatMap(\.functions)
    #expect(Set(functions.map(\.name)) == ["orders-api", "s3-ingest"])
    let orders = try #require(functions.first { $0.name == "orders-api" })
    #expect(orders.environment.first { $0.name == "DB_PASSWORD" }?.secretKind != nil)
    #expect(!"\(all)".contains("hunter2-Secret-99"))
    #expect(all.flatMap(\.urlConfigs).map(\.authType) == ["NONE"])
    #expect(all.flatMap(\.policies).first?.statements.first?.isPublicPrincipal == true)
    #expect(
      all.flatMap(\.functionsWithoutPolicy) == [
        "arn:aws:lambda:eu-west-1:123456789012:function:s3-ingest"
      ])
    #expect(
      all.flatMap(\.functionsWithoutURL) == [
        "arn:aws:lambda:eu-west-1:123456789012:function:s3-ingest"
      ])
    let patches = all.flatMap(\.functionPatches)
    #expect(
      patches.contains(
        FunctionPatch(
          functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:s3-ingest",
          change: .reservedConcurrency(5))))
    let metrics = all.flatMap(\.metrics)
    #expect(metrics.count == 2)
    #expect(
      metrics.allSatisfy { $0.invocations == 42 && $0.errors == 3 && $0.durationAvg == 120.5 })
  }
}

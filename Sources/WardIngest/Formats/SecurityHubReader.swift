import Foundation
import WardModel

/// Security Hub ASFF findings (get-findings response, a bare list, or one finding).
enum SecurityHubReader {
  /// - Parameter fromSecurityHub: the items are a get-findings response (`{"Findings":
  ///   […]}`), so every finding is one Security Hub holds; a bare list or a single finding
  ///   may be any tool's ASFF (Prowler's `-M json-asff`), and only those whose ProductArn
  ///   is Security Hub's own product count as held by Security Hub.
  static func read(_ items: [JSONValue], fromSecurityHub: Bool = false) throws -> ImportBatch {
    var batch = ImportBatch(format: "asff")
    for item in items {
      guard item.isObject else { throw item.typeMismatch("an ASFF finding object") }
      batch.findings.append(try finding(item, fromSecurityHub: fromSecurityHub))
    }
    return batch
  }

  static func finding(_ f: JSONValue, fromSecurityHub: Bool = false) throws -> Finding {
    let id = try f.requiredString("Id")
    let resources = try f.array("Resources") ?? []
    let first = resources.first
    let lambda = try resources.first { r in
      try r.string("Type") == "AwsLambdaFunction"
        || (try r.string("Id")).flatMap { ARN($0)?.lambdaFunctionName } != nil
    }
    let functionArn = try lambda?.string("Id").flatMap { ARN($0)?.unqualifiedLambdaARN }
    let chosen = lambda ?? first
    let productFields = try f.object("ProductFields")
    let compliance = try f.object("Compliance")
    let generator = try f.string("GeneratorId") ?? ""
    let ruleId =
      try compliance?.string("SecurityControlId") ?? productFields?.string("ControlId") ?? generator
    let checkTitle = try f.string("Title") ?? ruleId
    let complianceStatus = try compliance?.string("Status")?.uppercased()
    let archived = try f.string("RecordState")?.uppercased() == "ARCHIVED"
    let passed = complianceStatus == "PASSED" || archived
    // Prowler's ASFF carries the check's title (what passing means) and puts what is wrong
    // in Description: a failing Prowler row is titled by that.
    let fromProwler =
      try f.string("ProductName")?.lowercased() == "prowler"
      || (try f.string("ProductArn"))?.lowercased().contains("prowler") == true
    let statusDetail = try f.string("Description") ?? ""
    let title = fromProwler && !passed && !statusDetail.isEmpty ? statusDetail : checkTitle
    let workflowStatus = try f.object("Workflow")?.string("Status")
    let sourceState = workflowStatus.flatMap(SecurityHubWorkflow.state(forStatus:))
    let recommendation = try f.object("Remediation")?.object("Recommendation")
    var remediation = try recommendation?.string("Text") ?? ""
    if let url = try recommendation?.string("Url") {
      remediation += remediation.isEmpty ? url : " \(url)"
    }
    let created = try AWSTime.optional(f, "CreatedAt")
    let updated = try AWSTime.optional(f, "UpdatedAt")
    let firstSeen = try AWSTime.optional(f, "FirstObservedAt") ?? created ?? updated ?? 0
    let lastSeen = try AWSTime.optional(f, "LastObservedAt") ?? updated ?? firstSeen
    var evidence: [String] = []
    if let complianceStatus { evidence.append("Compliance.Status=\(complianceStatus)") }
    if let state = try f.string("RecordState") { evidence.append("RecordState=\(state)") }
    let resourceType = try chosen?.string("Type")
    return Finding(
      id: StableID.make("shub", [id]), account: try f.string("AwsAccountId"),
      region: try chosen?.string("Region") ?? first?.string("Region"), functionArn: functionArn,
      resource: try chosen?.string("Id") ?? "", resourceType: resourceType,
      category: CategoryMap.category(ruleId: ruleId, title: checkTitle, resourceType: resourceType),
      severity: try severity(f),
      title: title, description: try f.string("Description") ?? "", remediation: remediation,
      source: "securityhub", ruleId: ruleId, evidence: evidence.joined(separator: " "),
      firstSeen: firstSeen, lastSeen: max(lastSeen, firstSeen),
      compliance: passed ? .passed : .failed, sourceState: sourceState,
      sourceRef: try sourceRef(
        f, id: id, workflowStatus: workflowStatus, fromSecurityHub: fromSecurityHub))
  }

  /// The finding's ASFF identity (Id, ProductArn) and the workflow its source held, so
  /// decisions can go back with BatchUpdateFindings. System `securityhub` when Security Hub
  /// holds the finding (a get-findings response, or Security Hub's own product ARN; in
  /// Ward's own export, what its ProductFields `ward/source-system` says), else
  /// `asff` (kept for the ASFF export, never sent to Security Hub). A finding Ward itself
  /// exported (ProductFields `ward/finding-id`) keeps its identity, but its workflow is
  /// Ward's state, not Security Hub's: it is not recorded as what Security Hub holds.
  static func sourceRef(
    _ f: JSONValue, id: String, workflowStatus: String?, fromSecurityHub: Bool
  ) throws -> SourceRef? {
    guard let productArn = try f.string("ProductArn"), !productArn.isEmpty else { return nil }
    let productFields = try f.object("ProductFields")
    let wardExport = try productFields?.string("ward/finding-id") != nil
    // Ward's export names the system the identity came from (ward/source-system).
    let held =
      wardExport
      ? try productFields?.string("ward/source-system") == SourceRef.securityHub
      : fromSecurityHub || productArn.hasSuffix(":product/aws/securityhub")
    return SourceRef(
      system: held ? SourceRef.securityHub : SourceRef.asff, id: id, productArn: productArn,
      workflowStatus: wardExport ? nil : workflowStatus?.uppercased(),
      verificationState: wardExport ? nil : try f.string("VerificationState")?.uppercased())
  }

  /// Severity.Label, else Severity.Normalized (0-100), else ProductFields' label.
  static func severity(_ f: JSONValue) throws -> Severity {
    let s = try f.object("Severity")
    if let label = try s?.string("Label"), let sev = Severity(lenient: label) { return sev }
    if let label = try f.object("ProductFields")?.string("aws/securityhub/SeverityLabel"),
      let sev = Severity(lenient: label)
    {
      return sev
    }
    if let n = try s?.double("Normalized") {
      switch n {
      case 90...: return .critical
      case 70..<90: return .high
      case 40..<70: return .medium
      case 1..<40: return .low
      default: return .info
      }
    }
    return .medium
  }
}

/// Checkov `-o json` reports (one report object or a list of them, one per framework).
enum CheckovReader {
  static func read(_ reports: [JSONValue], context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "checkov")
    // Checkov prints no time: the caller dates the findings (ImportBatch.undatedFindings)
    // unless the context names the time.
    batch.undatedFindings = context.importTime == nil
    let now = context.importTime ?? 0
    for report in reports {
      guard report.isObject else { throw report.typeMismatch("a Checkov report object") }
      let checkType = try report.string("check_type") ?? ""
      guard let results = try report.object("results") else { continue }
      for (key, compliance) in [
        ("failed_checks", Finding.Compliance.failed), ("passed_checks", .passed),
      ] {
        for check in try results.array(key) ?? [] {
          batch.findings.append(
            try finding(
              check, checkType: checkType, compliance: compliance, now: now, context: context))
        }
      }
    }
    return batch
  }

  /// A Checkov check result. Checkov reports carry no account: a report filed inside a
  /// collected account directory (docs/formats.md) takes that directory's account and
  /// region; otherwise `ward import --tenant` decides where it belongs.
  static func finding(
    _ c: JSONValue, checkType: String, compliance: Finding.Compliance, now: EpochSeconds,
    context: ImportContext
  ) throws
    -> Finding
  {
    let checkId = try c.requiredString("check_id")
    let file = try c.string("repo_file_path") ?? c.string("file_path") ?? ""
    let resource = try c.string("resource") ?? ""
    let title = try c.string("check_name") ?? checkId
    let category = CategoryMap.category(ruleId: checkId, title: title, resourceType: nil)
    let severity =
      try c.string("severity").flatMap { Severity(lenient: $0) }
      ?? CategoryMap.checkovDefaultSeverity(checkId: checkId, category: category)
    var evidence = ""
    var location: SourceLocation? = file.isEmpty ? nil : SourceLocation(uri: file)
    if let range = try c.array("file_line_range"), range.count == 2 {
      let (start, end) = (try range[0].int(), try range[1].int())
      evidence = "\(file) lines \(start)-\(end)"
      if !file.isEmpty { location = SourceLocation(uri: file, startLine: start, endLine: end) }
    }
    return Finding(
      id: StableID.make("ckv", (context.account.map { [$0] } ?? []) + [checkId, file, resource]),
      account: context.account, region: context.region,
      functionArn: nil, resource: "\(file):\(resource)",
      resourceType: resource.split(separator: ".").first.map(String.init),
      category: category, severity: severity, title: title,
      description: try c.string("description") ?? "", remediation: try c.string("guideline") ?? "",
      source: "checkov", ruleId: checkId, evidence: evidence.isEmpty ? checkType : evidence,
      firstSeen: now, lastSeen: now, compliance: compliance, location: location)
  }
}

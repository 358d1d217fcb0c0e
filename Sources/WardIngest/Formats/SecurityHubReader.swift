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

/// Prowler JSON-OCSF Detection Findings (class_uid 2004).
enum ProwlerReader {
  static func read(_ items: [JSONValue]) throws -> ImportBatch {
    var batch = ImportBatch(format: "prowler-ocsf")
    var places: [String] = []
    for item in items {
      guard item.isObject else { throw item.typeMismatch("an OCSF finding object") }
      if let classUid = try item.int("class_uid"), classUid != 2004 {
        throw try item.required("class_uid").failure(
          "OCSF class \(classUid) is not a Detection Finding (2004); export with -M json-ocsf")
      }
      if let f = try finding(item) {
        batch.findings.append(f)
        places.append(item.path)
      }
    }
    batch.findings = try distinguishSharedUIDs(batch.findings, places: places)
    return batch
  }

  /// Prowler gives one `finding_info.uid` to results that differ only by resource (one API,
  /// two stages) or region, so a finding's id is made from the uid, the resource and the
  /// region: two such results land as two findings, in one file or in two. Two results of
  /// one file with the same uid, resource and region are refused, naming both places.
  static func distinguishSharedUIDs(_ findings: [Finding], places: [String]) throws
    -> [Finding]
  {
    var firstPlace: [String: String] = [:]
    for (i, f) in findings.enumerated() {
      if let earlier = firstPlace[f.id] {
        throw ReadError(
          place: places[i],
          "the same finding_info.uid, resource and region as \(earlier): Ward keeps one finding per uid, resource and region"
        )
      }
      firstPlace[f.id] = places[i]
    }
    return findings
  }

  static func finding(_ f: JSONValue) throws -> Finding? {
    let status = try f.string("status_code")?.uppercased() ?? "FAIL"
    if status == "MANUAL" { return nil }
    let info = try f.required("finding_info")
    let uid = try info.requiredString("uid")
    let ruleId =
      try f.object("metadata")?.string("event_code") ?? info.object("analytic")?.string("uid") ?? ""
    let checkTitle = try info.string("title") ?? f.string("message") ?? ruleId
    let detail = try f.string("status_detail") ?? ""
    // A check's title says what passing means ("Lambda function URL is not publicly
    // accessible"); a failing row is titled by what is wrong, Prowler's status_detail.
    let title = status != "PASS" && !detail.isEmpty ? detail : checkTitle
    let resources = try f.array("resources") ?? []
    let lambda = try resources.first { r in
      try r.string("type") == "AwsLambdaFunction"
        || (try r.string("uid")).flatMap { ARN($0)?.lambdaFunctionName } != nil
    }
    let chosen = lambda ?? resources.first
    let functionArn = try lambda?.string("uid").flatMap { ARN($0)?.unqualifiedLambdaARN }
    let cloud = try f.object("cloud")
    var severity = try f.string("severity").flatMap { Severity(lenient: $0) }
    if severity == nil, let sid = try f.int("severity_id") {
      severity =
        switch sid {
        case 5, 6: .critical
        case 4: .high
        case 3: .medium
        case 2: .low
        default: .info
        }
    }
    var remediationParts: [String] = []
    if let remediation = try f.object("remediation") {
      if let desc = try remediation.string("desc") { remediationParts.append(desc) }
      if let refs = try remediation.present("references")?.stringList() { remediationParts += refs }
    }
    let time = try AWSTime.optional(f, "time") ?? 0
    let created = try AWSTime.optional(info, "created_time") ?? time
    let resource = try chosen?.string("uid") ?? chosen?.string("name") ?? ""
    let region = try chosen?.string("region") ?? cloud?.string("region")
    return Finding(
      id: StableID.make("prow", [uid, resource, region ?? ""]),
      account: try cloud?.object("account")?.string("uid"), region: region,
      functionArn: functionArn, resource: resource,
      resourceType: try chosen?.string("type"),
      category: CategoryMap.category(
        ruleId: ruleId, title: checkTitle, resourceType: try chosen?.string("type")),
      severity: severity ?? .medium, title: title,
      description: try info.string("desc") ?? detail,
      remediation: remediationParts.joined(separator: " "), source: "prowler", ruleId: ruleId,
      evidence: detail, firstSeen: min(created, time == 0 ? created : time),
      lastSeen: max(time, created),
      compliance: status == "PASS" ? .passed : .failed,
      sourceState: try f.int("status_id") == 3 ? .suppressed : nil)
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
    if let range = try c.array("file_line_range"), range.count == 2 {
      evidence = "\(file) lines \(try range[0].int())-\(try range[1].int())"
    }
    return Finding(
      id: StableID.make("ckv", (context.account.map { [$0] } ?? []) + [checkId, file, resource]),
      account: context.account, region: context.region,
      functionArn: nil, resource: "\(file):\(resource)",
      resourceType: resource.split(separator: ".").first.map(String.init),
      category: category, severity: severity, title: title,
      description: try c.string("description") ?? "", remediation: try c.string("guideline") ?? "",
      source: "checkov", ruleId: checkId, evidence: evidence.isEmpty ? checkType : evidence,
      firstSeen: now, lastSeen: now, compliance: compliance)
  }
}

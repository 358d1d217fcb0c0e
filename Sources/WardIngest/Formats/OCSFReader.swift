import WardModel

/// OCSF findings: Prowler's JSON-OCSF (Detection Finding 2004), Security Hub's OCSF
/// (Vulnerability 2002, Compliance 2003 and Detection 2004 findings, as GetFindingsV2 and
/// EventBridge deliver them) and Ward's own `ward export --format ocsf`
/// (docs/formats.md, "OCSF").
///
/// One reader for every producer: the producer (`metadata.product`) only decides the
/// finding's source and id, so the same Security Hub finding read from ASFF and from OCSF
/// is one finding.
enum OCSFReader {
  /// The OCSF classes Ward reads.
  static let classes: [Int: String] = [
    2002: "Vulnerability Finding", 2003: "Compliance Finding", 2004: "Detection Finding",
  ]

  static func read(_ items: [JSONValue]) throws -> ImportBatch {
    var findings: [Finding] = []
    var places: [String] = []
    var producers = Set<Producer>()
    for item in items {
      guard item.isObject else { throw item.typeMismatch("an OCSF finding object") }
      if let classUid = try item.int("class_uid"), classes[classUid] == nil {
        throw try item.required("class_uid").failure(
          "OCSF class \(classUid) is not a finding class Ward reads (2002 Vulnerability, 2003 Compliance, 2004 Detection Finding); export Prowler with -M json-ocsf"
        )
      }
      let producer = try Producer(item)
      producers.insert(producer)
      if let f = try finding(item, producer: producer) {
        findings.append(f)
        places.append(item.path)
      }
    }
    var batch = ImportBatch(format: format(producers))
    batch.findings = try keepOnePerID(findings, places: places)
    return batch
  }

  /// `prowler-ocsf`, `securityhub-ocsf`, `ward-ocsf` when one producer wrote the file,
  /// else `ocsf`.
  static func format(_ producers: Set<Producer>) -> String {
    guard producers.count == 1, let only = producers.first else { return "ocsf" }
    switch only {
    case .prowler: return "prowler-ocsf"
    case .securityHub: return "securityhub-ocsf"
    case .ward: return "ward-ocsf"
    case .other: return "ocsf"
    }
  }

  /// Who wrote a finding, from `metadata.product`.
  enum Producer: Hashable {
    case prowler
    case securityHub
    case ward
    case other(String)

    init(_ f: JSONValue) throws {
      let product = try f.object("metadata")?.object("product")
      let name = try product?.string("name") ?? ""
      let vendor = try product?.string("vendor_name") ?? ""
      let uid = try product?.string("uid") ?? ""
      if name.lowercased() == "prowler" || vendor.lowercased() == "prowler" {
        self = .prowler
      } else if name == "Ward" && vendor == "Ward" {
        self = .ward
      } else if uid.hasPrefix("arn:aws:securityhub:") || name.hasPrefix("Security Hub")
        || (vendor == "AWS" || vendor == "Amazon")
      {
        self = .securityHub
      } else if name.isEmpty && vendor.isEmpty {
        // Older Prowler output names no product; it is the OCSF Ward has always read.
        self = .prowler
      } else {
        self = .other(SARIFReader.sourceName(name.isEmpty ? vendor : name))
      }
    }

    var source: String {
      switch self {
      case .prowler: "prowler"
      case .securityHub: "securityhub"
      case .ward: "ward"
      case .other(let name): name
      }
    }
  }

  /// Prowler gives one `finding_info.uid` to results that differ only by resource (one API,
  /// two stages) or region, so a Prowler finding's id is made from the uid, the resource
  /// and the region: two such results land as two findings, in one file or in two. Two
  /// Prowler results of one file with the same uid, resource and region are refused, naming
  /// both places. Other producers' ids are their uid: a uid seen twice (a Create and an
  /// Update event in one stream) keeps the observation seen last.
  static func keepOnePerID(_ findings: [Finding], places: [String]) throws -> [Finding] {
    var firstPlace: [String: Int] = [:]
    var out: [Finding] = []
    for (i, f) in findings.enumerated() {
      if let earlier = firstPlace[f.id] {
        if f.source == "prowler" {
          throw ReadError(
            place: places[i],
            "the same finding_info.uid, resource and region as \(places[earlier]): Ward keeps one finding per uid, resource and region"
          )
        }
        if let at = out.firstIndex(where: { $0.id == f.id }) { out[at] = f }
        continue
      }
      firstPlace[f.id] = i
      out.append(f)
    }
    return out
  }

  static func finding(_ f: JSONValue, producer: Producer) throws -> Finding? {
    let classUid = try f.int("class_uid") ?? 2004
    let statusCode = try f.string("status_code")?.uppercased()
    if statusCode == "MANUAL" { return nil }
    let info = try f.required("finding_info")
    let uid = try info.required("uid").identifier()
    let compliance = try f.object("compliance")
    let vulnerabilities = try f.array("vulnerabilities") ?? []
    let ruleId =
      try f.object("metadata")?.string("event_code") ?? compliance?.string("control")
      ?? vulnerabilities.first?.object("cve")?.string("uid")
      ?? info.array("types")?.first?.string() ?? info.object("analytic")?.string("uid") ?? ""
    let checkTitle = try info.string("title") ?? f.string("message") ?? ruleId
    let detail = try f.string("status_detail") ?? ""
    let passed = try passed(f, statusCode: statusCode, compliance: compliance)
    // A Prowler check's title says what passing means ("Lambda function URL is not
    // publicly accessible"); a failing row is titled by what is wrong, its status_detail.
    let title = !passed && !detail.isEmpty ? detail : checkTitle
    let resources = try f.array("resources") ?? []
    let cloud = try f.object("cloud")
    let account = try cloud?.object("account")?.string("uid")
    let lambda = try resources.first { try lambdaArn($0, account: account, cloud: cloud) != nil }
    let chosen = lambda ?? resources.first
    let functionArn = try lambda.flatMap { try lambdaArn($0, account: account, cloud: cloud) }
    let resourceType = try chosen?.string("type")
    let resource = try chosen?.string("uid") ?? chosen?.string("name") ?? ""
    // Security Hub says `global` for IAM resources; the account's region is more use.
    // (Prowler ids are made with the region as written, so Prowler's is kept.)
    let written = try chosen?.string("region")
    let region =
      written == "global" && producer != .prowler
      ? try cloud?.string("region") : try written ?? cloud?.string("region")
    var remediationParts: [String] = []
    if let remediation = try f.object("remediation") {
      if let desc = try remediation.string("desc") { remediationParts.append(desc) }
      // Ward's export lists the URLs of its remediation text as references: they are in
      // the text already.
      if producer != .ward, let refs = try remediation.present("references")?.stringList() {
        remediationParts += refs
      }
    }
    let time = try AWSTime.optional(f, "time") ?? 0
    let created = try AWSTime.optional(info, "created_time") ?? time
    let firstSeen =
      try AWSTime.optional(info, "first_seen_time")
      ?? min(created, time == 0 ? created : time)
    let lastSeen = max(
      try AWSTime.optional(info, "last_seen_time") ?? AWSTime.optional(info, "modified_time")
        ?? time, created, firstSeen)
    let ward = try f.object("unmapped")?.object("ward")
    var category = CategoryMap.category(
      ruleId: ruleId, title: checkTitle, resourceType: resourceType)
    if classUid == 2002 && CategoryMap.table[ruleId] == nil { category = .dependencies }
    if let id = try ward?.string("category"), let c = Category(rawValue: id) { category = c }
    var evidence = try ward?.string("evidence") ?? detail
    if evidence.isEmpty { evidence = try vulnerabilityEvidence(vulnerabilities) }
    if evidence.isEmpty && ward == nil {
      var parts: [String] = []
      if let s = try compliance?.string("status") { parts.append("compliance.status=\(s)") }
      if let s = try f.string("status") { parts.append("status=\(s)") }
      evidence = parts.joined(separator: " ")
    }
    return Finding(
      id: try id(uid: uid, resource: resource, region: region, producer: producer),
      account: account, region: region,
      functionArn: functionArn, resource: try ward?.string("resource") ?? resource,
      resourceType: try ward.map { try $0.string("resource_type") } ?? resourceType,
      category: category, severity: try severity(f), title: title,
      description: try ward?.string("description") ?? info.string("desc") ?? detail,
      remediation: remediationParts.joined(separator: " "),
      source: try ward?.string("source").map { try $0.isEmpty ? producer.source : $0 }
        ?? producer.source,
      ruleId: ruleId, evidence: evidence, firstSeen: firstSeen, lastSeen: lastSeen,
      compliance: passed ? .passed : .failed, sourceState: try sourceState(f),
      location: try location(ward))
  }

  /// A Vulnerability Finding's packages and score: `python 2.7.18 (fixed in
  /// 0:2.7.18-1.amzn2.0.14); … CVSS 7.5`, empty when it names none.
  static func vulnerabilityEvidence(_ vulnerabilities: [JSONValue]) throws -> String {
    var parts: [String] = []
    var score: Double?
    for v in vulnerabilities {
      for p in try v.array("affected_packages") ?? [] {
        guard let name = try p.string("name") else { continue }
        var text = name
        if let version = try p.string("version") { text += " \(version)" }
        if let fixed = try p.string("fixed_in_version") { text += " (fixed in \(fixed))" }
        parts.append(text)
      }
      for c in try v.object("cve")?.array("cvss") ?? [] {
        if let s = try c.present("base_score"), s.kind == .number {
          score = max(score ?? 0, try s.double())
        }
      }
    }
    var text = parts.joined(separator: "; ")
    if let score { text += (text.isEmpty ? "" : "; ") + "CVSS \(score)" }
    return text
  }

  /// Prowler's `status_code` PASS/FAIL; else a Compliance Finding's `compliance.status`
  /// (Pass passed; Fail, Warning failed); else `status_id` 4 Resolved or 5 Archived passed.
  static func passed(_ f: JSONValue, statusCode: String?, compliance: JSONValue?) throws -> Bool {
    if let statusCode { return statusCode == "PASS" }
    if let status = try compliance?.string("status") { return status.lowercased() == "pass" }
    if let id = try compliance?.int("status_id") { return id == 1 }
    let status = try f.int("status_id")
    return status == 4 || status == 5
  }

  /// `status_id` 2 In Progress, 3 Suppressed: the state a new finding starts in.
  static func sourceState(_ f: JSONValue) throws -> TriageState? {
    switch try f.int("status_id") {
    case 2: .inProgress
    case 3: .suppressed
    default: nil
    }
  }

  /// `severity` text, else `severity_id` (5/6 critical, 4 high, 3 medium, 2 low, else info).
  static func severity(_ f: JSONValue) throws -> Severity {
    if let s = try f.string("severity").flatMap({ Severity(lenient: $0) }) { return s }
    switch try f.int("severity_id") {
    case 5, 6: return .critical
    case 4: return .high
    case 3: return .medium
    case 2: return .low
    case nil: return .medium
    default: return .info
    }
  }

  /// The function a resource is: type `AwsLambdaFunction` or `AWS::Lambda::Function`, or a
  /// `uid`/`uid_alt` that is a Lambda function ARN. Security Hub gives a function's name as
  /// `uid` and its ARN as `uid_alt`; a name alone is completed with the account and region.
  static func lambdaArn(_ r: JSONValue, account: String?, cloud: JSONValue?) throws -> String? {
    for key in ["uid", "uid_alt"] {
      if let arn = try r.string(key).flatMap({ ARN($0)?.unqualifiedLambdaARN }) { return arn }
    }
    let type = try r.string("type")
    guard type == "AwsLambdaFunction" || type == "AWS::Lambda::Function",
      let name = try r.string("name") ?? r.string("uid"), !name.contains(":"),
      let account = try r.object("owner")?.object("account")?.string("uid") ?? account,
      let region = try r.string("region") ?? cloud?.string("region")
    else { return nil }
    return ARN.lambdaFunction(name: name, account: account, region: region)
  }

  /// Prowler: `prow-` of uid, resource and region. Security Hub: `shub-` of the uid, the
  /// id its ASFF finding has too. Ward's own export: the Ward id it carries. Others:
  /// `ocsf-` of producer and uid.
  static func id(uid: String, resource: String, region: String?, producer: Producer) throws
    -> String
  {
    switch producer {
    case .prowler: return StableID.make("prow", [uid, resource, region ?? ""])
    case .securityHub: return StableID.make("shub", [uid])
    case .ward where isWardID(uid): return uid
    case .ward: return StableID.make("ocsf", ["ward", uid])
    case .other(let name): return StableID.make("ocsf", [name, uid])
    }
  }

  /// `PREFIX-` and 16 lowercase hex digits, as ``StableID/make(_:_:)`` writes.
  static func isWardID(_ text: String) -> Bool {
    let parts = text.split(separator: "-")
    guard parts.count == 2, (1...8).contains(parts[0].count), parts[1].count == 16 else {
      return false
    }
    return parts[0].allSatisfy { $0.isLetter && $0.isLowercase }
      && parts[1].allSatisfy { $0.isHexDigit && !$0.isUppercase }
  }

  /// `unmapped.ward.location` of Ward's export: `{"uri", "start_line", "end_line"}`.
  static func location(_ ward: JSONValue?) throws -> SourceLocation? {
    guard let loc = try ward?.object("location"), let uri = try loc.string("uri") else {
      return nil
    }
    return SourceLocation(
      uri: uri, startLine: try loc.int("start_line"), endLine: try loc.int("end_line"))
  }
}

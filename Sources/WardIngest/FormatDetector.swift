import WardModel

/// Decides a JSON document's format from its keys and hands it to the right reader.
enum FormatDetector {
  static func read(_ root: JSONValue, name: String, context: ImportContext) throws -> ImportBatch {
    var value = root
    // Cloud Custodian (placebo) recordings: {"status_code": N, "data": {...}}.
    if root.isObject, let status = try root["status_code"], status.kind == .number,
      let data = try root["data"], data.isObject
    {
      let code = try status.int()
      if code >= 400 {
        let errorCode = try data.object("Error")?.string("Code") ?? "HTTP \(code)"
        if errorCode == "ResourceNotFoundException" {
          return try NotFoundReader.readCustodian404(name: name, context: context)
        }
        throw data.failure("the recorded AWS call failed: \(errorCode)")
      }
      value = data
    }
    if value.isArray { return try readList(value, context: context) }
    guard value.isObject else {
      throw value.failure("not a format Ward reads: looks like a bare JSON \(value.kind.noun)")
    }
    let has = { (key: String) in value.hasKey(key) }
    if has("Functions") { return try LambdaFunctionReader.readList(value, context: context) }
    if has("Configuration") && (has("Code") || has("Concurrency") || has("Tags")) {
      return try LambdaFunctionReader.readGetFunction(value, context: context)
    }
    if has("FunctionName") && (has("FunctionArn") || has("Runtime") || has("Role")) {
      return try LambdaFunctionReader.readConfiguration(value, context: context)
    }
    if has("CodeSigningConfigArn") || (has("FunctionName") && value.keys.count == 1) {
      return try AspectReaders.readCodeSigning(value, context: context)
    }
    if has("Policy") { return try PolicyReader.read(value, context: context) }
    if has("FunctionUrl") && has("AuthType") {
      return try URLConfigReader.read(value, context: context)
    }
    if has("EventSourceMappings") {
      return try EventSourceMappingReader.read(value, context: context)
    }
    if has("DestinationConfig") || (has("MaximumEventAgeInSeconds") && !has("FunctionName")) {
      return try AspectReaders.readEventInvokeConfig(value, context: context)
    }
    if has("ReservedConcurrentExecutions") || value.keys.isEmpty {
      return try AspectReaders.readConcurrency(value, context: context)
    }
    if has("LambdaFunctionConfigurations") || has("QueueConfigurations")
      || has("TopicConfigurations") || has("EventBridgeConfiguration")
    {
      return try TriggerSourceReaders.notifications(value, context: context)
    }
    if has("Grants") && has("Owner") {
      return try TriggerSourceReaders.acl(value, context: context)
    }
    if has("PublicAccessBlockConfiguration") {
      return try TriggerSourceReaders.publicAccessBlock(value, context: context)
    }
    if has("Attributes") { return try TriggerSourceReaders.attributes(value) }
    if has("Subscriptions") {
      return try TriggerSourceReaders.subscriptions(value, context: context)
    }
    if has("Rules") { return try TriggerSourceReaders.rules(value) }
    if has("Targets") { return try TriggerSourceReaders.targets(value, context: context) }
    if has("logGroups") { return try AspectReaders.readLogGroups(value, context: context) }
    if has("RoleDetailList") || (has("Policies") && has("UserDetailList")) {
      return try IAMAuthorizationReader.read(value, context: context)
    }
    if has("items") { return try ApiGatewayReaders.readItems(value, context: context) }
    if has("item") { return try ApiGatewayReaders.restStages(value, context: context) }
    if has("Items") { return try ApiGatewayReaders.readV2Items(value, context: context) }
    if has("UserId") && has("Account") && has("Arn") {
      return ImportBatch(format: "aws-sts-get-caller-identity")
    }
    if has("MetricDataResults") { return try MetricDataReader.read(value, context: context) }
    if has("Datapoints") { return try MetricStatisticsReader.read(value, context: context) }
    if has("ResultsByTime") { return try CostReader.read(value, context: context) }
    let schema = try value.present("$schema").flatMap { $0.kind == .string ? try $0.string() : nil }
    if has("runs") || schema?.lowercased().contains("sarif") == true {
      return try SARIFReader.read(value, context: context)
    }
    if has("Findings") {
      return try readFindingList(try value.required("Findings"), fromSecurityHub: true)
    }
    // An EventBridge event from Security Hub: {"detail-type": …, "detail": {"findings": […]}}.
    if has("detail-type"), let findings = try value.object("detail")?.present("findings") {
      return try readFindingList(findings, fromSecurityHub: true)
    }
    if has("SchemaVersion") && has("ProductArn") { return try SecurityHubReader.read([value]) }
    if has("class_uid") { return try OCSFReader.read([value]) }
    if has("check_type") && has("results") {
      return try CheckovReader.read([value], context: context)
    }
    let keys = value.keys.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
    throw value.failure("not a format Ward reads: looks like a JSON object with keys \(keys)")
  }

  /// A `Findings` (or EventBridge `detail.findings`) list: OCSF when its first finding has
  /// `class_uid` or `finding_info` (Security Hub's GetFindingsV2), else ASFF (GetFindings).
  static func readFindingList(_ list: JSONValue, fromSecurityHub: Bool) throws -> ImportBatch {
    let items = try list.array()
    if let first = items.first, first.isObject,
      first.hasKey("class_uid") || first.hasKey("finding_info")
    {
      return try OCSFReader.read(items)
    }
    return try SecurityHubReader.read(items, fromSecurityHub: fromSecurityHub)
  }

  /// A top-level JSON array: ASFF findings, OCSF findings, or a list of Checkov reports.
  static func readList(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    let items = try value.array()
    guard let first = items.first else { return ImportBatch(format: "empty-list") }
    guard first.isObject else {
      throw first.failure("not a format Ward reads: looks like a JSON list of \(first.kind.noun)s")
    }
    if first.hasKey("class_uid") || first.hasKey("finding_info") || first.hasKey("SchemaVersion")
      || first.hasKey("ProductArn")
    {
      return try readFindingList(value, fromSecurityHub: false)
    }
    if first.hasKey("check_type") && first.hasKey("results") {
      return try CheckovReader.read(items, context: context)
    }
    let keys = first.keys.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
    throw first.failure(
      "not a format Ward reads: looks like a JSON list of objects with keys \(keys)")
  }
}

/// Timestamps as AWS tools write them: ISO 8601 text, epoch seconds or milliseconds,
/// or Cloud Custodian's `{"__class__": "datetime", "year": …}` objects.
enum AWSTime {
  static func parse(_ v: JSONValue) throws -> EpochSeconds {
    let time = try parseAnyRange(v)
    guard ValueDomain.times.contains(time) else {
      throw v.failure(
        "timestamp \(UTC.iso8601(time)) is out of range (Ward accepts 2000-01-01 to 2099-12-31)")
    }
    return time
  }

  /// The instant as written, checked only so far that computing it cannot overflow.
  private static func parseAnyRange(_ v: JSONValue) throws -> EpochSeconds {
    switch v.kind {
    case .string:
      if let t = v.withPlainStringBytes({ UTC.parse(utf8: $0) }) ?? nil { return t }
      let text = try v.string()
      guard let t = UTC.parse(text) else {
        throw v.failure("not a timestamp: \"\(text.prefix(40))\"")
      }
      return t
    case .number:
      let d = try v.double()
      let seconds = d > 1e11 ? d / 1000 : d
      // Epoch seconds for 0001..9999 fit easily; anything else (1e300, inf) is refused
      // here, before the conversion to an integer could trap.
      guard seconds.isFinite, abs(seconds) < 3e11 else {
        throw v.failure("timestamp \(d) is out of range (Ward accepts 2000-01-01 to 2099-12-31)")
      }
      return EpochSeconds(seconds)
    case .object:
      guard let y = try v.int("year"), let mo = try v.int("month"), let d = try v.int("day") else {
        throw v.typeMismatch("a timestamp")
      }
      guard (1...9999).contains(y), (1...12).contains(mo), (1...31).contains(d) else {
        throw v.failure("timestamp out of range: year \(y), month \(mo), day \(d)")
      }
      let days = UTC.daysFromCivil(year: y, month: mo, day: d)
      let hour = try v.int("hour", in: 0...23) ?? 0
      let minute = try v.int("minute", in: 0...59) ?? 0
      let second = try v.int("second", in: 0...60) ?? 0
      return days * UTC.day + EpochSeconds(hour * 3600 + minute * 60 + second)
    default:
      throw v.typeMismatch("a timestamp")
    }
  }

  static func optional(_ parent: JSONValue, _ key: String) throws -> EpochSeconds? {
    guard let v = try parent.present(key) else { return nil }
    return try parse(v)
  }
}

import WardModel

extension PostureStore {
  /// The sources that feed one function, with what was read about them; empty if the
  /// function is unknown or out of scope.
  public func triggerSources(forFunction arn: String) throws -> [FunctionTriggerSource] {
    try function(arn: arn)?.sources ?? []
  }
}

/// Joins a function's trigger sources: its event source mappings, the links read from the
/// sources' side (bucket notifications, SNS subscriptions, rule targets) and the service
/// grants of its resource policy that name a source ARN; then each source's facts. The
/// caller has already applied the tenant scope to the function.
struct TriggerSourceReader {
  let db: Database

  func sources(
    forFunction arn: String, mappings: [Trigger], policy: [PolicyStatement]
  ) throws -> [FunctionTriggerSource] {
    var order: [String] = []
    var via: [String: [String]] = [:]
    func add(_ source: String, _ how: String) {
      if via[source] == nil { order.append(source) }
      if via[source]?.contains(how) != true { via[source, default: []].append(how) }
    }
    for m in mappings { add(m.sourceArn, "event source mapping \(m.id)") }
    let links = try db.prepare(
      "SELECT via, source_arn, detail FROM trigger_links WHERE function_arn = ? ORDER BY source_arn, via"
    ).rows([.text(arn)]) { ($0.text(0), $0.text(1), $0.text(2)) }
    for (kind, source, detail) in links {
      let name =
        switch TriggerVia(rawValue: kind) {
        case .s3Notification: "S3 notification"
        case .snsSubscription: "SNS subscription"
        case .eventBridgeRule: "EventBridge rule target"
        case nil: kind
        }
      add(source, detail.isEmpty ? name : "\(name) \(detail)")
    }
    for s in policy where s.effect.lowercased() == "allow" {
      guard let source = s.sourceArn, ARN(source) != nil else { continue }
      for p in s.principals where p.hasSuffix(".amazonaws.com") && p != "apigateway.amazonaws.com" {
        add(source, "resource policy grants \(p)")
      }
    }
    let facts = try db.prepare(
      """
      SELECT policy, acl_public_grants, public_access_block, rule_state, rule_selector
      FROM trigger_sources WHERE source_arn = ?
      """)
    return try order.map { source in
      let f =
        try facts.first([.text(source)]) { s in
          TriggerSourceFacts(
            policy: s.optionalText(0).map {
              JSONText.decode([SourceStatement].self, $0, default: [])
            },
            aclPublicGrants: s.optionalText(1).map {
              JSONText.decode([String].self, $0, default: [])
            },
            publicAccessBlock: s.optionalText(2).map {
              JSONText.decode(PublicAccessBlock.self, $0, default: PublicAccessBlock())
            },
            ruleState: s.optionalText(3), ruleSelector: s.optionalText(4))
        } ?? TriggerSourceFacts()
      return FunctionTriggerSource(sourceArn: source, via: via[source] ?? [], facts: f)
    }
  }
}

import WardModel

/// What the sources that feed functions say about themselves: S3 bucket notifications,
/// policies, ACLs and public access blocks; SQS queue and SNS topic attributes; SNS
/// subscriptions; EventBridge rules and their targets. Per-bucket and per-rule responses
/// that do not name their resource take it from the path (`s3/BUCKET/…`, `events/RULE/…`).
enum TriggerSourceReaders {
  // MARK: S3

  /// get-bucket-notification-configuration: the Lambda configurations become links from
  /// the bucket (queue and topic configurations feed no function directly).
  static func notifications(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-s3-get-bucket-notification-configuration")
    let bucket = try context.requireBucketArn("get-bucket-notification-configuration")
    var links: [SourceLink] = []
    for config in try value.array("LambdaFunctionConfigurations") ?? [] {
      let text = try config.requiredString("LambdaFunctionArn")
      guard let arn = ARN(text)?.unqualifiedLambdaARN else {
        throw try config.required("LambdaFunctionArn").failure(
          "not a Lambda function ARN: \(text.prefix(200))")
      }
      let events = try config.present("Events")?.stringList() ?? []
      links.append(
        SourceLink(
          sourceArn: bucket, functionArn: arn, via: .s3Notification,
          detail: events.joined(separator: ",")))
    }
    batch.sourceLinks.append(SourceLinkSet(via: .s3Notification, owner: bucket, links: links))
    return batch
  }

  /// Whether a policy document's resources are all S3 ARNs (a get-bucket-policy response).
  static func isBucketPolicy(_ policy: JSONValue) throws -> Bool {
    var resources: [String] = []
    for s in try EmbeddedPolicyDocument.statements(of: policy) {
      resources += try s.present("Resource")?.stringList() ?? []
    }
    return !resources.isEmpty && resources.allSatisfy { $0.hasPrefix("arn:aws:s3:::") }
  }

  /// get-bucket-policy: the bucket comes from the path, else from the statements' resources.
  static func bucketPolicy(_ policy: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-s3-get-bucket-policy")
    let items = try EmbeddedPolicyDocument.statements(of: policy)
    let bucket: String
    if context.bucket != nil {
      bucket = try context.requireBucketArn("get-bucket-policy")
    } else {
      let resource = try items.first?.present("Resource")?.stringList().first ?? ""
      let name = resource.dropFirst("arn:aws:s3:::".count).prefix { $0 != "/" }
      bucket = "arn:aws:s3:::" + name
    }
    batch.sourceFacts.append(
      SourceFact(sourceArn: bucket, change: .policy(try items.map(sourceStatement))))
    return batch
  }

  /// get-bucket-acl: the grants to the AllUsers and AuthenticatedUsers groups.
  static func acl(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-s3-get-bucket-acl")
    let bucket = try context.requireBucketArn("get-bucket-acl")
    var grants: [String] = []
    for grant in try value.required("Grants").array() {
      let uri = try grant.object("Grantee")?.string("URI") ?? ""
      let group = uri.split(separator: "/").last.map(String.init) ?? ""
      guard uri.hasPrefix("http://acs.amazonaws.com/groups/global/"),
        ["AllUsers", "AuthenticatedUsers"].contains(group)
      else { continue }
      grants.append("\(group) \(try grant.requiredString("Permission"))")
    }
    batch.sourceFacts.append(
      SourceFact(sourceArn: bucket, change: .aclPublicGrants(Array(Set(grants)).sorted())))
    return batch
  }

  /// get-public-access-block.
  static func publicAccessBlock(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-s3-get-public-access-block")
    let bucket = try context.requireBucketArn("get-public-access-block")
    let c = try value.required("PublicAccessBlockConfiguration")
    guard c.isObject else { throw c.typeMismatch("an object") }
    batch.sourceFacts.append(
      SourceFact(
        sourceArn: bucket,
        change: .publicAccessBlock(
          PublicAccessBlock(
            blockPublicAcls: try c.bool("BlockPublicAcls") ?? false,
            ignorePublicAcls: try c.bool("IgnorePublicAcls") ?? false,
            blockPublicPolicy: try c.bool("BlockPublicPolicy") ?? false,
            restrictPublicBuckets: try c.bool("RestrictPublicBuckets") ?? false))))
    return batch
  }

  // MARK: SQS, SNS

  /// sqs get-queue-attributes / sns get-topic-attributes: `Attributes.QueueArn` or
  /// `TopicArn` names the source; no `Policy` attribute means no policy.
  static func attributes(_ value: JSONValue) throws -> ImportBatch {
    let attributes = try value.required("Attributes")
    guard attributes.isObject else { throw attributes.typeMismatch("an object") }
    let isQueue = attributes.hasKey("QueueArn")
    guard let arnText = try attributes.string(isQueue ? "QueueArn" : "TopicArn") else {
      throw attributes.failure(
        "not a queue or topic Ward reads: Attributes has neither QueueArn nor TopicArn")
    }
    guard let arn = ARN(arnText), arn.service == (isQueue ? "sqs" : "sns") else {
      throw try attributes.required(isQueue ? "QueueArn" : "TopicArn").failure(
        "not an \(isQueue ? "SQS queue" : "SNS topic") ARN: \(arnText.prefix(200))")
    }
    var batch = ImportBatch(
      format: isQueue ? "aws-sqs-get-queue-attributes" : "aws-sns-get-topic-attributes")
    var statements: [SourceStatement] = []
    if attributes.hasKey("Policy") {
      statements = try EmbeddedPolicyDocument.statements(
        of: EmbeddedPolicyDocument.parse(try attributes.required("Policy"))
      ).map(
        sourceStatement)
    }
    batch.sourceFacts.append(SourceFact(sourceArn: arnText, change: .policy(statements)))
    return batch
  }

  /// sns list-subscriptions: the `lambda` subscriptions become links from their topics. The
  /// list is the account's (one region): it replaces the links stored for that account.
  static func subscriptions(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-sns-list-subscriptions")
    let items = try value.required("Subscriptions").array()
    var owner = context.accountRegion
    var links: [SourceLink] = []
    for item in items {
      let topic = try item.requiredString("TopicArn")
      guard let topicArn = ARN(topic), topicArn.service == "sns" else {
        throw try item.required("TopicArn").failure("not an SNS topic ARN: \(topic.prefix(200))")
      }
      owner = owner ?? topicArn.account + ":" + topicArn.region
      guard try item.string("Protocol")?.lowercased() == "lambda" else { continue }
      let endpoint = try item.requiredString("Endpoint")
      guard let fn = ARN(endpoint)?.unqualifiedLambdaARN else {
        throw try item.required("Endpoint").failure(
          "a lambda subscription's endpoint is not a function ARN: \(endpoint.prefix(200))")
      }
      links.append(SourceLink(sourceArn: topic, functionArn: fn, via: .snsSubscription))
    }
    guard let owner else { return batch }
    batch.sourceLinks.append(SourceLinkSet(via: .snsSubscription, owner: owner, links: links))
    return batch
  }

  // MARK: EventBridge

  /// events list-rules: each rule's state and pattern or schedule.
  static func rules(_ value: JSONValue) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-events-list-rules")
    for rule in try value.required("Rules").array() {
      let selector = try rule.string("EventPattern") ?? rule.string("ScheduleExpression") ?? ""
      batch.sourceFacts.append(
        SourceFact(
          sourceArn: try rule.requiredString("Arn"),
          change: .eventRule(state: try rule.string("State"), selector: selector)))
    }
    return batch
  }

  /// events list-targets-by-rule: the Lambda targets become links from the rule (default
  /// bus), named by the path.
  static func targets(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-events-list-targets-by-rule")
    guard let rule = context.eventRule, let account = context.account, let region = context.region
    else {
      throw ReadError(
        "cannot tell which rule: list-targets-by-rule does not name it, and the path gives no rule (events/RULE/) or account and region"
      )
    }
    let ruleArn = "arn:aws:events:\(region):\(account):rule/\(rule)"
    var links: [SourceLink] = []
    for target in try value.required("Targets").array() {
      guard let fn = ARN(try target.requiredString("Arn"))?.unqualifiedLambdaARN else { continue }
      links.append(SourceLink(sourceArn: ruleArn, functionArn: fn, via: .eventBridgeRule))
    }
    batch.sourceLinks.append(SourceLinkSet(via: .eventBridgeRule, owner: ruleArn, links: links))
    return batch
  }

  // MARK: Shared

  static func sourceStatement(_ s: JSONValue) throws -> SourceStatement {
    let st = try PolicyReader.statement(s, functionArn: "")
    return SourceStatement(
      sid: st.sid, effect: st.effect, principals: st.principals, actions: st.actions,
      conditionJSON: st.conditionJSON)
  }
}

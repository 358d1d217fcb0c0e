import WardModel

/// get-policy: `Policy` is JSON text inside JSON (the API) or an object (the CLI docs). An S3
/// get-bucket-policy response has the same shape; its statements' `arn:aws:s3:::` resources
/// tell it apart.
enum PolicyReader {
  static func read(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-lambda-get-policy")
    let policy = try EmbeddedPolicyDocument.parse(try value.required("Policy"))
    if try TriggerSourceReaders.isBucketPolicy(policy) {
      return try TriggerSourceReaders.bucketPolicy(policy, context: context)
    }
    var statements: [PolicyStatement] = []
    var functionArn: String? = nil
    for s in try EmbeddedPolicyDocument.statements(of: policy) {
      let resource = try s.present("Resource")?.stringList().first
      let arn = resource.flatMap { ARN($0)?.unqualifiedLambdaARN } ?? context.functionArn
      guard let arn else {
        _ = try context.requireFunctionArn("this policy statement's Resource")
        continue
      }
      functionArn = functionArn ?? arn
      statements.append(try statement(s, functionArn: arn))
    }
    let target: String
    if let functionArn {
      target = functionArn
    } else {
      target = try context.requireFunctionArn("an empty policy")
    }
    batch.policies.append(
      FunctionPolicy(
        functionArn: target, statements: statements, revisionId: try value.string("RevisionId")))
    return batch
  }

  static func statement(_ s: JSONValue, functionArn: String) throws -> PolicyStatement {
    var st = PolicyStatement(
      functionArn: functionArn, sid: try s.string("Sid"), effect: try s.string("Effect") ?? "Allow",
      principals: try principals(s.present("Principal")),
      actions: try s.present("Action")?.stringList() ?? [])
    if let condition = try s.object("Condition") {
      st.conditionJSON = condition.canonicalJSON
      for op in try condition.members() {
        guard op.value.isObject else { continue }
        for entry in try op.value.members() {
          let first = try entry.value.stringList().first
          switch entry.key.lowercased() {
          case "aws:sourcearn": st.sourceArn = first
          case "aws:sourceaccount": st.sourceAccount = first
          case "aws:principalorgid": st.principalOrgId = first
          case "lambda:functionurlauthtype": st.functionUrlAuthType = first
          default: break
          }
        }
      }
    }
    return st
  }

  /// Normalises `"*"`, `{"AWS": …}`, `{"Service": …}` and account-root ARNs.
  static func principals(_ p: JSONValue?) throws -> [String] {
    guard let p else { return [] }
    var out: [String] = []
    if p.kind == .string {
      out = [try p.string()]
    } else if p.isObject {
      for member in try p.members() { out += try member.value.stringList() }
    } else {
      throw p.typeMismatch("\"*\" or a principal object")
    }
    return out.map(normalise)
  }

  static func normalise(_ principal: String) -> String {
    if let arn = ARN(principal), arn.service == "iam", arn.resource == "root", !arn.account.isEmpty
    {
      return arn.account
    }
    return principal
  }
}

/// get-function-url-config.
enum URLConfigReader {
  static func read(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-lambda-get-function-url-config")
    let arn: String
    if let text = try value.string("FunctionArn"), let parsed = ARN(text)?.unqualifiedLambdaARN {
      arn = parsed
    } else {
      arn = try context.requireFunctionArn("this URL config")
    }
    let cors = try value.object("Cors")
    batch.urlConfigs.append(
      FunctionURLConfig(
        functionArn: arn, url: try value.requiredString("FunctionUrl"),
        authType: try value.requiredString("AuthType"),
        corsAllowOrigins: try cors?.present("AllowOrigins")?.stringList() ?? [],
        corsAllowMethods: try cors?.present("AllowMethods")?.stringList() ?? [],
        invokeMode: try value.string("InvokeMode")))
    return batch
  }
}

/// list-event-source-mappings.
enum EventSourceMappingReader {
  static func read(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-lambda-list-event-source-mappings")
    for m in try value.required("EventSourceMappings").array() {
      let functionText = try m.requiredString("FunctionArn")
      guard let arn = context.functionArn(nameOrArn: functionText) else {
        throw try m.required("FunctionArn").failure("not a Lambda function ARN: \(functionText)")
      }
      let filters = try m.object("FilterCriteria")?.array("Filters") ?? []
      let selfManaged = try m.object("SelfManagedEventSource")?.canonicalJSON
      let source = try m.string("EventSourceArn") ?? selfManaged ?? "unknown"
      batch.triggers.append(
        Trigger(
          id: try m.requiredString("UUID"), functionArn: arn, sourceArn: source,
          state: try m.string("State"), batchSize: try m.int("BatchSize"),
          onFailureDestination: try m.object("DestinationConfig")?.object("OnFailure")?.string(
            "Destination"),
          hasFilterCriteria: !filters.isEmpty,
          maximumRetryAttempts: try m.int("MaximumRetryAttempts")))
    }
    return batch
  }
}

/// Responses that carry one aspect of a function.
enum AspectReaders {
  /// get-function-concurrency: `{}` (none) or `{"ReservedConcurrentExecutions": N}`.
  static func readConcurrency(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-lambda-get-function-concurrency")
    let arn = try context.requireFunctionArn("get-function-concurrency")
    batch.functionPatches.append(
      FunctionPatch(
        functionArn: arn,
        change: .reservedConcurrency(try value.int("ReservedConcurrentExecutions"))))
    return batch
  }

  /// get-function-event-invoke-config.
  static func readEventInvokeConfig(_ value: JSONValue, context: ImportContext) throws
    -> ImportBatch
  {
    var batch = ImportBatch(format: "aws-lambda-get-function-event-invoke-config")
    let arn: String
    if let text = try value.string("FunctionArn"), let parsed = ARN(text)?.unqualifiedLambdaARN {
      arn = parsed
    } else {
      arn = try context.requireFunctionArn("this event invoke config")
    }
    let destination = try value.object("DestinationConfig")?.object("OnFailure")?.string(
      "Destination")
    batch.functionPatches.append(
      FunctionPatch(functionArn: arn, change: .onFailureDestination(destination)))
    return batch
  }

  /// get-function-code-signing-config: `{"CodeSigningConfigArn": ARN, "FunctionName": N}`;
  /// an empty or absent `CodeSigningConfigArn` (moto omits it) means none is attached.
  static func readCodeSigning(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-lambda-get-function-code-signing-config")
    let name = try value.string("FunctionName")
    let arn: String
    if let name, let parsed = context.functionArn(nameOrArn: name) {
      arn = parsed
    } else {
      arn = try context.requireFunctionArn("get-function-code-signing-config")
    }
    var config = try value.string("CodeSigningConfigArn")
    if config?.isEmpty == true { config = nil }
    if let config, ARN(config)?.service != "lambda" {
      throw try value.required("CodeSigningConfigArn").failure(
        "not a Lambda code signing config ARN: \(config.prefix(200))")
    }
    batch.functionPatches.append(
      FunctionPatch(functionArn: arn, change: .codeSigning(configArn: config)))
    return batch
  }

  /// logs describe-log-groups: retention of `/aws/lambda/NAME` groups.
  static func readLogGroups(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-logs-describe-log-groups")
    for group in try value.required("logGroups").array() {
      let name = try group.requiredString("logGroupName")
      guard name.hasPrefix("/aws/lambda/") else { continue }
      let functionName = String(name.dropFirst("/aws/lambda/".count))
      let groupArn = try group.string("arn").flatMap { ARN($0) }
      let account = groupArn?.account ?? context.account
      let region = groupArn?.region ?? context.region
      guard let account, let region, !account.isEmpty, !region.isEmpty else {
        throw group.failure("cannot tell the account and region of \(name)")
      }
      batch.functionPatches.append(
        FunctionPatch(
          functionArn: ARN.lambdaFunction(
            name: functionName, account: account, region: region,
            partition: groupArn?.partition ?? "aws"),
          change: .logRetention(logGroup: name, days: try group.int("retentionInDays"))))
    }
    return batch
  }
}

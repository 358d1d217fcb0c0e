import WardModel

/// list-functions, get-function-configuration and get-function.
enum LambdaFunctionReader {
  static func readList(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-lambda-list-functions")
    for item in try value.required("Functions").array() {
      guard item.isObject else { throw item.typeMismatch("an object") }
      batch.functions.append(try function(item, context: context))
    }
    return batch
  }

  static func readConfiguration(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-lambda-get-function-configuration")
    batch.functions.append(try function(value, context: context))
    return batch
  }

  static func readGetFunction(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-lambda-get-function")
    guard let configuration = try value.object("Configuration") else {
      throw value.failure("missing \"Configuration\"")
    }
    var f = try function(configuration, context: context)
    if let concurrency = try value.object("Concurrency") {
      f.reservedConcurrency = try concurrency.int("ReservedConcurrentExecutions")
    }
    if let tags = try value.object("Tags") {
      for member in try tags.members() { f.tags[member.key] = try member.value.string() }
    }
    batch.functions.append(f)
    return batch
  }

  /// Maps one FunctionConfiguration object.
  static func function(_ c: JSONValue, context: ImportContext) throws -> Function {
    let name = try c.present("FunctionName")?.identifier()
    let arnText = try c.present("FunctionArn")?.identifier()
    var arn: String
    if let arnText {
      guard let parsed = ARN(arnText), let unqualified = parsed.unqualifiedLambdaARN else {
        throw try c.required("FunctionArn").failure("not a Lambda function ARN: \(arnText)")
      }
      arn = unqualified
    } else if let name, let built = context.functionArn(nameOrArn: name) {
      arn = built
    } else {
      throw c.failure("missing \"FunctionArn\" (and the path gives no account and region)")
    }
    let parsed = ARN(arn)!
    let functionName = name ?? parsed.lambdaFunctionName ?? ""
    if let name, name != parsed.lambdaFunctionName, ARN(name) == nil {
      arn = ARN.lambdaFunction(
        name: parsed.lambdaFunctionName ?? name, account: parsed.account, region: parsed.region,
        partition: parsed.partition)
    }
    let vpc = try c.object("VpcConfig")
    let vpcId = try vpc?.string("VpcId").flatMap { $0.isEmpty ? nil : $0 }
    let layers = try (c.array("Layers") ?? []).map { layer in
      Layer(arn: try layer.requiredString("Arn"), codeSize: try layer.int("CodeSize"))
    }
    let logGroup =
      try c.object("LoggingConfig")?.string("LogGroup") ?? "/aws/lambda/\(functionName)"
    return Function(
      arn: arn, name: functionName, account: parsed.account, region: parsed.region,
      runtime: try c.string("Runtime"), handler: try c.string("Handler"),
      memoryMB: try c.int("MemorySize", in: ValueDomain.memoryMB),
      timeoutSeconds: try c.int("Timeout", in: ValueDomain.timeoutSeconds),
      role: try c.string("Role"),
      architectures: try c.present("Architectures")?.stringList() ?? [],
      packageType: try c.string("PackageType"),
      tracingMode: try c.object("TracingConfig")?.string("Mode"), vpcId: vpcId,
      subnetIds: try vpc?.present("SubnetIds")?.stringList() ?? [],
      securityGroupIds: try vpc?.present("SecurityGroupIds")?.stringList() ?? [],
      layers: layers, kmsKeyArn: try c.string("KMSKeyArn"),
      deadLetterTarget: try c.object("DeadLetterConfig")?.string("TargetArn"),
      logGroup: logGroup,
      lastModified: try AWSTime.optional(c, "LastModified"),
      state: try c.string("State"),
      snapStart: try c.object("SnapStart")?.string("ApplyOn"),
      tenantIsolationMode: try c.object("TenancyConfig")?.string("TenantIsolationMode"),
      environment: try EnvironmentReader.read(c))
  }
}

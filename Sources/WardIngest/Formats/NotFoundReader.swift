import WardModel

/// "This aspect does not exist" responses: the AWS CLI's stderr text saved in place of a
/// response, and Cloud Custodian's recorded 404.
enum NotFoundReader {
  /// `An error occurred (ResourceNotFoundException) when calling the GetPolicy operation: …`
  static func readCLIError(_ text: String, context: ImportContext) throws -> ImportBatch {
    let firstLine = String(text.prefix { $0 != "\n" })
    if text.contains("(NoSuchBucketPolicy)")
      || text.contains("(NoSuchPublicAccessBlockConfiguration)")
    {
      return try bucketAspectAbsent(
        policy: text.contains("(NoSuchBucketPolicy)"), context: context)
    }
    guard text.contains("(ResourceNotFoundException)") else {
      throw ReadError(place: "line 1", "the saved AWS CLI call failed: \(firstLine.prefix(200))")
    }
    let operation: String
    if let r = text.range(of: "when calling the ") {
      operation = String(text[r.upperBound...].prefix { $0 != " " })
    } else {
      operation = ""
    }
    return try notFound(operation: operation, context: context, place: "line 1")
  }

  /// S3's "the bucket has no policy" / "no public access block" errors: the aspect is known
  /// to be absent (an empty policy, a block with every setting off).
  static func bucketAspectAbsent(policy: Bool, context: ImportContext) throws -> ImportBatch {
    do {
      let bucket = try context.requireBucketArn("a NoSuch… response")
      var batch = ImportBatch(
        format: policy ? "aws-s3-get-bucket-policy-none" : "aws-s3-get-public-access-block-none")
      batch.sourceFacts.append(
        SourceFact(
          sourceArn: bucket,
          change: policy ? .policy([]) : .publicAccessBlock(PublicAccessBlock())))
      return batch
    } catch var error as ReadError {
      if error.place.isEmpty { error.place = "line 1" }
      throw error
    }
  }

  /// Custodian's `{"status_code": 404, "data": {"Error": {"Code": "ResourceNotFoundException"}}}`
  /// names no operation: the file name (e.g. `lambda.GetPolicy_1.json`,
  /// `get-function-url-config.json`) tells which; GetPolicy when it does not.
  static func readCustodian404(name: String, context: ImportContext) throws -> ImportBatch {
    let base = name.split(separator: "/").last.map(String.init)?.lowercased() ?? ""
    let operation: String
    if base.contains("url") {
      operation = "GetFunctionUrlConfig"
    } else if base.contains("eventinvoke") || base.contains("event-invoke") {
      operation = "GetFunctionEventInvokeConfig"
    } else {
      operation = "GetPolicy"
    }
    return try notFound(operation: operation, context: context, place: "$.data.Error")
  }

  static func notFound(operation: String, context: ImportContext, place: String) throws
    -> ImportBatch
  {
    do {
      switch operation {
      case "GetPolicy":
        var batch = ImportBatch(format: "aws-lambda-get-policy-not-found")
        batch.functionsWithoutPolicy.append(try context.requireFunctionArn("a not-found response"))
        return batch
      case "GetFunctionUrlConfig":
        var batch = ImportBatch(format: "aws-lambda-get-function-url-config-not-found")
        batch.functionsWithoutURL.append(try context.requireFunctionArn("a not-found response"))
        return batch
      case "GetFunctionEventInvokeConfig":
        var batch = ImportBatch(format: "aws-lambda-get-function-event-invoke-config-not-found")
        batch.functionPatches.append(
          FunctionPatch(
            functionArn: try context.requireFunctionArn("a not-found response"),
            change: .onFailureDestination(nil)))
        return batch
      default:
        throw ReadError(
          "ResourceNotFoundException from \(operation.isEmpty ? "an unknown operation" : operation), which Ward does not read"
        )
      }
    } catch var error as ReadError {
      if error.place.isEmpty { error.place = place }
      throw error
    }
  }
}

/// The fields of an Amazon Resource Name: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
public struct ARN: Sendable, Hashable {
  public var partition: String
  public var service: String
  public var region: String
  public var account: String
  /// Everything after the fifth colon (may itself contain colons or slashes).
  public var resource: String

  /// Parses an ARN; nil when the text does not have the six fields.
  public init?(_ text: String) {
    let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard parts.count == 6, parts[0] == "arn" else { return nil }
    partition = String(parts[1])
    service = String(parts[2])
    region = String(parts[3])
    account = String(parts[4])
    resource = String(parts[5])
  }

  /// For a Lambda function ARN (qualified or not), the function name.
  public var lambdaFunctionName: String? {
    guard service == "lambda", resource.hasPrefix("function:") else { return nil }
    let rest = resource.dropFirst("function:".count)
    return String(rest.split(separator: ":", maxSplits: 1).first ?? rest)
  }

  /// The unqualified Lambda function ARN (alias or version removed).
  public var unqualifiedLambdaARN: String? {
    guard let name = lambdaFunctionName else { return nil }
    return "arn:\(partition):lambda:\(region):\(account):function:\(name)"
  }

  /// The last `/` component of an ARN's text (`…:role/service-role/NAME` → `NAME`), or the
  /// whole text when it has none.
  public static func lastPathComponent(_ text: String) -> String {
    String(text.split(separator: "/").last ?? Substring(text))
  }

  /// Builds a Lambda function ARN.
  public static func lambdaFunction(
    name: String, account: String, region: String, partition: String = "aws"
  ) -> String {
    "arn:\(partition):lambda:\(region):\(account):function:\(name)"
  }
}

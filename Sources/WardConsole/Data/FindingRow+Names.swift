import WardModel
import WardStore

extension FindingRow {
  /// The name of the function the finding is about, from its ARN; nil for findings about
  /// no function.
  public var functionName: String? { functionArn.flatMap { ARN($0)?.lambdaFunctionName } }

  /// A short name for the resource: an ARN's last `:` or `/` part (a bucket, a role, an
  /// API), else the resource as written.
  public var resourceName: String {
    guard resource.hasPrefix("arn:"), let arn = ARN(resource) else { return resource }
    let last = arn.resource.split(whereSeparator: { $0 == "/" || $0 == ":" }).last
    return last.map(String.init) ?? resource
  }
}

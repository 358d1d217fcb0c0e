/// A finding's identity at the system it came from, kept so a decision made in Ward can be
/// sent back to it. Only Security Hub findings carry one today: the ASFF `Id` and
/// `ProductArn` are what `BatchUpdateFindings` needs, and the workflow fields say what
/// Security Hub held when the finding was read.
public struct SourceRef: Sendable, Hashable, Codable {
  /// The system: ``securityHub`` or ``asff``.
  public var system: String
  /// The finding's id at the source (ASFF `Id`).
  public var id: String
  /// ASFF `ProductArn`: with `id`, the finding's identifier at Security Hub.
  public var productArn: String
  /// `Workflow.Status` as the source held it when read (NEW, NOTIFIED, SUPPRESSED,
  /// RESOLVED); nil when the file did not say (or was Ward's own export).
  public var workflowStatus: String?
  /// `VerificationState` as the source held it when read; nil when absent.
  public var verificationState: String?

  /// Security Hub holds the finding (read from a get-findings response, or Security Hub's
  /// own product): decisions may be sent back with `BatchUpdateFindings`.
  public static let securityHub = "securityhub"
  /// An ASFF file of unknown origin (a bare list, e.g. Prowler's `-M json-asff`): the
  /// identity is kept for the ASFF export, never sent to Security Hub.
  public static let asff = "asff"

  public init(
    system: String, id: String, productArn: String, workflowStatus: String? = nil,
    verificationState: String? = nil
  ) {
    self.system = system
    self.id = id
    self.productArn = productArn
    self.workflowStatus = workflowStatus
    self.verificationState = verificationState
  }

  /// The region of the product ARN (`arn:aws:securityhub:REGION::product/…`): the region a
  /// `BatchUpdateFindings` call for this finding goes to. Empty when the ARN has none.
  public var region: String { ARN(productArn)?.region ?? "" }
}

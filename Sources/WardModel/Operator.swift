/// Who is acting: recorded on every triage event.
public struct Operator: Sendable, Hashable, Codable {
  public var name: String
  /// Client address from SSH_CONNECTION, when under SSH.
  public var address: String?
  /// SHA256 fingerprint of the SSH public key (`SHA256:...`), when known.
  public var keyFingerprint: String?

  public init(name: String, address: String? = nil, keyFingerprint: String? = nil) {
    self.name = name
    self.address = address
    self.keyFingerprint = keyFingerprint
  }
}

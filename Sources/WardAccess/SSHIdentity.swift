import Crypto
import Foundation
import WardModel

/// What sshd tells a ForceCommand about the connection.
public struct SSHContext: Sendable, Hashable {
  /// Client address from `SSH_CONNECTION` (`client_ip client_port server_ip server_port`).
  public var clientAddress: String?
  /// SHA256 fingerprint of the public key the user authenticated with, from the file
  /// named by `SSH_USER_AUTH` (sshd `ExposeAuthInfo yes`).
  public var keyFingerprint: String?
  /// The login user (`USER`, else `LOGNAME`).
  public var user: String?
  /// `SSH_ORIGINAL_COMMAND`: what the client asked to run, when it asked.
  public var originalCommand: String?

  public init(
    clientAddress: String? = nil, keyFingerprint: String? = nil, user: String? = nil,
    originalCommand: String? = nil
  ) {
    self.clientAddress = clientAddress
    self.keyFingerprint = keyFingerprint
    self.user = user
    self.originalCommand = originalCommand
  }

  /// Whether the process runs under sshd (SSH_CONNECTION is set).
  public var isSSH: Bool { clientAddress != nil }

  /// Reads the context from the environment; `readFile` reads the SSH_USER_AUTH file.
  public static func from(
    environment env: [String: String],
    readFile: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }
  ) -> SSHContext {
    let address = env["SSH_CONNECTION"].flatMap { conn in
      conn.split(separator: " ").first.map(String.init)
    }
    let fingerprint = env["SSH_USER_AUTH"].flatMap(readFile).flatMap(
      publicKeyFingerprint(authInfo:))
    let user = env["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LOGNAME"]
    return SSHContext(
      clientAddress: address, keyFingerprint: fingerprint, user: user,
      originalCommand: env["SSH_ORIGINAL_COMMAND"])
  }

  /// The fingerprint of the first `publickey` line of an ExposeAuthInfo file
  /// (`publickey ssh-ed25519 AAAAC3...`), as `ssh-keygen -lf` prints it.
  public static func publicKeyFingerprint(authInfo: String) -> String? {
    for line in authInfo.split(whereSeparator: \.isNewline) {
      let parts = line.split(separator: " ")
      guard parts.count >= 3, parts[0] == "publickey" else { continue }
      if let fp = fingerprint(base64Blob: String(parts[2])) { return fp }
    }
    return nil
  }

  /// `SHA256:` + unpadded base64 of SHA-256 over the decoded key blob.
  public static func fingerprint(base64Blob: String) -> String? {
    guard let blob = Data(base64Encoded: base64Blob), !blob.isEmpty else { return nil }
    let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
    return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
  }
}

/// Finds the operator for a connection: by key fingerprint first, else by login user.
public enum IdentityResolver {
  /// The matching entry, or an error that says who was refused and why (one line).
  public static func resolve(_ context: SSHContext, in file: OperatorsFile) -> Result<
    OperatorEntry, AccessError
  > {
    if let fp = context.keyFingerprint {
      if let entry = file.operatorFor(keyFingerprint: fp) { return .success(entry) }
    }
    if let user = context.user, let entry = file.operatorFor(user: user),
      context.keyFingerprint == nil || entry.keys.isEmpty
    {
      return .success(entry)
    }
    let who = [context.keyFingerprint.map { "key \($0)" }, context.user.map { "user \($0)" }]
      .compactMap { $0 }.joined(separator: ", ")
    return .failure(
      AccessError(
        path: "ward",
        reason: "access denied: no operator matches \(who.isEmpty ? "this session" : who)"))
  }

  /// The `Operator` recorded in audit events for a resolved entry.
  public static func auditOperator(_ entry: OperatorEntry, context: SSHContext) -> Operator {
    Operator(
      name: entry.name, address: context.clientAddress, keyFingerprint: context.keyFingerprint)
  }
}

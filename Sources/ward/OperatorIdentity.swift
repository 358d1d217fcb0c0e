import Foundation
import WardAccess
import WardModel

/// Who is running a mutating command, as recorded on audit events.
enum OperatorIdentity {
  /// The operator: `--operator`, else `$WARD_OPERATOR`, else the login user (getpwuid),
  /// else `$USER`. Under SSH, the client address from `SSH_CONNECTION` and, when
  /// `SSH_USER_AUTH` names an ExposeAuthInfo file, the public key's SHA256 fingerprint.
  static func resolve(
    option: String?, environment: [String: String],
    loginUser: () -> String? = OperatorIdentity.loginUser,
    readFile: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }
  ) -> Operator {
    func nonEmpty(_ s: String?) -> String? {
      guard let t = s?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
      return t
    }
    let name =
      nonEmpty(option) ?? nonEmpty(environment["WARD_OPERATOR"]) ?? nonEmpty(loginUser())
      ?? nonEmpty(environment["USER"]) ?? "unknown"
    let ssh = SSHContext.from(environment: environment, readFile: readFile)
    return Operator(name: name, address: ssh.clientAddress, keyFingerprint: ssh.keyFingerprint)
  }

  /// The login name of the real user id, from the password database.
  static func loginUser() -> String? {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
    return String(cString: name)
  }

  /// The operator of this process: in SSH mode the operator the session resolved (the
  /// option is ignored), else ``resolve(option:environment:loginUser:readFile:)``.
  static func current(option: String?) -> Operator {
    if let session = CallerSession.current { return session.auditOperator }
    return resolve(option: option, environment: ProcessInfo.processInfo.environment)
  }
}

import ArgumentParser
import Foundation
import WardAccess
import WardConsole
import WardModel
import WardStore
import WardUI

/// `ward console --ssh`: Ward as sshd's ForceCommand. Finds the operator (key fingerprint
/// from `SSH_USER_AUTH`, else the login user) in the operators file, resolves the tenant
/// scope against the store, and then either runs the read command the client asked for
/// (`SSH_ORIGINAL_COMMAND`, checked by ``SSHCommandPolicy``) or opens the console with the
/// operator's role. Anyone who matches no operator gets one line and a non-zero exit.
struct SSHMode {
  var storePath: String
  var operatorsOption: String?
  var environment: [String: String]
  var themesDir: String?
  var idleTimeoutOverride: Int?

  func run() throws {
    let session: CallerSession
    let file: OperatorsFile
    do {
      (session, file) = try resolveSession()
    } catch let error as AccessError {
      refuse(error.description)
    }
    try CallerSession.$current.withValue(session) {
      if let command = environment["SSH_ORIGINAL_COMMAND"] {
        runCommand(command, session: session)
      } else {
        try runConsoleSession(session, idleTimeout: idleTimeoutOverride ?? file.idleTimeoutSeconds)
      }
    }
  }

  /// Reads the operators file (StrictModes), finds the operator, resolves the scope.
  private func resolveSession() throws -> (CallerSession, OperatorsFile) {
    guard environment["SSH_CONNECTION"].map({ !$0.isEmpty }) == true else {
      throw AccessError(
        path: "ward",
        reason: "--ssh is for sshd's ForceCommand (SSH_CONNECTION is not set); see docs/ssh.md")
    }
    let path = OperatorsFile.path(option: operatorsOption, environment: environment)
    let file = try OperatorsFile.load(path: path, strictModes: true, ownerUID: getuid())
    var context = SSHContext.from(environment: environment)
    // The account sshd logged in, from the password database rather than the environment.
    context.user = OperatorIdentity.loginUser() ?? context.user
    let entry: OperatorEntry
    switch IdentityResolver.resolve(context, in: file) {
    case .success(let e): entry = e
    case .failure(let e): throw e
    }
    let base: PostureStore
    do {
      base = try openStore(storePath, mode: .readOnly)
    } catch {
      throw AccessError(path: storePath, reason: "\(error)")
    }
    let scope: StoreScope
    do {
      scope = try resolveStoreScope(
        entry.scope, in: base, operatorName: entry.name, operatorsFile: path)
    } catch let error as AccessError {
      throw error
    } catch {
      throw AccessError(path: storePath, reason: "cannot read tenants: \(error)")
    }
    let session = CallerSession(
      storePath: storePath, entry: entry,
      auditOperator: IdentityResolver.auditOperator(entry, context: context), storeScope: scope)
    return (session, file)
  }

  /// Runs one allowed read command in this process, with the session's identity and scope.
  private func runCommand(_ command: String, session: CallerSession) {
    let arguments: [String]
    switch SSHCommandPolicy.check(command) {
    case .success(let a): arguments = a
    case .failure(let e): refuse(e.description)
    }
    // `audit verify|head` read the whole chain (counts and hashes of every tenant's events).
    if arguments.first == "audit", arguments.dropFirst().first != "log",
      session.storeScope.tenants != nil
    {
      refuse(
        "ward: refused over SSH: `ward audit \(arguments[1])` reads every tenant's events; "
          + "your scope is limited")
    }
    do {
      var parsed = try Ward.parseAsRoot(arguments)
      guard Self.allowedCommandTypes.contains(where: { $0 == type(of: parsed) }) else {
        refuse("ward: refused over SSH: not a read command")
      }
      try parsed.run()
    } catch {
      Ward.exit(withError: error)
    }
  }

  /// The command types an SSH caller may reach (a second check after the word allow-list).
  static let allowedCommandTypes: [any ParsableCommand.Type] = [
    FindingsCommand.self, FunctionsCommand.self, AlertsCommand.self, CostsCommand.self,
    TenantsCommand.self, AuditLogCommand.self, AuditVerifyCommand.self, AuditHeadCommand.self,
    ExportCommand.self, RulesCommand.self, ChangesCommand.self, EvidenceWriteCommand.self,
  ]

  /// Opens the console with the operator's role and scope; records the session's start and
  /// end in the audit chain.
  private func runConsoleSession(_ session: CallerSession, idleTimeout: Int) throws {
    let role = session.entry.role
    // Viewers get a store opened read-only at the SQLite level; only the scoped handle
    // reaches the console.
    let base = try openStore(storePath, mode: role.canTriage ? .readWrite : .readOnly)
    let store = try scopedForCaller(base)
    // The session events need a writable handle; the console never sees this one.
    let auditStore: PostureStore
    do {
      auditStore = role.canTriage ? base : try PostureStore(path: storePath, mode: .readWrite)
    } catch {
      refuse("ward: cannot record the session in the audit trail of \(storePath): \(error)")
    }
    let color = session.entry.color.flatMap(ColorDepth.Override.init(rawValue:)) ?? .auto
    let term = environment["TERM"]
    let startedAt = Date()
    var startRecorded = false
    var policy = ConsolePolicy(
      readOnly: !role.canTriage, canTriage: role.canTriage, operator: session.auditOperator)
    // ForceCommand runs Ward with no job-control shell to resume it: Ctrl-Z would hang.
    policy.canSuspend = false
    let outcome = try runConsole(
      store: store,
      policy: policy,
      env: environment, theme: session.entry.theme, themesDir: themesDir, color: color,
      ascii: session.entry.ascii ?? false, mouse: false, idleTimeoutSeconds: idleTimeout,
      started: { width, height in
        try auditStore.recordSession(
          SessionRecord(phase: .start, term: term, width: width, height: height),
          by: session.auditOperator, now: Self.now())
        startRecorded = true
      })
    guard startRecorded else { return }
    let endReason: String
    switch outcome.exit {
    case .quit: endReason = "quit"
    case .idleTimeout: endReason = "idle-timeout"
    case .signal(let number): endReason = SignalName.of(number)
    }
    try auditStore.recordSession(
      SessionRecord(
        phase: .end, term: term, width: outcome.width, height: outcome.height,
        durationSeconds: Int64(Date().timeIntervalSince(startedAt).rounded()),
        endReason: endReason),
      by: session.auditOperator, now: Self.now())
    if case .idleTimeout(let seconds) = outcome.exit {
      printError(
        "ward: session ended after \(max(1, seconds / 60)) minute(s) without input "
          + "(idle_timeout_minutes in the operators file)")
    }
    if case .signal(let number) = outcome.exit { throw ExitCode(128 + number) }
  }

  private static func now() -> EpochSeconds { EpochSeconds(Date().timeIntervalSince1970) }

  /// Prints one line to standard error and exits 1.
  private func refuse(_ message: String) -> Never {
    printError(message.hasPrefix("ward") ? message : "ward: \(message)")
    Foundation.exit(1)
  }
}

import Foundation

/// A throwaway bastion for the SSH end-to-end tests: a store built from part of demo-data
/// and scanned, three ed25519 keys (viewer, triager, stranger), an operators file (0600) and
/// a real `sshd -D -e` on a free 127.0.0.1 port whose ForceCommand is the built
/// `ward console --ssh` (Scripts/ssh-bastion.sh). Needs root, sshd, ssh and tmux.
final class SSHBastion: Sendable {
  let dir: TempDir
  let port: Int
  var store: String { dir.file("posture.db") }
  var operators: String { dir.file("operators.yaml") }
  /// Tenants of the operators: the viewer sees `northwind-*`, the triager `contoso-payments`.
  static let viewerTenant = "northwind-retail"
  static let triagerTenant = "contoso-payments"
  let fingerprints: [String: String]
  private let tmuxSocket: String

  init() throws {
    dir = try TempDir("ward-ssh")
    tmuxSocket = "ward-ssh-\(UUID().uuidString.prefix(8))"
    let demo = Repo.root.appendingPathComponent("demo-data").path
    let imported = try ward(
      [
        "import", "--store", dir.file("posture.db"), "\(demo)/tenants.yaml",
        "\(demo)/accounts/999900010101", "\(demo)/accounts/999900020101", "\(demo)/cost",
        "\(demo)/prowler/prowler-output-999900020101-20261128.ocsf.json.gz",
      ])
    guard imported.status == 0 else { throw SSHTestError("import failed: \(imported.stderr)") }
    let scanned = try ward(["scan", "--store", dir.file("posture.db")])
    guard scanned.status == 0 else { throw SSHTestError("scan failed: \(scanned.stderr)") }
    var fingerprints: [String: String] = [:]
    for name in ["viewer", "triager", "stranger"] {
      try run(
        "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", dir.file(name)])
      let line = try run("/usr/bin/ssh-keygen", ["-lf", dir.file("\(name).pub")]).stdout
      fingerprints[name] = line.split(separator: " ").dropFirst().first.map(String.init)
    }
    self.fingerprints = fingerprints
    try """
    idle_timeout_minutes: 30
    operators:
      - name: vera
        keys: ["\(fingerprints["viewer"]!)"]
        role: viewer
        tenants: ["northwind-*"]
      - name: tomas
        keys: ["\(fingerprints["triager"]!)"]
        role: triager
        tenants: [\(Self.triagerTenant)]
    """.write(toFile: dir.file("operators.yaml"), atomically: true, encoding: .utf8)
    chmod(dir.file("operators.yaml"), 0o600)
    port = try Self.freePort()
    let script = Repo.root.appendingPathComponent(
      "Tests/WardEndToEndTests/Scripts/ssh-bastion.sh"
    ).path
    let started = try run(
      "/bin/sh",
      [
        script, dir.path, Repo.wardBinary, dir.file("posture.db"), dir.file("operators.yaml"),
        String(port), dir.file("viewer.pub"), dir.file("triager.pub"), dir.file("stranger.pub"),
      ])
    guard started.status == 0 else { throw SSHTestError("sshd did not start: \(started.stderr)") }
  }

  deinit {
    // Stop the panes' ssh clients (a client left mid-session can sit with its signals
    // blocked, and tmux would wait for it); the remote consoles get SIGHUP and exit too.
    let panes = (try? tmux(["list-panes", "-a", "-F", "#{pane_pid}"]).stdout) ?? ""
    for pid in panes.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
    _ = spawnAndWait("/usr/bin/tmux", ["-L", tmuxSocket, "kill-server"])
    Thread.sleep(forTimeInterval: 0.5)
    if let text = try? String(contentsOfFile: dir.file("sshd.bgpid"), encoding: .utf8),
      let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    {
      kill(pid, SIGTERM)
      // sshd removes its pid file as it exits; let it finish before removing the folder.
      for _ in 0..<50 where kill(pid, 0) == 0 { Thread.sleep(forTimeInterval: 0.05) }
    }
    dir.cleanup()
  }

  /// The ssh client options: no user config, no host key prompts, only the given key.
  func sshArguments(key: String) -> [String] {
    [
      "-F", "/dev/null", "-p", String(port), "-i", dir.file(key), "-o", "IdentitiesOnly=yes",
      "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o",
      "BatchMode=yes", "-o", "LogLevel=ERROR",
    ]
  }

  /// `ssh -i KEY root@127.0.0.1 COMMAND...` (no TTY), to completion.
  func ssh(_ key: String, _ command: [String]) throws -> RunResult {
    try run("/usr/bin/ssh", sshArguments(key: key) + ["root@127.0.0.1"] + command)
  }

  /// Starts `ssh -tt` with KEY in a detached tmux session of 120x40 under TERM; `sendEnv`
  /// variables go to the server with `SetEnv` (the test sshd accepts only the two the
  /// reliability tests need).
  func startConsole(
    _ session: String, key: String, term: String = "xterm-256color",
    sendEnv: [String: String] = [:]
  ) throws {
    let setEnv =
      sendEnv.isEmpty
      ? [] : ["-o", "SetEnv=" + sendEnv.map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
    let command =
      (["env", "TERM=\(term)", "/usr/bin/ssh", "-tt"] + sshArguments(key: key) + setEnv + [
        "root@127.0.0.1"
      ]).map { "'\($0)'" }.joined(separator: " ")
    try newSession(session, command)
  }

  /// Runs tmux on this bastion's own server socket.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> RunResult {
    try run("/usr/bin/tmux", ["-L", tmuxSocket] + arguments)
  }

  /// Starts a detached tmux session running `command` (a shell command line). Its output
  /// goes to /dev/null: the tmux server it may start inherits the client's descriptors and
  /// would keep a pipe open forever.
  func newSession(_ name: String, width: Int = 120, height: Int = 40, _ command: String) throws {
    // posix_spawn + waitpid, not Process: Foundation learns of a child's exit through a
    // descriptor the child inherits, and the tmux server daemon keeps it open for good.
    let status = spawnAndWait(
      "/usr/bin/tmux",
      [
        "-L", tmuxSocket, "new-session", "-d", "-s", name, "-x", String(width), "-y",
        String(height), command,
      ])
    guard status == 0 else { throw SSHTestError("tmux new-session exited \(status)") }
    // Keep the pane after the program exits, so its last words can be read.
    try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
  }

  /// The visible screen of a tmux session.
  func screen(_ session: String) throws -> String {
    try tmux(["capture-pane", "-p", "-t", session]).stdout
  }

  /// Sends keys (tmux key names or literal text) to a session.
  func send(_ session: String, _ keys: String...) throws {
    try tmux(["send-keys", "-t", session] + keys)
  }

  /// Polls the screen until `predicate` holds (or `seconds` pass); returns the last screen.
  @discardableResult
  func waitForScreen(
    _ session: String, seconds: Double = 15, until predicate: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var text = ""
    repeat {
      text = try screen(session)
      if predicate(text) { return text }
      Thread.sleep(forTimeInterval: 0.2)
    } while Date() < deadline
    return text
  }

  /// An SSH_USER_AUTH file as sshd writes it for `key`, to run `ward triage` locally as if
  /// over SSH (the console's triage dialog is not in this branch yet).
  func exposeAuthFile(for key: String) throws -> String {
    let pub = try String(contentsOfFile: dir.file("\(key).pub"), encoding: .utf8)
    let parts = pub.split(separator: " ")
    let path = dir.file("\(key).authinfo")
    try "publickey \(parts[0]) \(parts[1])\n".write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private static func freePort() throws -> Int {
    let out = try run(
      "/usr/bin/python3",
      ["-c", "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])"]
    ).stdout
    guard let port = Int(out.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw SSHTestError("no free port: \(out)")
    }
    return port
  }
}

struct SSHTestError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

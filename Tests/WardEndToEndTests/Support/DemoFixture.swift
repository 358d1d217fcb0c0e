import Foundation

/// The demo store, built once per test run by the real `ward demo --print-store` into a
/// private cache folder, and shared by the tests that read it (read-only).
enum DemoFixture {
  /// The private cache home (`XDG_CACHE_HOME`) the demo store is built in.
  static let cacheHome: String = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ward-demo-cache-\(getpid())"
    ).path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }()

  /// The built demo store's path (builds it on first use).
  static let storePath: Result<String, Error> = {
    do {
      let result = try ward(["demo", "--print-store"], environment: ["XDG_CACHE_HOME": cacheHome])
      guard result.status == 0 else {
        throw NSError(
          domain: "ward-tests", code: 3,
          userInfo: [NSLocalizedDescriptionKey: "ward demo failed: \(result.stderr)"])
      }
      return .success(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    } catch {
      return .failure(error)
    }
  }()
}

/// A tmux session running one command, for end-to-end tests of the full-screen console.
struct TmuxSession {
  let name: String
  let socket: String

  /// Starts `command` (run by sh) in a detached session of the given size.
  init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:])
    throws
  {
    name = "ward-\(UUID().uuidString.prefix(8))"
    socket = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sock").path
    let env = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
    // The tmux client forks a daemon that keeps inherited descriptors, and Foundation's
    // Process has been seen to miss the client's exit here; spawn and reap it directly,
    // with output going to a file.
    let log = socket + ".log"
    let status = spawnAndWait(
      "/usr/bin/tmux",
      [
        "-S", socket, "new-session", "-d", "-x", String(width), "-y", String(height), "-s", name,
        "env \(env) \(command); echo EXIT=$?; sleep 60",
      ], outputPath: log)
    guard status == 0 else {
      let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      throw NSError(
        domain: "ward-tests", code: 4, userInfo: [NSLocalizedDescriptionKey: "tmux: \(output)"])
    }
  }

  /// Sends keys as tmux names them (`Enter`, `Escape`, `q`, `:findings`...).
  func send(_ keys: String...) throws {
    try run("/usr/bin/tmux", ["-S", socket, "send-keys", "-t", name] + keys)
  }

  /// Sends literal text.
  func type(_ text: String) throws {
    try run("/usr/bin/tmux", ["-S", socket, "send-keys", "-t", name, "-l", text])
  }

  /// The visible screen.
  func screen() throws -> String {
    try run("/usr/bin/tmux", ["-S", socket, "capture-pane", "-p", "-t", name]).stdout
  }

  /// Waits until the screen contains `text` (up to `timeout` seconds); returns the screen.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 20) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if last.contains(text) { return last }
      usleep(100_000)
    }
    throw NSError(
      domain: "ward-tests", code: 5,
      userInfo: [NSLocalizedDescriptionKey: "timed out waiting for \"\(text)\"; screen:\n\(last)"])
  }

  /// Whether the pane is in the alternate screen (a full-screen program is drawing).
  func alternateScreenOn() throws -> Bool {
    try run("/usr/bin/tmux", ["-S", socket, "display", "-p", "-t", name, "#{alternate_on}"]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
  }

  func kill() {
    _ = try? run("/usr/bin/tmux", ["-S", socket, "kill-server"])
    try? FileManager.default.removeItem(atPath: socket)
    try? FileManager.default.removeItem(atPath: socket + ".log")
  }
}

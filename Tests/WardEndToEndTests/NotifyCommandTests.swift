import Foundation
import Testing

/// `ward notify` against a real HTTP receiver on 127.0.0.1: a dry run sends nothing, a
/// send survives one 5xx, only a delivery moves the cursor, nothing new posts nothing,
/// Slack's body is Block Kit, and no body carries an environment preview.
@Suite struct NotifyCommandTests {
  /// A receiver answering with `statuses` in turn (Scripts/webhook-server.py).
  struct Receiver {
    let process: Process
    let dir: String
    let url: String

    static func start(_ dir: String, statuses: String) throws -> Receiver {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [
        "python3",
        Repo.root.appendingPathComponent("Tests/WardEndToEndTests/Scripts/webhook-server.py").path,
        dir, statuses,
      ]
      try process.run()
      for _ in 0..<100 {
        if let port = try? String(contentsOfFile: dir + "/port", encoding: .utf8) {
          return Receiver(
            process: process, dir: dir, url: "http://127.0.0.1:\(port)/hooks/T0001/secret-token")
        }
        usleep(50_000)
      }
      process.terminate()
      throw NSError(
        domain: "ward-tests", code: 5,
        userInfo: [NSLocalizedDescriptionKey: "webhook-server.py did not start"])
    }

    /// The bodies received, in order.
    func bodies() -> [String] {
      (0..<1000).lazy.map { "\(dir)/\($0).body" }.prefix {
        FileManager.default.fileExists(atPath: $0)
      }
      .compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    }

    /// SIGKILL: the child inherits the test runner's blocked signal mask, so it would
    /// never see SIGTERM (as MotoServer).
    func stop() {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func notificationsCarryWhatIsNewAndOnlyOnce() throws {
    let tmp = try TempDir("ward-notify")
    defer { tmp.cleanup() }
    let demo = try DemoFixture.storePath.get()
    try FileManager.default.copyItem(atPath: demo, toPath: tmp.file("posture.db"))
    let receiver = try Receiver.start(tmp.file("hook"), statuses: "500,200,200,404")
    defer { receiver.stop() }
    func ward(_ args: [String]) throws -> RunResult {
      try WardEndToEndTests.ward(
        args, environment: ["WARD_STORE": "posture.db", "WARD_WEBHOOK": receiver.url],
        currentDirectory: tmp.path)
    }

    // A dry run prints the body and sends nothing.
    let dry = try ward(["notify"])
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(receiver.bodies().isEmpty)
    #expect(dry.stderr.contains("dry run for http://127.0.0.1:"), "\(dry.stderr)")
    #expect(!dry.stderr.contains("secret-token"), "the webhook's path is never printed")
    let first = try Self.object(dry.stdout)
    let counts = try #require(first["counts"] as? [String: Int])
    #expect(first["since"] is NSNull, "the first notification covers the newest run")
    // No body carries what the store keeps of a secret (previews `AKIA…(20)`, `***(32)`,
    // `…(12)`), nor evidence.
    #expect(!dry.stdout.contains("…("), "\(dry.stdout.prefix(300))")
    #expect(!dry.stdout.contains("***("))

    // Sent: the 500 is retried, the 200 delivers the same body.
    let sent = try ward(["notify", "--send"])
    #expect(sent.status == 0, "\(sent.stderr)")
    #expect(sent.stderr.contains("sent to http://127.0.0.1:"), "\(sent.stderr)")
    let bodies = receiver.bodies()
    #expect(bodies.count == 2, "one 500, then the delivery")
    #expect(bodies.first == bodies.last)
    #expect(try Self.object(bodies[1])["counts"] as? [String: Int] == counts)
    let meta = try String(contentsOfFile: receiver.dir + "/1.meta", encoding: .utf8)
    #expect(meta.contains("/hooks/T0001/secret-token\napplication/json"))

    // Nothing new since: nothing posted.
    let quiet = try ward(["notify", "--send"])
    #expect(quiet.status == 0, "\(quiet.stderr)")
    #expect(quiet.stderr.contains("nothing new"), "\(quiet.stderr)")
    #expect(receiver.bodies().count == 2)

    // A Prowler scan brings new high findings: they are the next notification, as Slack.
    try FileManager.default.copyItem(
      atPath: Repo.root.appendingPathComponent("Tests/Fixtures/real/prowler-moto/lambda.ocsf.json")
        .path, toPath: tmp.file("prowler.ocsf.json"))
    let imported = try ward(["import", "--tenant", "moto", "prowler.ocsf.json"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let newHigh = try jsonArray(
      try ward(["changes", "--details", "--format", "json"]).stdout
    ).filter {
      $0["change"] as? String == "new"
        && ["critical", "high"].contains($0["severity"] as? String ?? "")
    }
    #expect(!newHigh.isEmpty)
    let slack = try ward(["notify", "--send", "--slack"])
    #expect(slack.status == 0, "\(slack.stderr)")
    let message = try Self.object(try #require(receiver.bodies().last))
    #expect((message["text"] as? String)?.hasPrefix("\(newHigh.count) new critical/high") == true)
    let blocks = try #require(message["blocks"] as? [[String: Any]])
    #expect(blocks.first?["type"] as? String == "header")
    let texts = blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
    #expect(texts.contains { $0.hasPrefix("*New critical and high findings*") }, "\(texts)")
    #expect(texts.allSatisfy { $0.count <= 3000 })
    #expect(
      texts.joined().contains(newHigh.first?["id"] as? String ?? "-"),
      "the worst new finding is listed by id")

    // A failed delivery is an error and moves nothing: the next run sends the same.
    let sentBefore = receiver.bodies().count
    try FileManager.default.copyItem(
      atPath: Repo.root.appendingPathComponent("Tests/Fixtures/sarif/checkov-template.sarif").path,
      toPath: tmp.file("checkov.sarif"))
    let more = try ward(["import", "--tenant", "templates", "checkov.sarif"])
    #expect(more.status == 0, "\(more.stderr)")
    let pending = try Self.object(try ward(["notify"]).stdout)["counts"] as? [String: Int]
    #expect((pending?["new_findings"] ?? 0) > 0, "Checkov's secrets checks are high")
    let refused = try ward(["notify", "--send"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("failed: HTTP 404"), "\(refused.stderr)")
    #expect(!refused.stderr.contains("secret-token"))
    #expect(receiver.bodies().count == sentBefore + 1, "a 404 is not retried")
    #expect(try Self.object(try ward(["notify"]).stdout)["counts"] as? [String: Int] == pending)

    // Bad input is a clear error.
    let bad = try WardEndToEndTests.ward(
      ["notify", "--webhook", "ftp://example.com/x"], environment: ["WARD_STORE": "posture.db"],
      currentDirectory: tmp.path)
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("expected an http or https URL"), "\(bad.stderr)")
  }
}

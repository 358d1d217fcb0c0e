import ArgumentParser
import Crypto
import Foundation
import WardModel
import WardStore

/// `ward notify`: what is new since the last notification to a webhook, as JSON or a
/// Slack message; a dry run (the body on standard output) unless `--send`.
struct NotifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notify",
    abstract: "Post what is new since the last notification to a webhook (dry run by default).",
    discussion: """
      What is new: open critical and high findings new since the last notification to the \
      same webhook, alerts that start after the newest one it reported (the first \
      notification: the alerts still open), decisions that lapsed and decisions that went \
      stale. The first notification to a webhook covers what the newest run changed. \
      Without --send the body is printed and nothing is sent or recorded. With --send it \
      is POSTed (Content-Type application/json), retried on no answer, HTTP 429 and 5xx \
      (1 s, 2 s, 4 s, or Retry-After), and only a delivered notification moves the \
      webhook's cursor; a failure exits 1 and the next run sends the same changes again. \
      Nothing new: nothing is posted (the cursor moves with --send). Bodies never hold \
      evidence, environment previews or notes. The webhook is --webhook or $WARD_WEBHOOK \
      (which keeps it out of shell history and `ps`); it is never printed whole or stored \
      (the store keeps its SHA-256). docs/notify.md has the bodies.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "The webhook URL (http or https); default $WARD_WEBHOOK.") var webhook: String?
  @Flag(help: "Post a Slack Block Kit message instead of Ward's JSON.") var slack = false
  @Flag(help: "Post it (without this flag the body is printed and nothing is sent).")
  var send = false
  @Option(help: "At most this many items per list (the counts are always whole).")
  var limit: Int = 20

  func validate() throws {
    guard (1...200).contains(limit) else { throw ValidationError("--limit: 1 to 200") }
    _ = try target()
  }

  /// The webhook, checked: http or https with a host.
  func target() throws -> URL {
    guard let text = webhook ?? ProcessInfo.processInfo.environment["WARD_WEBHOOK"],
      !text.isEmpty
    else { throw ValidationError("give --webhook URL or set $WARD_WEBHOOK") }
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
      scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty
    else {
      throw ValidationError("--webhook: expected an http or https URL with a host")
    }
    return url
  }

  /// The store's key for the webhook: never the URL itself.
  static func channel(_ url: URL) -> String {
    "sha256:"
      + SHA256.hash(data: Data(url.absoluteString.utf8)).map { String(format: "%02x", $0) }
      .joined()
  }

  func run() throws {
    let url = try target()
    let channel = Self.channel(url)
    let now = EpochSeconds(Date().timeIntervalSince1970)
    let store =
      send
      ? try scopedForCaller(try openStore(storeOptions.path, mode: .readWrite))
      : try readStore(storeOptions)
    let digest = try store.notificationDigest(channel: channel, now: now, limit: limit)
    let body = slack ? NotificationBody.slack(digest) : NotificationBody.json(digest)
    let to = WebhookPoster.redacted(url)
    guard send else {
      printLine(body)
      printError("notify: dry run for \(to): \(digest.summary); nothing sent (--send posts it)")
      return
    }
    if digest.isEmpty {
      try store.recordNotification(channel: channel, digest: digest)
      printError("notify: nothing new for \(to); nothing sent")
      return
    }
    do {
      let status = try WebhookPoster().post(body, to: url)
      try store.recordNotification(channel: channel, digest: digest)
      printError("notify: sent to \(to) (HTTP \(status)): \(digest.summary)")
    } catch let failure as WebhookPoster.Failure {
      throw CommandFailure(
        "notify: \(failure.description); nothing recorded, the next run sends these changes again")
    }
  }
}

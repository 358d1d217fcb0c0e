import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Posts one JSON body to a webhook, with retries: a connection failure, HTTP 429 and any
/// 5xx are tried again after 1 s, 2 s, 4 s (or the server's `Retry-After`, at most 30 s);
/// any other 4xx fails at once. The URL is never printed whole: it is often the webhook's
/// only secret (``redacted(_:)``).
struct WebhookPoster {
  var attempts = 4
  var timeout: TimeInterval = 15
  /// Sleeps between attempts (a test passes a recorder).
  var sleep: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }

  /// What went wrong, for the one-line error.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Posts `body`; returns the HTTP status of the delivery.
  func post(_ body: String, to url: URL) throws(Failure) -> Int {
    var last = ""
    for attempt in 1...attempts {
      let (status, wait, problem) = once(body, url)
      if let status, (200..<300).contains(status) { return status }
      last = problem
      let retryable = status == nil || status == 429 || (status ?? 0) >= 500
      guard retryable, attempt < attempts else { break }
      sleep(min(30, wait ?? pow(2, Double(attempt - 1))))
    }
    throw Failure(description: "POST \(Self.redacted(url)) failed: \(last)")
  }

  /// One attempt: the status (nil when nothing answered), the server's Retry-After, and
  /// the problem in words.
  private func once(_ body: String, _ url: URL) -> (Int?, TimeInterval?, String) {
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.httpMethod = "POST"
    request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
    request.setValue("ward", forHTTPHeaderField: "User-Agent")
    request.httpBody = Data(body.utf8)
    let done = DispatchSemaphore(value: 0)
    let result = Box()
    let task = URLSession.shared.dataTask(with: request) { data, response, error in
      result.set(data: data, response: response as? HTTPURLResponse, error: error)
      done.signal()
    }
    task.resume()
    done.wait()
    let (data, response, error) = result.get()
    guard let response else {
      return (nil, nil, error.map { "no answer (\($0.localizedDescription))" } ?? "no answer")
    }
    let text = String(decoding: (data ?? Data()).prefix(200), as: UTF8.self)
      .replacingOccurrences(of: "\n", with: " ")
    let retryAfter = response.value(forHTTPHeaderField: "Retry-After").flatMap(TimeInterval.init)
    return (
      response.statusCode, retryAfter,
      "HTTP \(response.statusCode)\(text.isEmpty ? "" : ": \(text)")"
    )
  }

  /// `https://hooks.slack.com/…`: scheme, host and port, never the path or query.
  static func redacted(_ url: URL) -> String {
    var text = "\(url.scheme ?? "http")://\(url.host ?? "")"
    if let port = url.port { text += ":\(port)" }
    return url.path.isEmpty || url.path == "/" ? text : text + "/…"
  }

  /// The completion handler's results, handed across threads under a lock.
  private final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Data?, HTTPURLResponse?, Error?) = (nil, nil, nil)
    func set(data: Data?, response: HTTPURLResponse?, error: Error?) {
      lock.lock()
      value = (data, response, error)
      lock.unlock()
    }
    func get() -> (Data?, HTTPURLResponse?, Error?) {
      lock.lock()
      defer { lock.unlock() }
      return value
    }
  }
}

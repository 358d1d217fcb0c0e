import WardModel

/// Where a channel's notifications got to.
public struct NotificationCursor: Sendable, Hashable {
  /// When the last notification was sent.
  public var sentAt: EpochSeconds
  /// The newest alert start the last notification saw.
  public var alertsThrough: EpochSeconds?
  /// How many notifications were sent to the channel.
  public var sentCount: Int
}

extension PostureStore {
  /// The channel's cursor, nil before its first notification.
  public func notificationCursor(channel: String) throws -> NotificationCursor? {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        try db.prepare(
          "SELECT sent_at, alerts_through, sent_count FROM notification_cursors WHERE channel = ?"
        ).first([.text(channel)]) {
          NotificationCursor(
            sentAt: $0.int64(0), alertsThrough: $0.optionalInt64(1), sentCount: $0.int(2))
        }
      }
    }
  }

  /// What is new for `channel` at `now`, in the handle's scope: new open critical and
  /// high findings, alerts that start after the previous notification's newest, lapsed
  /// and stale decisions (each list cut at `limit`, with its total). The first
  /// notification covers what the newest run changed (``ChangeWindow/previousRun``).
  public func notificationDigest(channel: String, now: EpochSeconds, limit: Int = 20) throws
    -> NotificationDigest
  {
    let cursor = try notificationCursor(channel: channel)
    let window: ChangeWindow = cursor.map { .since($0.sentAt) } ?? .previousRun
    // Every change of the window, not `changeDetails`' default 100k: the totals are
    // whole even on the first notification of a 1M-finding store.
    let rows = try changeDetails(window, kinds: [.new, .lapsed, .stale], limit: Int(Int32.max))
    func section(_ kind: ChangeKind, _ keep: (ChangeRow) -> Bool)
      throws -> NotificationDigest.Section<NotificationDigest.FindingItem>
    {
      var seen = Set<String>()
      let matching = rows.filter {
        $0.kind == kind && keep($0) && seen.insert($0.findingId).inserted
      }
      .sorted { ($0.severity.rank, $1.at, $1.findingId) > ($1.severity.rank, $0.at, $0.findingId) }
      let items = try matching.prefix(limit).map { row in
        NotificationDigest.FindingItem(
          id: row.findingId, tenant: row.tenant, severity: row.severity, title: row.title,
          function: try finding(id: row.findingId)?.finding.functionArn.flatMap {
            ARN($0)?.lambdaFunctionName
          },
          reason: kind == .new ? nil : row.reason)
      }
      return NotificationDigest.Section(items: items, total: matching.count)
    }
    let newFindings = try section(.new) {
      $0.severity.rank >= Severity.high.rank && $0.state.isOpen
    }
    let lapsed = try section(.lapsed) { _ in true }
    let stale = try section(.stale) { _ in true }

    // After a notification: alerts that start after the newest one it saw. The first
    // notification does not replay the timeline: the alerts still open.
    var alertFilter = AlertFilter()
    if let through = cursor?.alertsThrough { alertFilter.since = through + 1 }
    var alerts: [AlertRow] = []
    var newest: EpochSeconds?
    var page: PageCursor?
    repeat {
      let p = try self.alerts(filter: alertFilter, after: page, limit: 1000)
      alerts += cursor == nil ? p.rows.filter { $0.alert.end == nil } : p.rows
      newest = [newest, p.rows.first?.alert.start].compactMap { $0 }.max()
      page = p.next
    } while page != nil
    let ranked = alerts.sorted {
      ($0.alert.severity.rank, $0.alert.start, $1.alert.id)
        > ($1.alert.severity.rank, $1.alert.start, $0.alert.id)
    }
    let alertItems = ranked.prefix(limit).map {
      NotificationDigest.AlertItem(
        id: $0.alert.id, tenant: $0.tenant, severity: $0.alert.severity, kind: $0.alert.kind,
        title: $0.alert.title, start: $0.alert.start)
    }
    return NotificationDigest(
      since: cursor?.sentAt, until: now, newFindings: newFindings,
      alerts: NotificationDigest.Section(items: alertItems, total: alerts.count), lapsed: lapsed,
      stale: stale,
      alertsThrough: [newest, cursor?.alertsThrough].compactMap { $0 }.max())
  }

  /// Moves the channel's cursor after a notification was delivered (or, for an empty
  /// digest, looked at): the next digest starts at `digest.until`.
  public func recordNotification(channel: String, digest: NotificationDigest) throws {
    guard scope.tenants == nil else { throw StoreError.outOfScope("notification") }
    try connection.withDatabase { db in
      try db.transaction {
        try db.prepare(
          """
          INSERT INTO notification_cursors (channel, sent_at, alerts_through, sent_count)
          VALUES (?, ?, ?, 1)
          ON CONFLICT (channel) DO UPDATE SET sent_at = excluded.sent_at,
            alerts_through = excluded.alerts_through, sent_count = sent_count + 1
          """
        ).run([.text(channel), .integer(digest.until), SQLValue(digest.alertsThrough)])
      }
    }
  }
}

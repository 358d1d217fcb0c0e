/// What one notification says: what is new since the last notification to the same
/// webhook (docs/notify.md). Built by the store, rendered by ``NotificationBody``.
///
/// It never holds evidence, environment previews or notes: titles, ids, tenants,
/// functions, severities and the reasons of expiry and staleness only.
public struct NotificationDigest: Sendable, Hashable {
  /// One finding in a list.
  public struct FindingItem: Sendable, Hashable {
    public var id: String
    public var tenant: String
    public var severity: Severity
    public var title: String
    /// The function's name, when the finding is on one.
    public var function: String?
    /// Why it is listed: for a lapsed or stale decision, the event's reason.
    public var reason: String?

    public init(
      id: String, tenant: String, severity: Severity, title: String, function: String? = nil,
      reason: String? = nil
    ) {
      self.id = id
      self.tenant = tenant
      self.severity = severity
      self.title = title
      self.function = function
      self.reason = reason
    }
  }

  /// One alert in a list.
  public struct AlertItem: Sendable, Hashable {
    public var id: String
    public var tenant: String
    public var severity: Severity
    public var kind: String
    public var title: String
    public var start: EpochSeconds

    public init(
      id: String, tenant: String, severity: Severity, kind: String, title: String,
      start: EpochSeconds
    ) {
      self.id = id
      self.tenant = tenant
      self.severity = severity
      self.kind = kind
      self.title = title
      self.start = start
    }
  }

  /// A list and how many there were in all (the list is cut at the digest's limit).
  public struct Section<Item: Sendable & Hashable>: Sendable, Hashable {
    public var items: [Item]
    public var total: Int

    public init(items: [Item] = [], total: Int = 0) {
      self.items = items
      self.total = total
    }

    /// How many were left out of `items`.
    public var leftOut: Int { max(0, total - items.count) }
  }

  /// The window's start: the previous notification's time; nil for the first one, which
  /// covers what the newest run changed.
  public var since: EpochSeconds?
  /// When the digest was made (the window's end).
  public var until: EpochSeconds
  /// New critical and high findings that are open.
  public var newFindings: Section<FindingItem>
  /// Alerts that start after the newest alert the previous notification saw.
  public var alerts: Section<AlertItem>
  /// Closed decisions whose expiry passed: the findings are open again.
  public var lapsed: Section<FindingItem>
  /// Decisions reopened because what they were made about changed.
  public var stale: Section<FindingItem>
  /// The newest alert start this digest saw, the next window's alert boundary.
  public var alertsThrough: EpochSeconds?

  public init(
    since: EpochSeconds?, until: EpochSeconds, newFindings: Section<FindingItem> = Section(),
    alerts: Section<AlertItem> = Section(), lapsed: Section<FindingItem> = Section(),
    stale: Section<FindingItem> = Section(), alertsThrough: EpochSeconds? = nil
  ) {
    self.since = since
    self.until = until
    self.newFindings = newFindings
    self.alerts = alerts
    self.lapsed = lapsed
    self.stale = stale
    self.alertsThrough = alertsThrough
  }

  /// Nothing to say: every section is empty.
  public var isEmpty: Bool {
    newFindings.total == 0 && alerts.total == 0 && lapsed.total == 0 && stale.total == 0
  }

  /// One line: `3 new critical/high findings, 1 alert, 2 lapsed decisions, 0 stale`.
  public var summary: String {
    func count(_ n: Int, _ one: String, _ many: String) -> String {
      "\(n) \(n == 1 ? one : many)"
    }
    return [
      count(newFindings.total, "new critical/high finding", "new critical/high findings"),
      count(alerts.total, "new alert", "new alerts"),
      count(lapsed.total, "lapsed decision", "lapsed decisions"),
      count(stale.total, "stale decision", "stale decisions"),
    ].joined(separator: ", ")
  }
}

/// Migration 17: where each webhook's notifications got to (`ward notify`,
/// docs/notify.md). One row per channel, keyed by the SHA-256 of the webhook URL (the URL
/// itself is a secret for Slack and most chat webhooks, and is never stored).
///
/// `sent_at` is when the last notification to the channel was sent: the next one covers
/// what changed at or after it. `alerts_through` is the newest alert start it saw.
enum NotificationSchema {
  /// Migration: self-contained, appended after the existing ones.
  static let migration = """
    CREATE TABLE notification_cursors (
      channel TEXT PRIMARY KEY,
      sent_at INTEGER NOT NULL,
      alerts_through INTEGER,
      sent_count INTEGER NOT NULL DEFAULT 0
    );
    """
}

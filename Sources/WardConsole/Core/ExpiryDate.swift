import Foundation
import WardModel

/// The expiry of a risk acceptance as typed in the triage dialog: `YYYY-MM-DD`, a real
/// calendar date, strictly after today (UTC). The acceptance ends at 00:00Z on that date.
public enum ExpiryDate {
  /// The instant for `text`, or a message saying what is wrong with it.
  public static func parse(_ text: String, now: EpochSeconds) -> Result<EpochSeconds, FilterError> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else {
      return .failure(
        FilterError(
          message: trimmed.isEmpty
            ? "risk-accepted needs an expiry date (YYYY-MM-DD)"
            : "expiry: expected YYYY-MM-DD, got \(trimmed)"))
    }
    let days = UTC.daysFromCivil(year: year, month: month, day: day)
    let back = UTC.civil(fromDays: days)
    guard (1...12).contains(month), back.year == year, back.month == month, back.day == day else {
      return .failure(FilterError(message: "expiry: \(trimmed) is not a real date"))
    }
    let instant = days * UTC.day
    guard instant > now else {
      return .failure(
        FilterError(message: "expiry: \(trimmed) is not in the future (today is \(UTC.date(now)))"))
    }
    return .success(instant)
  }
}

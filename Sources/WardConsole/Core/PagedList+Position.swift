import WardUI

extension PagedList {
  /// `row 12 of 4,660` (`no rows` when the list is empty), for a list screen's title.
  public var positionText: String {
    total == 0 ? "no rows" : "row \(ExactCount.text(cursor + 1)) of \(ExactCount.text(total))"
  }
}

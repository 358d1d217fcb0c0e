/// Median and median absolute deviation of a small sample, computed in a reusable buffer.
struct RobustBaseline: Sendable, Hashable {
  var median: Double
  /// Median absolute deviation (unscaled).
  var mad: Double
  var samples: Int

  /// The spread used for scores: `MAD × 1.4826` (the normal-consistent scale), floored so
  /// flat baselines do not turn noise into infinite scores.
  func spread(relativeFloor: Double, absoluteFloor: Double) -> Double {
    max(DetectorThresholds.madScale * mad, relativeFloor * abs(median), absoluteFloor)
  }
}

/// Sorts a small buffer in place (insertion sort: the buffers hold at most a few dozen values).
@inline(__always)
func insertionSort(_ a: inout [Double], count n: Int) {
  var i = 1
  while i < n {
    let x = a[i]
    var j = i - 1
    while j >= 0 && a[j] > x {
      a[j + 1] = a[j]
      j -= 1
    }
    a[j + 1] = x
    i += 1
  }
}

@inline(__always)
func sortedMedian(_ a: [Double], count n: Int) -> Double {
  n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2
}

/// Computes the median of the first `n` values of `buffer` (sorting it), and when asked
/// the MAD using `scratch`.
func robustBaseline(
  _ buffer: inout [Double], count n: Int, scratch: inout [Double]
) -> RobustBaseline {
  insertionSort(&buffer, count: n)
  let median = sortedMedian(buffer, count: n)
  for i in 0..<n { scratch[i] = abs(buffer[i] - median) }
  insertionSort(&scratch, count: n)
  return RobustBaseline(median: median, mad: sortedMedian(scratch, count: n), samples: n)
}

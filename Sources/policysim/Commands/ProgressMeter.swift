/// The progress line of a long run: replications done out of the total, time elapsed and
/// an estimate of the time left, rewritten in place with a carriage return.
///
/// Why a value type without I/O: the text and the throttling (at most one line per
/// `interval` seconds, plus the final one) are pure functions of counts and clock readings,
/// so they are tested without a terminal; `ProgressDisplay` does the writing.
struct ProgressMeter {
  /// Replications to run.
  let total: Int
  /// Clock reading (seconds) when the run started.
  let start: Double
  /// Minimum seconds between two lines: 0.1, at most ten updates a second.
  var interval = 0.1
  private var lastShown = -Double.infinity
  private var lastLength = 0
  private var lastDone = -1

  /// A meter for `total` replications started at clock reading `start`.
  init(total: Int, start: Double) {
    self.total = total
    self.start = start
  }

  /// The text to write for `done` replications finished at clock reading `now`, or nil
  /// when the last line is too recent (the final count, `done == total`, always shows).
  /// The text starts with "\r" and is padded to cover a longer previous line.
  mutating func update(done: Int, now: Double) -> String? {
    guard done > lastDone else { return nil }
    guard done >= total || now - lastShown >= interval else { return nil }
    lastShown = now
    lastDone = done
    let line = Self.line(done: done, total: total, elapsed: now - start)
    let padding = String(repeating: " ", count: max(0, lastLength - line.count))
    lastLength = line.count
    return "\r" + line + padding
  }

  /// Text that erases the progress line (spaces, then a carriage return), or "" if nothing
  /// was shown.
  func clear() -> String {
    lastLength == 0 ? "" : "\r" + String(repeating: " ", count: lastLength) + "\r"
  }

  /// "replications 37/200 (18%), 0:12 elapsed, about 0:53 left"; the estimate assumes the
  /// remaining replications take as long as the finished ones on average, and is omitted
  /// before the first one finishes.
  static func line(done: Int, total: Int, elapsed: Double) -> String {
    let percent = total > 0 ? done * 100 / total : 100
    var text = "replications \(done)/\(total) (\(percent)%), \(duration(elapsed)) elapsed"
    if done > 0 && done < total {
      text += ", about \(duration(elapsed / Double(done) * Double(total - done))) left"
    }
    return text
  }

  /// Seconds as "m:ss" or "h:mm:ss", rounded down: 5 → "0:05", 3723 → "1:02:03".
  static func duration(_ seconds: Double) -> String {
    let whole = seconds.isFinite ? max(0, Int(min(seconds, 359_999_999))) : 0
    let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
    let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
  }
}

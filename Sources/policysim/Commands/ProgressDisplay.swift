import Foundation
import Synchronization

/// Shows a run's progress on standard error, only when standard error is a terminal: a
/// redirected or piped run (CI logs, `2> log`) gets no progress lines, and `--quiet` none.
///
/// Called from the runner's worker threads; the meter is guarded by a mutex, and lines are
/// throttled by `ProgressMeter` so that writing never slows the run.
final class ProgressDisplay: Sendable {
  private let meter: Mutex<ProgressMeter>
  private let write: @Sendable (String) -> Void

  /// A display for `total` replications writing with `write` (standard error by default).
  init(total: Int, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
    meter = Mutex(ProgressMeter(total: total, start: Self.now()))
    self.write = write
  }

  /// A display when progress should be shown: standard error is a terminal and the run is
  /// not quiet; nil otherwise.
  static func forStandardError(total: Int, quiet: Bool) -> ProgressDisplay? {
    guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
    return ProgressDisplay(total: total)
  }

  /// Records that `done` replications have finished.
  func update(done: Int) {
    meter.withLock { meter in
      if let text = meter.update(done: done, now: Self.now()) { write(text) }
    }
  }

  /// Erases the progress line (before the run's summary is printed).
  func finish() {
    meter.withLock { meter in
      let text = meter.clear()
      if !text.isEmpty { write(text) }
    }
  }

  /// Monotonic clock reading in seconds.
  private static func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}

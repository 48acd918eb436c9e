import Synchronization

/// Counts finished replications across worker threads.
final class ProgressCounter: Sendable {
  private let finished = Atomic<Int>(0)

  /// Records one more finished replication and returns the new total.
  func increment() -> Int {
    finished.add(1, ordering: .relaxed).newValue
  }
}

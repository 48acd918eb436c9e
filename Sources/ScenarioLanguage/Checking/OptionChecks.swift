import Dispatch
import Foundation

/// Checks many options at once: each option's check is independent of the others, so with
/// many options they are spread over the cores; results come back in the order given.
enum OptionChecks {
  /// Below this many options, one thread is faster than starting others.
  static let parallelThreshold = 16

  /// The rules (nil when the option has errors) and diagnostics of each checker, in order.
  static func run(_ checkers: [OptionChecker]) -> [(ModelRules?, [Diagnostic])] {
    run(count: checkers.count) { index in
      var checker = checkers[index]
      let rules = checker.check()
      return (rules, checker.diagnostics)
    }
  }

  /// `check(index)` for each index below `count`, in order.
  static func run(count: Int, _ check: @Sendable (Int) -> (ModelRules?, [Diagnostic])) -> [(ModelRules?, [Diagnostic])] {
    guard count >= parallelThreshold else { return (0..<count).map(check) }
    let results = ResultSlots(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      results.store(check(index), at: index)
    }
    return results.takeValues()
  }

  /// `check(range)` for contiguous ranges of the indices below `count`, one range per core
  /// and at least `parallelThreshold` indices per range (a range may cost a set-up of its
  /// own); the results of all ranges, in order.
  static func run(count: Int, inRanges check: @Sendable (Range<Int>) -> [(ModelRules?, [Diagnostic])]) -> [(ModelRules?, [Diagnostic])] {
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / parallelThreshold))
    guard workers > 1 else { return check(0..<count) }
    let ranges = (0..<workers).map { worker in (count * worker / workers)..<(count * (worker + 1) / workers) }
    let results = ResultSlots(count: count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let range = ranges[worker]
      for (index, result) in zip(range, check(range)) { results.store(result, at: index) }
    }
    return results.takeValues()
  }

  /// One slot per option, each written by exactly one iteration of `concurrentPerform`
  /// before `values` is read, so no two threads touch the same slot.
  private final class ResultSlots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<(ModelRules?, [Diagnostic])?>

    init(count: Int) {
      buffer = .allocate(capacity: count)
      buffer.initialize(repeating: nil)
    }

    deinit {
      buffer.deinitialize()
      buffer.deallocate()
    }

    func store(_ value: (ModelRules?, [Diagnostic]), at index: Int) { buffer[index] = value }

    /// The values, moved out of their slots (which are left empty).
    func takeValues() -> [(ModelRules?, [Diagnostic])] { buffer.indices.map { buffer[$0].take() ?? (nil, []) } }
  }
}

import Dispatch

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
    return results.values
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

    var values: [(ModelRules?, [Diagnostic])] { buffer.map { $0 ?? (nil, []) } }
  }
}

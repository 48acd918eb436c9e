/// Checks many options by carrying on from the base check instead of starting each from the
/// beginning, with the same results as `OptionChecker.check()` for each.
///
/// Why it is exact: `OptionChecker` is a value with no shared state, and everything it
/// does depends on the syntax tree, the file and the answers of `override(at:)`. An option's
/// override table differs from the base's only at the paths the option writes itself (the
/// `--set`s are in both), so as long as the base check has not looked up one of those paths,
/// the option's check would have done exactly what the base check did: same steps, same
/// look-ups, same state. The base check is run once recording the number of the first
/// look-up of each path and the look-ups made before each checkpoint; an option then starts
/// from a copy of the base checker at the last checkpoint before its first written path was
/// looked up, with its own overrides put in, and carries on from there, taking over the
/// base check's blocks, and parts of blocks, that read none of its overrides (`BlockReplay`,
/// `SettingReplay`).
///
/// Holding copies of the checker makes the base check copy its tables when it next changes
/// them, so only a few checkpoints are kept (`maximumSnapshots`), those most options use;
/// an option carries on from the latest kept one that is not too late for it.
struct ResumedOptionChecks {
  /// The base checker, not yet run, with the `--set`s only.
  let base: OptionChecker
  /// The look-ups made before each checkpoint, in order.
  private var lookupsBeforeCheckpoint: [Int] = []
  /// The number of the first look-up of each path.
  private var firstLookups: [String: Int] = [:]
  /// What each block of the base check read and did.
  private var blocks: BlockReplay?

  static let maximumSnapshots = 8

  /// Prepares to check options against this base checker.
  init(base: OptionChecker) {
    self.base = base
  }

  /// Runs the base check, recording where each path was first looked up; returns the base
  /// checker after its check (for its header values and diagnostics) and its rules.
  mutating func checkBase() -> (OptionChecker, ModelRules?) {
    var checker = base
    checker.firstOverrideQueries = [:]
    checker.blockLog = BlockLog()
    var progress = CheckProgress()
    var counts: [Int] = []
    let rules = checker.check(resuming: &progress) { checker, _ in counts.append(checker.overrideQueries) }
    lookupsBeforeCheckpoint = counts
    firstLookups = checker.firstOverrideQueries ?? [:]
    checker.firstOverrideQueries = nil
    blocks = BlockReplay(records: checker.blockLog?.records ?? [], diagnostics: checker.diagnostics, knownPaths: checker.knownPaths)
    blocks?.yearEffects = checker.blockLog?.yearEffects ?? []
    checker.blockLog = nil
    return (checker, rules)
  }

  /// One option to check: its overrides (as `ScenarioChecker` builds them: the `--set`s the
  /// option does not write, then its own), the locked paths among its own, and the paths it
  /// writes itself. Its answers of `override(at:)` differ from the base's only at those.
  struct Option: Sendable {
    var overrides: [ParameterOverride]
    var lockedPaths: Set<String> = []
    var writtenPaths: Set<String>

    /// The checker of the option's full check, from the beginning.
    func checker(of base: OptionChecker) -> OptionChecker {
      OptionChecker(syntax: base.syntax, file: base.file, overrides: overrides, lockedPaths: lockedPaths)
    }
  }

  /// The checkpoint an option writing these paths may start from (its number), or nil to
  /// start from the beginning.
  private func latestCheckpoint(writing paths: Set<String>) -> Int? {
    var firstLookup = Int.max
    for path in paths { if let lookup = firstLookups[path] { firstLookup = min(firstLookup, lookup) } }
    // The look-up counts grow along the checkpoints: the last one not after `firstLookup`.
    var found: Int?
    for (number, count) in lookupsBeforeCheckpoint.enumerated() {
      guard count <= firstLookup else { break }
      found = number
    }
    return found
  }

  /// The checkpoint each option may start from (nil: the beginning), before choosing which
  /// are kept.
  func startingCheckpoints(_ options: [Option]) -> [Int?] {
    options.map { latestCheckpoint(writing: $0.writtenPaths) }
  }

  /// Checks each option; results in order. Call `checkBase()` first.
  ///
  /// With many options, each core checks a range of them, carrying on from its own run of
  /// the base check: copies of one checkpoint on several cores would share its storage, and
  /// counting references to it from two cores at once costs more than the checks themselves.
  func run(_ options: [Option]) -> [(ModelRules?, [Diagnostic])] {
    OptionChecks.run(count: options.count) { range in
      var own = self
      if range.lowerBound > 0 {
        own = ResumedOptionChecks(base: base)
        _ = own.checkBase()
      }
      let part = Array(options[range])
      let (snapshots, starts) = own.startingStates(part)
      return part.indices.map { index in
        let (checker, rules) = own.check(part[index], from: starts[index], of: snapshots)
        return (rules, checker.diagnostics)
      }
    }
  }

  /// As `run`, one option after another, with the number of blocks and of parts of blocks
  /// (see `SettingReplay`) of each taken over from the base check and the known paths at the
  /// end (for tests).
  func runCountingReplays(_ options: [Option]) -> [(
    rules: ModelRules?, diagnostics: [Diagnostic], replayed: Int, replayedSettings: Int, knownPaths: [String]
  )] {
    let (snapshots, starts) = startingStates(options)
    return options.indices.map { index in
      let (checker, rules) = check(options[index], from: starts[index], of: snapshots)
      return (rules, checker.diagnostics, checker.blockReplay?.replayed ?? 0, checker.blockReplay?.replayedSettings ?? 0, checker.knownPaths)
    }
  }

  /// The states options start from, copies of the base checker at kept checkpoints from a
  /// second run of the base check, and the one each option starts from (nil: the beginning).
  private func startingStates(_ options: [Option]) -> (snapshots: [(OptionChecker, CheckProgress)], starts: [Int?]) {
    let wanted = startingCheckpoints(options)
    var uses: [Int: Int] = [:]
    for number in wanted { if let number { uses[number, default: 0] += 1 } }
    // The earliest is kept so that every option past the header can start at a checkpoint
    // (and take over the blocks before its own); then those most options want.
    var kept = Set(uses.keys.min().map { [$0] } ?? [])
    for (number, _) in uses.sorted(by: { ($0.value, $0.key) > ($1.value, $1.key) }) where kept.count < Self.maximumSnapshots {
      kept.insert(number)
    }
    var snapshots: [(OptionChecker, CheckProgress)] = []
    // For each checkpoint number, the latest kept snapshot not after it.
    var latestKept: [Int?] = []
    if !kept.isEmpty {
      var checker = base
      var progress = CheckProgress()
      var number = 0
      _ = checker.check(resuming: &progress) { checker, progress in
        if kept.contains(number) {
          var snapshot = checker
          snapshot.indexAllKnownPaths()
          snapshots.append((snapshot, progress))
        }
        latestKept.append(snapshots.isEmpty ? nil : snapshots.count - 1)
        number += 1
      }
    }
    let starts = wanted.map { number -> Int? in
      guard let number, !latestKept.isEmpty else { return nil }
      return latestKept[min(number, latestKept.count - 1)]
    }
    return (snapshots, starts)
  }

  /// One option's check, from snapshot `start` when given: the checker after it and the
  /// rules.
  private func check(_ option: Option, from start: Int?, of snapshots: [(OptionChecker, CheckProgress)]) -> (OptionChecker, ModelRules?) {
    var checker: OptionChecker
    var progress: CheckProgress
    if let start {
      checker = snapshots[start].0
      checker.overrides = OptionChecker.table(option.overrides)
      checker.lockedPaths = option.lockedPaths
      progress = snapshots[start].1
      // Blocks after the first the option changes may still be the base's.
      if var blocks {
        blocks.writtenPaths = option.writtenPaths
        checker.blockReplay = blocks
      }
    } else {
      checker = option.checker(of: base)
      progress = CheckProgress()
    }
    let rules = checker.check(resuming: &progress, checkpoint: nil)
    return (checker, rules)
  }
}

/// Taking over the base check's result for a block an option cannot affect.
///
/// An option that carries on from a checkpoint of the base check (`ResumedOptionChecks`) has
/// the base check's header, declarations and population, and checks its blocks in the same
/// order. Checking a block is a function of the checker's state, and of that state it reads
/// only (besides what the header stage set, which is the same):
/// - the answers of `override(at:)`;
/// - `resolvedParameters` and the known parameter paths, in `resolveParameter`;
/// - `drawIndex` and `reportedCycles`;
/// - of `CheckProgress`, the keywords of the blocks named like it before it (the same in
///   every check, `earlierKeywords`) and whether identification is defined.
///
/// The base check records, per block, every path it looked up, the first value it read of
/// each `resolvedParameters` entry and each path's membership of the known paths, the
/// `drawIndex` and `reportedCycles` it started with, and everything the block changed. When
/// an option reaches the same block and none of those paths is one the option writes and
/// every recorded read gives the same value in the option's state, the option's check of
/// the block would read exactly what the base's did, so would do exactly what it did: the
/// recorded changes are applied instead. Otherwise the block is checked as usual, and its
/// parts that read none of the option's overrides are taken over the same way
/// (`SettingReplay`).
///
/// A new field of `OptionChecker` that a block's check reads and that blocks change must be
/// recorded and compared here too (`ResumedOptionChecksTests` compares every option of every
/// scenario with its full check).
struct BlockReplay: Sendable {
  /// What one block (or one part of a block, see `SettingReplay`) of the base check read and
  /// did.
  ///
  /// A class, filled in by the base check while it records and only read afterwards, when
  /// many options (on several threads) compare their state with it: as a struct of a dozen
  /// collections it was copied at every look-up, which cost more than the comparison.
  final class Record: @unchecked Sendable {
    // What it read.
    var queried: Set<String> = []
    var cacheReads: [String: TypedValue?] = [:]
    var knownPathReads: [String: Bool] = [:]
    let drawIndexBefore: Int
    let reportedCyclesBefore: Set<String>
    /// Whether identification was defined before the block (nil for a part, whose check
    /// does not read it).
    let identificationWasNil: Bool?

    // What it did.
    var cacheWrites: [(String, TypedValue)] = []
    var cacheWritten: Set<String> = []
    var diagnostics: Range<Int> = 0..<0
    var knownPaths: Range<Int> = 0..<0
    var usedOverridesAdded: Set<String> = []
    var referencedAttributesAdded: Set<Int> = []
    var reportedCyclesAdded: Set<String> = []
    var drawIndexAfter = 0
    var overrideQueries = 0
    var outcome = BlockOutcome.transitionPart
    /// The parts the block checked, in order (blocks only).
    var settings: [SettingReplay.Record] = []

    /// Starts the record of a check, in the checker's state as it starts.
    init(drawIndexBefore: Int, reportedCyclesBefore: Set<String>, identificationWasNil: Bool? = nil, knownPathsBefore: Int) {
      self.drawIndexBefore = drawIndexBefore
      self.reportedCyclesBefore = reportedCyclesBefore
      self.identificationWasNil = identificationWasNil
      self.knownPaths = knownPathsBefore..<knownPathsBefore
    }

    /// Whether a check in `checker`'s state, for an option writing `writtenPaths`, reads
    /// exactly what this one read (identification aside).
    func readsSame(in checker: OptionChecker, writtenPaths: Set<String>) -> Bool {
      // An option writes a path or two: look those up rather than hash every path queried.
      guard !writtenPaths.contains(where: queried.contains), checker.drawIndex == drawIndexBefore,
        checker.reportedCycles == reportedCyclesBefore
      else { return false }
      for (key, value) in cacheReads {
        guard let current = checker.resolvedParameters[key] else {
          if value != nil { return false }
          continue
        }
        guard let value, current.value == value.value, current.type == value.type else { return false }
      }
      for (path, known) in knownPathReads where checker.isKnownPath(path) != known { return false }
      return true
    }

    /// Does to `checker` what this check did (its outcome aside); `diagnostics` and
    /// `knownPaths` are the base check's, which the ranges point into.
    func applyChanges(to checker: inout OptionChecker, diagnostics: [Diagnostic], knownPaths: [String]) {
      for (key, value) in cacheWrites { checker.resolvedParameters[key] = value }
      if !self.diagnostics.isEmpty { checker.diagnostics += diagnostics[self.diagnostics] }
      checker.knownPaths += knownPaths[self.knownPaths]
      checker.indexKnownPaths()
      if !usedOverridesAdded.isEmpty { checker.usedOverrides.formUnion(usedOverridesAdded) }
      if !referencedAttributesAdded.isEmpty { checker.referencedAttributes.formUnion(referencedAttributesAdded) }
      if !reportedCyclesAdded.isEmpty { checker.reportedCycles.formUnion(reportedCyclesAdded) }
      checker.drawIndex = drawIndexAfter
      checker.overrideQueries += overrideQueries
    }

    func noteQuery(_ path: String) { queried.insert(path) }

    /// A read of `resolvedParameters`: recorded when it is the first of the entry and the
    /// check has not written it (then the answer is its own, in any state).
    func noteCacheRead(_ key: String, _ value: TypedValue?) {
      guard cacheReads.index(forKey: key) == nil, !cacheWritten.contains(key) else { return }
      cacheReads[key] = .some(value)
    }

    func noteCacheWrite(_ key: String, _ value: TypedValue) {
      cacheWrites.append((key, value))
      cacheWritten.insert(key)
    }

    /// A test of whether a path is known: recorded when it is the first of the path and the
    /// check has not added the path to `knownPaths` itself (`knownPaths` as it is).
    func noteKnownPathRead(_ path: String, _ known: Bool, knownPaths: [String]) {
      guard knownPathReads[path] == nil, !knownPaths[self.knownPaths.lowerBound...].contains(path) else { return }
      knownPathReads[path] = known
    }
  }

  /// Where the checker stood when a recorded check started (for `OptionChecker.finish`).
  struct Start {
    var diagnostics: Int
    var knownPaths: Int
    var usedOverrides: Set<String>
    var referencedAttributes: Set<Int>
    var overrideQueries: Int
  }

  /// One record per block, in order.
  var records: [Record]
  /// The base check's diagnostics and known paths, which the records' ranges point into.
  var diagnostics: [Diagnostic]
  var knownPaths: [String]
  /// The paths the option writes itself (its answers differ from the base's only there).
  var writtenPaths: Set<String> = []
  /// How many blocks have been taken over (for tests).
  var replayed = 0

  /// The base check's parts of the year's effects stage (see `SettingReplay`).
  var yearEffects: [SettingReplay.Record] = []
  /// The base check's parts of the block (or stage) the option is checking, and how many of
  /// them it has met so far (see `SettingReplay`).
  var currentParts: [SettingReplay.Record]?
  var nextSetting = 0
  /// How many settings have been taken over (for tests).
  var replayedSettings = 0

  /// Whether the option's check of block `index`, in state `checker` and `run`, would do
  /// exactly what the base check did.
  func applies(_ index: Int, to checker: OptionChecker, _ run: CheckProgress) -> Bool {
    guard index < records.count else { return false }
    return records[index].identificationWasNil == (run.identification == nil) && records[index].readsSame(in: checker, writtenPaths: writtenPaths)
  }

  /// Does to `checker` and `run` what the base check's block `index` did.
  func apply(_ index: Int, to checker: inout OptionChecker, _ run: inout CheckProgress) {
    records[index].applyChanges(to: &checker, diagnostics: diagnostics, knownPaths: knownPaths)
    run.add(records[index].outcome, of: run.blocks[index])
  }
}

/// The recording side of `BlockReplay`, kept by the base check while it checks its blocks.
struct BlockLog: Sendable {
  var records: [BlockReplay.Record] = []
  /// The block being checked, when recording.
  var current: BlockReplay.Record?
  /// The setting being checked within it (see `SettingReplay`).
  var currentSetting: BlockReplay.Record?
  /// The parts of the year's effects stage, once recorded.
  var yearEffects: [SettingReplay.Record] = []

  mutating func noteQuery(_ path: String) {
    current?.noteQuery(path)
    currentSetting?.noteQuery(path)
  }

  mutating func noteCacheRead(_ key: String, _ value: TypedValue?) {
    current?.noteCacheRead(key, value)
    currentSetting?.noteCacheRead(key, value)
  }

  mutating func noteCacheWrite(_ key: String, _ value: TypedValue) {
    current?.noteCacheWrite(key, value)
    currentSetting?.noteCacheWrite(key, value)
  }

  mutating func noteKnownPathRead(_ path: String, _ known: Bool, knownPaths: [String]) {
    current?.noteKnownPathRead(path, known, knownPaths: knownPaths)
    currentSetting?.noteKnownPathRead(path, known, knownPaths: knownPaths)
  }
}

extension OptionChecker {
  /// Whether `path` is among the known paths (`knownPaths`), without indexing them.
  func isKnownPath(_ path: String) -> Bool {
    knownPathSet.contains(path) || knownPaths[knownPathsIndexed...].contains(path)
  }

  /// Adds the known paths not yet in `knownPathSet` to it once there are more than a few.
  /// (The last few are searched rather than indexed: a check carrying on from a copy of
  /// another's state then rarely needs a copy of its set.)
  mutating func indexKnownPaths() {
    guard knownPaths.count - knownPathsIndexed > 32 else { return }
    indexAllKnownPaths()
  }

  /// Adds every known path not yet in `knownPathSet` to it. Done to a checkpoint's copy
  /// before options carry on from it: an option then rarely adds enough paths of its own to
  /// index them, which would copy the whole set, shared with the checkpoint.
  mutating func indexAllKnownPaths() {
    while knownPathsIndexed < knownPaths.count {
      knownPathSet.insert(knownPaths[knownPathsIndexed])
      knownPathsIndexed += 1
    }
  }

  /// Checks the next block of `run`, or takes over the base check's result for it, and
  /// records it when recording.
  mutating func checkOrReplayBlock(_ run: inout CheckProgress) {
    let index = run.nextBlock
    let block = run.blocks[index]
    if let replay = blockReplay {
      if replay.applies(index, to: self, run) {
        replay.apply(index, to: &self, &run)
        blockReplay?.replayed += 1
        return
      }
      // Checked again: its settings may still be the base's.
      blockReplay?.currentParts = index < replay.records.count ? replay.records[index].settings : nil
      blockReplay?.nextSetting = 0
      run.add(checkBlock(block, run), of: block)
      blockReplay?.currentParts = nil
      return
    }
    guard blockLog != nil else {
      run.add(checkBlock(block, run), of: block)
      return
    }
    let start = recordingStart()
    blockLog?.current = BlockReplay.Record(
      drawIndexBefore: drawIndex, reportedCyclesBefore: reportedCycles, identificationWasNil: run.identification == nil,
      knownPathsBefore: knownPaths.count)
    let outcome = checkBlock(block, run)
    if let record = blockLog?.current {
      blockLog?.current = nil
      finish(record, from: start)
      record.outcome = outcome
      blockLog?.records.append(record)
    }
    run.add(outcome, of: block)
  }

  /// Checks the effect lists of the year (`start of year`, `end of year`), each taken over
  /// from the base check where it reads no override, and records them when recording.
  mutating func checkOrReplayYearEffects(_ run: inout CheckProgress) {
    if let replay = blockReplay {
      blockReplay?.currentParts = replay.yearEffects
      blockReplay?.nextSetting = 0
    } else if blockLog != nil {
      // A stand-in for a block, to collect the parts.
      blockLog?.current = BlockReplay.Record(drawIndexBefore: drawIndex, reportedCyclesBefore: reportedCycles, knownPathsBefore: knownPaths.count)
    }
    for list in run.yearEnd where list.timing == .startOfYear {
      run.startOfYear += checkOrReplayEffects(list, scope: NameScope(stream: "start of year", place: "start of year"), path: "start_of_year")
    }
    for list in run.yearEnd where list.timing != .startOfYear {
      run.endOfYear += checkOrReplayEffects(list, scope: NameScope(stream: "end of year", place: "end of year"), path: "end_of_year")
    }
    blockReplay?.currentParts = nil
    if let parts = blockLog?.current?.settings {
      blockLog?.yearEffects = parts
      blockLog?.current = nil
    }
  }

  /// Where the checker stands, at the start of a recorded check.
  func recordingStart() -> BlockReplay.Start {
    BlockReplay.Start(
      diagnostics: diagnostics.count, knownPaths: knownPaths.count, usedOverrides: usedOverrides, referencedAttributes: referencedAttributes,
      overrideQueries: overrideQueries)
  }

  /// Completes `record` with what the check since `start` did.
  func finish(_ record: BlockReplay.Record, from start: BlockReplay.Start) {
    record.diagnostics = start.diagnostics..<diagnostics.count
    record.knownPaths = start.knownPaths..<knownPaths.count
    record.usedOverridesAdded = usedOverrides.subtracting(start.usedOverrides)
    record.referencedAttributesAdded = referencedAttributes.subtracting(start.referencedAttributes)
    record.reportedCyclesAdded = reportedCycles.subtracting(record.reportedCyclesBefore)
    record.drawIndexAfter = drawIndex
    record.overrideQueries = overrideQueries - start.overrideQueries
  }
}

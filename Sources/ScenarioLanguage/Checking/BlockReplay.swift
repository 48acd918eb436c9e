/// Taking over the base check's result for a block an option cannot affect.
///
/// An option that carries on from a checkpoint of the base check (`ResumedOptionChecks`) has
/// the base check's header, declarations and population, and checks its blocks in the same
/// order. Checking a block is a function of the checker's state, and of that state it reads
/// only (besides what the header stage set, which is the same):
/// - the answers of `override(at:)`;
/// - `resolvedParameters` and the known parameter paths, in `resolveParameter`;
/// - `drawIndex` and `reportedCycles`;
/// - of `CheckProgress`, the names and keywords of the blocks before it (the same in every
///   check) and whether identification is defined.
///
/// The base check records, per block, every path it looked up, the first value it read of
/// each `resolvedParameters` entry and each path's membership of the known paths, the
/// `drawIndex` and `reportedCycles` it started with, and everything the block changed. When
/// an option reaches the same block and none of those paths is one the option writes and
/// every recorded read gives the same value in the option's state, the option's check of
/// the block would read exactly what the base's did, so would do exactly what it did: the
/// recorded changes are applied instead. Otherwise the block is checked as usual.
///
/// A new field of `OptionChecker` that a block's check reads and that blocks change must be
/// recorded and compared here too (`ResumedOptionChecksTests` compares every option of every
/// scenario with its full check).
struct BlockReplay: Sendable {
  /// What one block of the base check read and did.
  struct Record: Sendable {
    // What it read.
    var queried: Set<String> = []
    var cacheReads: [String: TypedValue?] = [:]
    var knownPathReads: [String: Bool] = [:]
    var drawIndexBefore: Int
    var reportedCyclesBefore: Set<String>
    var identificationWasNil: Bool

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

  /// Whether the option's check of block `index`, in state `checker` and `run`, would do
  /// exactly what the base check did.
  func applies(_ index: Int, to checker: OptionChecker, _ run: CheckProgress) -> Bool {
    guard index < records.count else { return false }
    let record = records[index]
    guard record.queried.isDisjoint(with: writtenPaths), checker.drawIndex == record.drawIndexBefore,
      checker.reportedCycles == record.reportedCyclesBefore, (run.identification == nil) == record.identificationWasNil
    else { return false }
    for (key, value) in record.cacheReads {
      guard let current = checker.resolvedParameters[key] else {
        if value != nil { return false }
        continue
      }
      guard let value, current.value == value.value, current.type == value.type else { return false }
    }
    for (path, known) in record.knownPathReads where checker.isKnownPath(path) != known { return false }
    return true
  }

  /// Does to `checker` and `run` what the base check's block `index` did.
  func apply(_ index: Int, to checker: inout OptionChecker, _ run: inout CheckProgress) {
    let record = records[index]
    for (key, value) in record.cacheWrites { checker.resolvedParameters[key] = value }
    checker.diagnostics += diagnostics[record.diagnostics]
    checker.knownPaths += knownPaths[record.knownPaths]
    checker.indexKnownPaths()
    checker.usedOverrides.formUnion(record.usedOverridesAdded)
    checker.referencedAttributes.formUnion(record.referencedAttributesAdded)
    checker.reportedCycles.formUnion(record.reportedCyclesAdded)
    checker.drawIndex = record.drawIndexAfter
    checker.overrideQueries += record.overrideQueries
    run.add(record.outcome, of: run.blocks[index])
  }
}

/// The recording side of `BlockReplay`, kept by the base check while it checks its blocks.
struct BlockLog: Sendable {
  var records: [BlockReplay.Record] = []
  /// The block being checked, when recording.
  var current: BlockReplay.Record?

  mutating func noteQuery(_ path: String) { current?.queried.insert(path) }

  /// A read of `resolvedParameters`: recorded when it is the block's first of the entry
  /// and the block has not written it (then the answer is the block's own, in any state).
  mutating func noteCacheRead(_ key: String, _ value: TypedValue?) {
    guard var record = current, record.cacheReads.index(forKey: key) == nil, !record.cacheWritten.contains(key) else { return }
    current = nil
    record.cacheReads[key] = .some(value)
    current = record
  }

  mutating func noteCacheWrite(_ key: String, _ value: TypedValue) {
    guard var record = current else { return }
    current = nil
    record.cacheWrites.append((key, value))
    record.cacheWritten.insert(key)
    current = record
  }

  /// A test of whether a path is known: recorded when it is the block's first of the path
  /// and the block has not added the path to `knownPaths` itself (`knownPaths` as it is).
  mutating func noteKnownPathRead(_ path: String, _ known: Bool, knownPaths: [String]) {
    guard var record = current, record.knownPathReads[path] == nil, !knownPaths[record.knownPaths.lowerBound...].contains(path) else { return }
    current = nil
    record.knownPathReads[path] = known
    current = record
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
    if let replay = blockReplay, replay.applies(index, to: self, run) {
      replay.apply(index, to: &self, &run)
      blockReplay?.replayed += 1
      return
    }
    guard blockLog != nil else {
      run.add(checkBlock(block, run), of: block)
      return
    }
    let before = (
      diagnostics: diagnostics.count, knownPaths: knownPaths.count, used: usedOverrides, attributes: referencedAttributes,
      queries: overrideQueries
    )
    blockLog?.current = BlockReplay.Record(
      drawIndexBefore: drawIndex, reportedCyclesBefore: reportedCycles, identificationWasNil: run.identification == nil,
      knownPaths: knownPaths.count..<knownPaths.count)
    let outcome = checkBlock(block, run)
    if var record = blockLog?.current {
      record.diagnostics = before.diagnostics..<diagnostics.count
      record.knownPaths = before.knownPaths..<knownPaths.count
      record.usedOverridesAdded = usedOverrides.subtracting(before.used)
      record.referencedAttributesAdded = referencedAttributes.subtracting(before.attributes)
      record.reportedCyclesAdded = reportedCycles.subtracting(record.reportedCyclesBefore)
      record.drawIndexAfter = drawIndex
      record.overrideQueries = overrideQueries - before.queries
      record.outcome = outcome
      blockLog?.records.append(record)
      blockLog?.current = nil
    }
    run.add(outcome, of: block)
  }
}

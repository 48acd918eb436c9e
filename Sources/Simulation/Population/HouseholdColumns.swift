import ScenarioLanguage

/// The households of one replication as columns (structure of arrays), plus the scratch
/// memory that programs use while evaluating a block of households.
///
/// One instance belongs to one worker thread and is reused for every replication and option
/// it runs, so memory grows with households × threads, never with replications. All raw
/// memory of the engine lives here.
///
/// The columns hold either every household (`height == householdCount`, the year-by-year
/// order) or one block (`height == blockSize`, the block-by-block order of
/// `SimulationRunner.runBlockByBlock`): `column(_:from:)` takes household indices either way, relative
/// to `rowOffset`, the first household the columns hold.
final class HouseholdColumns {
  /// Households per block: small enough that a block's columns stay in cache.
  static let blockSize = 512

  let householdCount: Int
  let columnCount: Int
  /// Rows of each column: every household, or one block.
  let height: Int
  /// The first household the columns hold (0 when they hold every household).
  var rowOffset = 0
  private let columns: UnsafeMutablePointer<Double>
  private let registers: UnsafeMutablePointer<Double>
  /// Where each register's values are read: its own buffer, or, after a draw of stored
  /// random numbers, the draw store itself (read-only: instructions write only to their own
  /// buffer, and reset this address when they do).
  private let registerAddress: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
  private let registerCount: Int
  private let constants: UnsafeMutablePointer<Double>
  private let constantCount: Int
  private let scratch: UnsafeMutablePointer<Double>
  private let scratchCount: Int

  /// Random numbers for the current replication and year.
  let random: RandomSource
  var replication: UInt32 = 0
  var yearIndex: UInt32 = 0
  /// Set only when a replication is replayed to find where a NaN or infinity came from
  /// (`SimulationRunner.traceNonFinite`); nil in ordinary runs (one check per block).
  var watch: NonFiniteWatch?

  /// Which block of draws a slot of `drawCache` holds. A draw is a pure function of these
  /// fields (and the run's seed, fixed for this instance), so a hit is bit-identical to
  /// drawing again.
  private struct DrawKey: Equatable {
    var stream: UInt32
    var isNormal: Bool
    var start: Int
    var count: Int
    var replication: UInt32
    var yearIndex: UInt32
  }
  /// Slots of recently drawn blocks: programs that draw the same stream for the same block
  /// (e.g. income growth with a common and a per-group rule) draw it only once.
  private static let drawSlots = 4
  private var drawKeys: [DrawKey?] = Array(repeating: nil, count: drawSlots)
  private var nextDrawSlot = 0
  private let drawCache: UnsafeMutablePointer<Double>

  /// Draws of the current replication kept for the next options: options share random
  /// numbers (common random numbers), so each (stream, year) column of draws is generated
  /// once per replication (or per block, when the columns hold one block) and read by the
  /// other options. Bounded by `drawStoreBytes` per worker; draws beyond it are generated
  /// again (same values).
  private struct StoredDrawKey: Hashable {
    var stream: UInt32
    var isNormal: Bool
    var yearIndex: UInt32
  }
  /// Upper bound of the draw store of one worker, in bytes.
  static let drawStoreBytes = 256 << 20
  private let drawStoreColumns: Int
  private var drawStore: UnsafeMutablePointer<Double>?
  private var drawStoreSlots: [StoredDrawKey: Int] = [:]
  /// Per slot and block: whether the block's draws are stored.
  private var drawStoreFilled: [Bool] = []
  /// The replication and first household of the draws held.
  private var drawStoreRows: (replication: UInt32, rowOffset: Int)?
  /// Blocks per column (of `height` rows).
  private let blockCount: Int

  /// The saved population of one replication (attribute columns and the initial registry),
  /// shared by the options that define the population identically; `height` rows per column,
  /// valid for the households `savedRows`.
  private var savedPopulation: UnsafeMutablePointer<Double>?
  private var savedPopulationKey: (definition: PopulationDefinition, replication: UInt32, columns: [Int])?
  private var savedRows = 0..<0
  /// The `rowOffset` the population was saved at.
  private var savedRowOffset = 0

  /// Columns for `households` households: all of them (`holdsOneBlock` false), or one block
  /// at a time.
  init(households: Int, columns: Int, registers: Int, constants: Int, scratch: Int, random: RandomSource, holdsOneBlock: Bool = false) {
    householdCount = households
    columnCount = columns
    height = holdsOneBlock ? min(households, Self.blockSize) : households
    self.columns = .allocate(capacity: max(1, height * columns))
    self.columns.initialize(repeating: 0, count: max(1, height * columns))
    registerCount = max(1, registers)
    self.registers = .allocate(capacity: registerCount * Self.blockSize)
    self.registers.initialize(repeating: 0, count: registerCount * Self.blockSize)
    registerAddress = .allocate(capacity: registerCount)
    for index in 0..<registerCount { registerAddress[index] = self.registers + index * Self.blockSize }
    constantCount = max(1, constants)
    self.constants = .allocate(capacity: constantCount * Self.blockSize)
    self.constants.initialize(repeating: 0, count: constantCount * Self.blockSize)
    scratchCount = max(1, scratch)
    self.scratch = .allocate(capacity: scratchCount * Self.blockSize)
    self.scratch.initialize(repeating: 0, count: scratchCount * Self.blockSize)
    blockCount = (height + Self.blockSize - 1) / Self.blockSize
    drawStoreColumns = height > 0 ? min(256, Self.drawStoreBytes / (height * MemoryLayout<Double>.size)) : 0
    drawCache = .allocate(capacity: Self.drawSlots * Self.blockSize)
    drawCache.initialize(repeating: 0, count: Self.drawSlots * Self.blockSize)
    self.random = random
  }

  deinit {
    columns.deallocate()
    registers.deallocate()
    registerAddress.deallocate()
    constants.deallocate()
    scratch.deallocate()
    drawCache.deallocate()
    drawStore?.deallocate()
    savedPopulation?.deallocate()
  }

  // MARK: - Sharing work between programs and options

  /// The standard normals (or uniforms) of `stream` for households `start ..< start + count`
  /// in the current replication and year: in the draw store (read-only, valid for this
  /// replication) when stored there, else written to `out` (from a recent identical draw or
  /// the generator); returns where they are, copying nothing when they are stored.
  ///
  /// Determinism: identical to calling `RandomSource.fillStandardNormals` (or
  /// `fillUniforms`) directly.
  private func drawnBlock(normal: Bool, stream: UInt32, start: Int, count: Int, scratch out: UnsafeMutablePointer<Double>) -> UnsafePointer<Double> {
    // A whole block of the current replication: look in (or fill) the draw store.
    guard start % Self.blockSize == 0, count == min(Self.blockSize, householdCount - start), let store = storedDraws()
    else {
      drawRecent(normal: normal, stream: stream, start: start, count: count, into: out)
      return UnsafePointer(out)
    }
    let block = (start - rowOffset) / Self.blockSize
    let key = StoredDrawKey(stream: stream, isNormal: normal, yearIndex: yearIndex)
    var slot = drawStoreSlots[key]
    if slot == nil, drawStoreSlots.count < drawStoreColumns {
      slot = drawStoreSlots.count
      drawStoreSlots[key] = slot
      drawStoreFilled.append(contentsOf: repeatElement(false, count: blockCount))
    }
    guard let slot else {
      drawRecent(normal: normal, stream: stream, start: start, count: count, into: out)
      return UnsafePointer(out)
    }
    let stored = store + slot * height + (start - rowOffset)
    if !drawStoreFilled[slot * blockCount + block] {
      // Drawn straight into the store (the recent draws are for blocks it cannot hold).
      draw(normal: normal, stream: stream, start: start, into: UnsafeMutableBufferPointer(start: stored, count: count))
      drawStoreFilled[slot * blockCount + block] = true
    }
    return UnsafePointer(stored)
  }

  /// The draw store, emptied when the replication or the households held change (nil when
  /// it has no room).
  private func storedDraws() -> UnsafeMutablePointer<Double>? {
    guard drawStoreColumns > 0 else { return nil }
    if drawStoreRows?.replication != replication || drawStoreRows?.rowOffset != rowOffset {
      drawStoreRows = (replication, rowOffset)
      drawStoreSlots.removeAll(keepingCapacity: true)
      drawStoreFilled.removeAll(keepingCapacity: true)
    }
    if drawStore == nil { drawStore = .allocate(capacity: drawStoreColumns * height) }
    return drawStore
  }

  /// Fills `buffer` with the uniforms of `stream` for households `start ..< start +
  /// buffer.count` in the current replication and year (a copy of `uniforms`).
  func fillUniforms(stream: UInt32, start: Int, into buffer: UnsafeMutableBufferPointer<Double>) {
    guard let base = buffer.baseAddress else { return }
    let drawn = uniforms(stream: stream, start: start, count: buffer.count, scratch: base)
    if drawn != UnsafePointer(base) { base.update(from: drawn, count: buffer.count) }
  }

  /// The uniforms of `stream` for households `start ..< start + count` (a whole block or
  /// part of one) in the current replication and year, read-only: in the draw store when the
  /// block is stored there (no copy), else in `scratch`. Valid until the replication changes
  /// or `scratch` is reused. Same values as `fillUniforms`.
  func uniforms(stream: UInt32, start: Int, count: Int, scratch: UnsafeMutablePointer<Double>) -> UnsafePointer<Double> {
    drawnBlock(normal: false, stream: stream, start: start, count: count, scratch: scratch)
  }

  /// `draw` without the store: from the last few blocks drawn, else from the generator.
  private func drawRecent(normal: Bool, stream: UInt32, start: Int, count: Int, into out: UnsafeMutablePointer<Double>) {
    let key = DrawKey(stream: stream, isNormal: normal, start: start, count: count, replication: replication, yearIndex: yearIndex)
    for slot in 0..<Self.drawSlots where drawKeys[slot] == key {
      out.update(from: drawCache + slot * Self.blockSize, count: count)
      return
    }
    draw(normal: normal, stream: stream, start: start, into: UnsafeMutableBufferPointer(start: out, count: count))
    let slot = nextDrawSlot
    nextDrawSlot = (slot + 1) % Self.drawSlots
    drawKeys[slot] = key
    (drawCache + slot * Self.blockSize).update(from: out, count: count)
  }

  /// The standard normals (or uniforms) of `stream` for households `start ..< start +
  /// buffer.count` from the generator.
  private func draw(normal: Bool, stream: UInt32, start: Int, into buffer: UnsafeMutableBufferPointer<Double>) {
    if normal {
      random.fillStandardNormals(replication: replication, firstHousehold: start, yearIndex: yearIndex, purpose: stream, into: buffer)
    } else {
      random.fillUniforms(replication: replication, firstHousehold: start, yearIndex: yearIndex, purpose: stream, into: buffer)
    }
  }

  /// Copies the population saved by `savePopulation` for this replication into `columns`
  /// for households `start ..< start + count`, if it was drawn from the same definition and
  /// saved for them; returns whether it did.
  ///
  /// Determinism: the population is a pure function of (seed, replication, definition), so
  /// the copy is bit-identical to drawing it again.
  func restorePopulation(_ definition: PopulationDefinition, columns indices: [Int], start: Int, count: Int) -> Bool {
    guard let saved = savedPopulation, holdsPopulation(definition, columns: indices), savedRowOffset == rowOffset,
      savedRows.lowerBound <= start, start + count <= savedRows.upperBound
    else { return false }
    for (slot, index) in indices.enumerated() {
      column(index, from: start).update(from: saved + slot * height + (start - rowOffset), count: count)
    }
    return true
  }

  /// Whether the saved population is this replication's, drawn from `definition` into
  /// `columns` (for the households `savedRows`).
  private func holdsPopulation(_ definition: PopulationDefinition, columns indices: [Int]) -> Bool {
    guard let key = savedPopulationKey else { return false }
    return key.replication == replication && key.columns == indices && key.definition == definition
  }

  /// Saves `columns` for households `start ..< start + count` as the population of this
  /// replication drawn from `definition` (added to the households saved before when they
  /// continue them, else replacing them).
  func savePopulation(_ definition: PopulationDefinition, columns indices: [Int], start: Int, count: Int) {
    if savedPopulationKey?.columns.count != indices.count {
      savedPopulation?.deallocate()
      savedPopulation = .allocate(capacity: max(1, indices.count * height))
    }
    guard let saved = savedPopulation else { return }
    for (slot, index) in indices.enumerated() {
      (saved + slot * height + (start - rowOffset)).update(from: column(index, from: start), count: count)
    }
    // Rows of another block are gone once the offset moves.
    if holdsPopulation(definition, columns: indices), savedRowOffset == rowOffset, savedRows.upperBound == start {
      savedRows = savedRows.lowerBound..<(start + count)
    } else {
      savedRows = start..<(start + count)
    }
    savedRowOffset = rowOffset
    savedPopulationKey = (definition, replication, indices)
  }

  /// The values of a column from household `start` on (a household the columns hold).
  @inline(__always)
  func column(_ index: Int, from start: Int = 0) -> UnsafeMutablePointer<Double> {
    assert(index < columnCount && start >= rowOffset && start - rowOffset <= height)
    return columns + index * height + (start - rowOffset)
  }

  /// A whole column as a buffer (only when the columns hold every household).
  func wholeColumn(_ index: Int) -> UnsafeBufferPointer<Double> {
    assert(height == householdCount && rowOffset == 0)
    return UnsafeBufferPointer(start: column(index), count: householdCount)
  }

  /// A block-sized scratch buffer.
  @inline(__always)
  func scratchBuffer(_ index: Int) -> UnsafeMutablePointer<Double> {
    assert(index < scratchCount)
    return scratch + index * Self.blockSize
  }

  /// Sets the per-year constants (broadcast over a block).
  func setConstants(_ values: [Double]) {
    assert(values.count <= constantCount)
    for (index, value) in values.enumerated() {
      let slot = constants + index * Self.blockSize
      if slot[0] != value || slot[Self.blockSize - 1] != value {
        slot.update(repeating: value, count: Self.blockSize)
      }
    }
  }

  @inline(__always)
  private func pointer(_ operand: ColumnProgram.Operand, _ start: Int) -> UnsafeMutablePointer<Double> {
    switch operand {
    case .column(let index): return column(index, from: start)
    case .register(let index): return registerAddress[index]
    case .constant(let index): return constants + index * Self.blockSize
    }
  }

  /// Evaluates a program for households `start ..< start + count` (count ≤ blockSize) and
  /// returns where the result is (valid until the next evaluation).
  func evaluate(_ program: ColumnProgram, start: Int, count: Int) -> UnsafePointer<Double> {
    for instruction in program.instructions {
      switch instruction {
      case .unary(let operation, let destination, let operand):
        let out = registers + destination * Self.blockSize
        registerAddress[destination] = out
        let a = pointer(operand, start)
        switch operation {
        case .negate: for i in 0..<count { out[i] = -a[i] }
        case .not: for i in 0..<count { out[i] = a[i] != 0 ? 0 : 1 }
        }
      case .binary(let operation, let destination, let lhs, let rhs):
        let out = registers + destination * Self.blockSize
        registerAddress[destination] = out
        let a = pointer(lhs, start)
        let b = pointer(rhs, start)
        switch operation {
        case .add: for i in 0..<count { out[i] = a[i] + b[i] }
        case .subtract: for i in 0..<count { out[i] = a[i] - b[i] }
        case .multiply: for i in 0..<count { out[i] = a[i] * b[i] }
        case .divide: for i in 0..<count { out[i] = a[i] / b[i] }
        case .less: for i in 0..<count { out[i] = a[i] < b[i] ? 1 : 0 }
        case .lessEqual: for i in 0..<count { out[i] = a[i] <= b[i] ? 1 : 0 }
        case .greater: for i in 0..<count { out[i] = a[i] > b[i] ? 1 : 0 }
        case .greaterEqual: for i in 0..<count { out[i] = a[i] >= b[i] ? 1 : 0 }
        case .equal: for i in 0..<count { out[i] = a[i] == b[i] ? 1 : 0 }
        case .notEqual: for i in 0..<count { out[i] = a[i] != b[i] ? 1 : 0 }
        // Without short-circuit branches (random truth values mispredict): 1 × 1, max(1, 0).
        case .and: for i in 0..<count { out[i] = (a[i] != 0 ? 1.0 : 0.0) * (b[i] != 0 ? 1.0 : 0.0) }
        case .or: for i in 0..<count { out[i] = max(a[i] != 0 ? 1.0 : 0.0, b[i] != 0 ? 1.0 : 0.0) }
        }
      case .extremum(let minimum, let destination, let lhs, let rhs):
        let out = registers + destination * Self.blockSize
        registerAddress[destination] = out
        let a = pointer(lhs, start)
        let b = pointer(rhs, start)
        if minimum {
          for i in 0..<count { out[i] = b[i] < a[i] ? b[i] : a[i] }
        } else {
          for i in 0..<count { out[i] = b[i] > a[i] ? b[i] : a[i] }
        }
      case .function(let function, let destination, let operand):
        let out = registers + destination * Self.blockSize
        registerAddress[destination] = out
        let a = pointer(operand, start)
        switch function {
        case .exp: DeterministicMath.exp(a, into: out, count: count)
        case .log: for i in 0..<count { out[i] = DeterministicMath.log(a[i]) }
        case .sqrt: for i in 0..<count { out[i] = a[i].squareRoot() }
        case .abs: for i in 0..<count { out[i] = Swift.abs(a[i]) }
        case .floor: for i in 0..<count { out[i] = a[i].rounded(.down) }
        case .round: for i in 0..<count { out[i] = a[i].rounded(.toNearestOrAwayFromZero) }
        case .min, .max: for i in 0..<count { out[i] = a[i] }
        }
      case .select(let destination, let condition, let whenTrue, let whenFalse):
        let out = registers + destination * Self.blockSize
        registerAddress[destination] = out
        let c = pointer(condition, start)
        let a = pointer(whenTrue, start)
        let b = pointer(whenFalse, start)
        for i in 0..<count {
          let whenTrue = a[i], whenFalse = b[i]  // both loaded: a blend, not a branch
          out[i] = c[i] != 0 ? whenTrue : whenFalse
        }
      case .uniform(let destination, let stream):
        // Stored draws are read where they are (no copy into the register).
        let drawn = drawnBlock(normal: false, stream: stream, start: start, count: count, scratch: registers + destination * Self.blockSize)
        registerAddress[destination] = UnsafeMutablePointer(mutating: drawn)
      case .normal(let destination, let stream):
        let drawn = drawnBlock(normal: true, stream: stream, start: start, count: count, scratch: registers + destination * Self.blockSize)
        registerAddress[destination] = UnsafeMutablePointer(mutating: drawn)
      case .categorical(let destination, let operand, let cumulative, let values):
        let out = registers + destination * Self.blockSize
        registerAddress[destination] = out
        let u = pointer(operand, start)
        for i in 0..<count {
          var k = 0
          while u[i] >= cumulative[k] { k += 1 }
          out[i] = values[k]
        }
      }
    }
    let result = pointer(program.result, start)
    if let watch { watch.inspect(program: program.id, values: result, start: start, count: count, in: self) }
    return UnsafePointer(result)
  }

  /// Evaluates a program for reading only: like `evaluate(_:start:count:intoScratch:)`, but a
  /// program that is just a per-year constant is not copied (constants change only between
  /// years), so the result may be the constant's own buffer and must not be written.
  func evaluateReadOnly(_ program: ColumnProgram, start: Int, count: Int, intoScratch index: Int) -> UnsafePointer<Double> {
    if program.instructions.isEmpty, case .constant = program.result {
      return evaluate(program, start: start, count: count)
    }
    return UnsafePointer(evaluate(program, start: start, count: count, intoScratch: index))
  }

  /// Evaluates a program into a scratch buffer (so later evaluations cannot clobber it).
  @discardableResult
  func evaluate(_ program: ColumnProgram, start: Int, count: Int, intoScratch index: Int) -> UnsafeMutablePointer<Double> {
    let result = evaluate(program, start: start, count: count)
    let out = scratchBuffer(index)
    out.update(from: result, count: count)
    return out
  }
}

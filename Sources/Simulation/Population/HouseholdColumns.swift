import ScenarioLanguage

/// The households of one replication as columns (structure of arrays), plus the scratch
/// memory that programs use while evaluating a block of households.
///
/// One instance belongs to one worker thread and is reused for every replication and option
/// it runs, so memory grows with households × threads, never with replications. All raw
/// memory of the engine lives here.
final class HouseholdColumns {
  /// Households per block: small enough that a block's columns stay in cache.
  static let blockSize = 512

  let householdCount: Int
  let columnCount: Int
  private let columns: UnsafeMutablePointer<Double>
  private let registers: UnsafeMutablePointer<Double>
  private let registerCount: Int
  private let constants: UnsafeMutablePointer<Double>
  private let constantCount: Int
  private let scratch: UnsafeMutablePointer<Double>
  private let scratchCount: Int

  /// Random numbers for the current replication and year.
  var random: RandomSource
  var replication: UInt32 = 0
  var yearIndex: UInt32 = 0

  init(households: Int, columns: Int, registers: Int, constants: Int, scratch: Int, random: RandomSource) {
    householdCount = households
    columnCount = columns
    self.columns = .allocate(capacity: max(1, households * columns))
    self.columns.initialize(repeating: 0, count: max(1, households * columns))
    registerCount = max(1, registers)
    self.registers = .allocate(capacity: registerCount * Self.blockSize)
    self.registers.initialize(repeating: 0, count: registerCount * Self.blockSize)
    constantCount = max(1, constants)
    self.constants = .allocate(capacity: constantCount * Self.blockSize)
    self.constants.initialize(repeating: 0, count: constantCount * Self.blockSize)
    scratchCount = max(1, scratch)
    self.scratch = .allocate(capacity: scratchCount * Self.blockSize)
    self.scratch.initialize(repeating: 0, count: scratchCount * Self.blockSize)
    self.random = random
  }

  deinit {
    columns.deallocate()
    registers.deallocate()
    constants.deallocate()
    scratch.deallocate()
  }

  /// The values of a column for households `start ..< start + count`.
  @inline(__always)
  func column(_ index: Int, from start: Int = 0) -> UnsafeMutablePointer<Double> {
    assert(index < columnCount && start <= householdCount)
    return columns + index * householdCount + start
  }

  /// A whole column as a buffer.
  func wholeColumn(_ index: Int) -> UnsafeBufferPointer<Double> {
    UnsafeBufferPointer(start: column(index), count: householdCount)
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
    case .register(let index): return registers + index * Self.blockSize
    case .constant(let index): return constants + index * Self.blockSize
    }
  }

  /// Evaluates a program for households `start ..< start + count` (count ≤ blockSize) and
  /// returns where the result is (valid until the next evaluation).
  func evaluate(_ program: ColumnProgram, start: Int, count: Int) -> UnsafeMutablePointer<Double> {
    for instruction in program.instructions {
      switch instruction {
      case .unary(let operation, let destination, let operand):
        let out = registers + destination * Self.blockSize
        let a = pointer(operand, start)
        switch operation {
        case .negate: for i in 0..<count { out[i] = -a[i] }
        case .not: for i in 0..<count { out[i] = a[i] != 0 ? 0 : 1 }
        }
      case .binary(let operation, let destination, let lhs, let rhs):
        let out = registers + destination * Self.blockSize
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
        case .and: for i in 0..<count { out[i] = (a[i] != 0 && b[i] != 0) ? 1 : 0 }
        case .or: for i in 0..<count { out[i] = (a[i] != 0 || b[i] != 0) ? 1 : 0 }
        }
      case .extremum(let minimum, let destination, let lhs, let rhs):
        let out = registers + destination * Self.blockSize
        let a = pointer(lhs, start)
        let b = pointer(rhs, start)
        if minimum {
          for i in 0..<count { out[i] = b[i] < a[i] ? b[i] : a[i] }
        } else {
          for i in 0..<count { out[i] = b[i] > a[i] ? b[i] : a[i] }
        }
      case .function(let function, let destination, let operand):
        let out = registers + destination * Self.blockSize
        let a = pointer(operand, start)
        switch function {
        case .exp: for i in 0..<count { out[i] = DeterministicMath.exp(a[i]) }
        case .log: for i in 0..<count { out[i] = DeterministicMath.log(a[i]) }
        case .sqrt: for i in 0..<count { out[i] = a[i].squareRoot() }
        case .abs: for i in 0..<count { out[i] = Swift.abs(a[i]) }
        case .floor: for i in 0..<count { out[i] = a[i].rounded(.down) }
        case .round: for i in 0..<count { out[i] = a[i].rounded(.toNearestOrAwayFromZero) }
        case .min, .max: for i in 0..<count { out[i] = a[i] }
        }
      case .select(let destination, let condition, let whenTrue, let whenFalse):
        let out = registers + destination * Self.blockSize
        let c = pointer(condition, start)
        let a = pointer(whenTrue, start)
        let b = pointer(whenFalse, start)
        for i in 0..<count { out[i] = c[i] != 0 ? a[i] : b[i] }
      case .uniform(let destination, let stream):
        let out = UnsafeMutableBufferPointer(start: registers + destination * Self.blockSize, count: count)
        random.fillUniforms(replication: replication, firstHousehold: start, yearIndex: yearIndex, purpose: stream, into: out)
      case .normal(let destination, let stream):
        let out = UnsafeMutableBufferPointer(start: registers + destination * Self.blockSize, count: count)
        random.fillStandardNormals(replication: replication, firstHousehold: start, yearIndex: yearIndex, purpose: stream, into: out)
      case .categorical(let destination, let operand, let cumulative, let values):
        let out = registers + destination * Self.blockSize
        let u = pointer(operand, start)
        for i in 0..<count {
          var k = 0
          while u[i] >= cumulative[k] { k += 1 }
          out[i] = values[k]
        }
      }
    }
    return pointer(program.result, start)
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

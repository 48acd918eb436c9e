/// Finds, in a replayed replication, the first NaN or infinity that entered a household's
/// state, and the setting that computed it.
///
/// Why: a run only notices a non-finite value when it reaches a metric, after it has spread
/// through later arithmetic. `SimulationRunner.traceNonFinite` replays that one replication
/// with a watch installed in `HouseholdColumns`, which sees the output of every program
/// evaluation (and every attribute update) per block, in the order the year cycle runs them.
/// Ordinary runs have no watch and pay one nil check per program evaluation per block.
///
/// A setting may compute a non-finite value for a household that it does not affect (a
/// shock's cost for a household the shock does not hit); such values are only candidates.
/// The origin is the first moment a household column (income, disposable income, any
/// attribute or registry column) becomes non-finite: the setting is the household's first
/// candidate (or the update itself, `x /= 0`; or, when no setting computed a non-finite
/// value, the last setting evaluated before it appeared), the year is when that happened.
final class NonFiniteWatch {
  /// A non-finite value and where it was computed.
  struct Sighting: Equatable {
    /// `ColumnProgram.id` of the setting (-1: computed by the year cycle itself).
    var program: Int
    /// Whether it appeared when an attribute was updated with the program's value (`x /= y`)
    /// rather than in the value itself.
    var isUpdate: Bool
    /// Whether no setting computed it: it appeared in the year cycle's own arithmetic (e.g.
    /// `income · exp(growth)` overflowing) after `program`, the last setting evaluated.
    var isAfter = false
    /// Household index (0-based, in household order).
    var household: Int
    /// `HouseholdColumns.yearIndex`: 0 while the population is drawn, then 1 for the first year.
    var yearIndex: UInt32
    /// NaN, +∞ or −∞.
    var value: Double
  }

  /// The first non-finite value in a household's state, once seen.
  private(set) var origin: Sighting?
  /// The first non-finite program output per household.
  private var candidates: [Int: Sighting] = [:]
  /// The first non-finite program output of all.
  private(set) var earliest: Sighting?
  /// The last program evaluated (-1 before the first).
  private var lastProgram = -1

  /// What the replay found: the origin, else the first non-finite setting value.
  var result: Sighting? { origin ?? earliest }

  /// Notes a program's output for a block, after checking the block's state for values
  /// that became non-finite since the last check.
  /// - Complexity: O(count × columns) until the origin is found, O(1) after.
  func inspect(program: Int, values: UnsafeMutablePointer<Double>, start: Int, count: Int, in columns: HouseholdColumns) {
    guard origin == nil else { return }
    checkState(start: start, count: count, in: columns)
    guard origin == nil else { return }
    lastProgram = program
    for i in 0..<count where !values[i].isFinite && candidates[start + i] == nil {
      let sighting = Sighting(program: program, isUpdate: false, household: start + i, yearIndex: columns.yearIndex, value: values[i])
      candidates[start + i] = sighting
      if earliest == nil { earliest = sighting }
    }
  }

  /// Notes an attribute just updated with a program's value.
  func inspect(update program: Int, values: UnsafeMutablePointer<Double>, start: Int, count: Int, in columns: HouseholdColumns) {
    guard origin == nil else { return }
    for i in 0..<count where !values[i].isFinite {
      found(household: start + i, program: program, isUpdate: true, value: values[i], yearIndex: columns.yearIndex)
      return
    }
    checkState(start: start, count: count, in: columns)
  }

  private func checkState(start: Int, count: Int, in columns: HouseholdColumns) {
    for index in 0..<columns.columnCount {
      let column = columns.column(index, from: start)
      for i in 0..<count where !column[i].isFinite {
        found(household: start + i, program: -1, isUpdate: false, value: column[i], yearIndex: columns.yearIndex)
        return
      }
    }
  }

  private func found(household: Int, program: Int, isUpdate: Bool, value: Double, yearIndex: UInt32) {
    if var candidate = candidates[household] {
      candidate.yearIndex = yearIndex
      origin = candidate
    } else if program >= 0 {
      origin = Sighting(program: program, isUpdate: isUpdate, household: household, yearIndex: yearIndex, value: value)
    } else {
      origin = Sighting(program: lastProgram, isUpdate: false, isAfter: true, household: household, yearIndex: yearIndex, value: value)
    }
  }
}

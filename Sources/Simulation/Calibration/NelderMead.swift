/// Minimises a function of several variables without derivatives (Nelder–Mead simplex).
///
/// Why: the calibration objective is a Monte Carlo estimate, piecewise constant in places
/// and without usable derivatives; with common random numbers it is deterministic, which is
/// what the simplex method needs.
///
/// Coefficients are the standard ones (reflection 1, expansion 2, contraction ½, shrink ½).
/// The initial simplex is the start point and, for each coordinate, the start moved by
/// `step` along it. The search stops when the spread of function values over the simplex is
/// at most `tolerance` (absolute) and the simplex's extent in every coordinate is at most
/// `tolerance`, or after `maximumEvaluations`.
///
/// Determinism: a pure function of its inputs and of `f` (ties broken by vertex order).
public struct NelderMead: Sendable {
  /// Stopping tolerance on the spread of values and of coordinates.
  public var tolerance: Double
  /// Largest number of function evaluations.
  public var maximumEvaluations: Int

  /// The outcome of a minimisation.
  public struct Result: Sendable, Equatable {
    /// The best point found.
    public var point: [Double]
    /// The function's value there.
    public var value: Double
    /// Evaluations made.
    public var evaluations: Int
    /// Whether the tolerance was reached (false: stopped by `maximumEvaluations`).
    public var converged: Bool
  }

  /// Creates a minimiser.
  public init(tolerance: Double = 1e-8, maximumEvaluations: Int = 2000) {
    self.tolerance = tolerance
    self.maximumEvaluations = maximumEvaluations
  }

  /// Minimises `f` from `start`, with initial steps `step` (one per coordinate, non-zero).
  /// - Complexity: at most `maximumEvaluations` calls of `f`, O(n²) work per iteration.
  public func minimise(_ f: ([Double]) -> Double, from start: [Double], step: [Double]) -> Result {
    let n = start.count
    var evaluations = 0
    func value(_ point: [Double]) -> Double {
      evaluations += 1
      let y = f(point)
      return y.isNaN ? .infinity : y
    }
    var simplex: [[Double]] = [start]
    for coordinate in 0..<n {
      var vertex = start
      vertex[coordinate] += step.indices.contains(coordinate) && step[coordinate] != 0 ? step[coordinate] : 1
      simplex.append(vertex)
    }
    var values = simplex.map(value)
    func combine(_ a: [Double], _ b: [Double], _ t: Double) -> [Double] {
      // a + t (b − a)
      zip(a, b).map { $0 + t * ($1 - $0) }
    }
    var converged = false
    while evaluations < maximumEvaluations {
      let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
      simplex = order.map { simplex[$0] }
      values = order.map { values[$0] }
      let spread = values[n] - values[0]
      var extent = 0.0
      for coordinate in 0..<n {
        let column = simplex.map { $0[coordinate] }
        extent = max(extent, (column.max() ?? 0) - (column.min() ?? 0))
      }
      if (spread <= tolerance || !spread.isFinite && values[0] == values[n]) && extent <= tolerance {
        converged = true
        break
      }
      var centroid = [Double](repeating: 0, count: n)
      for vertex in simplex[0..<n] { for coordinate in 0..<n { centroid[coordinate] += vertex[coordinate] / Double(n) } }
      let worst = simplex[n]
      let reflected = combine(centroid, worst, -1)
      let reflectedValue = value(reflected)
      if reflectedValue < values[0] {
        let expanded = combine(centroid, worst, -2)
        let expandedValue = value(expanded)
        if expandedValue < reflectedValue {
          simplex[n] = expanded
          values[n] = expandedValue
        } else {
          simplex[n] = reflected
          values[n] = reflectedValue
        }
      } else if reflectedValue < values[n - 1] {
        simplex[n] = reflected
        values[n] = reflectedValue
      } else {
        let outside = reflectedValue < values[n]
        let contracted = combine(centroid, outside ? reflected : worst, 0.5)
        let contractedValue = value(contracted)
        if contractedValue < (outside ? reflectedValue : values[n]) {
          simplex[n] = contracted
          values[n] = contractedValue
        } else {
          for index in 1...n {
            simplex[index] = combine(simplex[0], simplex[index], 0.5)
            values[index] = value(simplex[index])
          }
        }
      }
    }
    let best = values.indices.min { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) } ?? 0
    return Result(point: simplex[best], value: values[best], evaluations: evaluations, converged: converged)
  }
}

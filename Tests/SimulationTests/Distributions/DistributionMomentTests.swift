import XCTest

@testable import Simulation

/// The population's draws have the moments of their distributions.
///
/// Each scenario draws an attribute `x` for 200,000 one-person households in one year with
/// nothing else happening. Option `draw` sets `income = x`, so `mean_income` is the sample
/// mean; option `square` sets `income = (x − μ)²`, so `mean_income` estimates the variance
/// σ². Both options use the same draws (common random numbers). Each estimate must be
/// within 5 standard errors of theory: SE(mean) = σ/√n, SE(mean of (x − μ)²) =
/// √((μ₄ − σ⁴)/n) with μ₄ the fourth central moment.
final class DistributionMomentTests: XCTestCase {
  static let households = 200_000

  /// Theoretical moments of a distribution.
  struct Moments {
    var mean: Double
    var variance: Double
    /// Fourth central moment.
    var fourth: Double
  }

  private func check(
    _ draw: String, _ theory: Moments, seed: Int = 11, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    let text = """
      scenario "moments" {
        years 2016 to 2016
        replications 1
        seed \(seed)
        poverty_line 1 yuan per person per year
        population \(Self.households) households {
          x ~ \(draw)
          income = x
          size = 1
        }
        option draw {}
        option square { population.income = (x - \(theory.mean)) * (x - \(theory.mean)) }
      }
      """
    let results = try ScenarioRun.results(text, threads: 2)
    let n = Double(Self.households)
    let mean = results.value("mean_income", year: 2016, option: "draw", file: file, line: line)
    let meanSE = (theory.variance / n).squareRoot()
    XCTAssertLessThanOrEqual(
      abs(mean - theory.mean), 5 * meanSE,
      "\(draw): mean \(mean), theory \(theory.mean) ± \(meanSE)", file: file, line: line)
    let variance = results.value(
      "mean_income", year: 2016, option: "square", file: file, line: line)
    let varianceSE = ((theory.fourth - theory.variance * theory.variance) / n).squareRoot()
    XCTAssertLessThanOrEqual(
      abs(variance - theory.variance), 5 * varianceSE,
      "\(draw): variance \(variance), theory \(theory.variance) ± \(varianceSE)", file: file,
      line: line)
    // Not degenerate: the estimate has a spread the tolerance is meaningful against.
    XCTAssertGreaterThan(varianceSE, 0, file: file, line: line)
  }

  /// Central moments of a variable with the given raw moments E[X], E[X²], E[X³], E[X⁴].
  private func fromRaw(_ m1: Double, _ m2: Double, _ m3: Double, _ m4: Double) -> Moments {
    Moments(
      mean: m1, variance: m2 - m1 * m1,
      fourth: m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1)
  }

  func testNormal() throws {
    // N(10, 2²): variance 4, μ₄ = 3σ⁴ = 48.
    try check("normal(mean: 10, sd: 2)", Moments(mean: 10, variance: 4, fourth: 48))
  }

  func testLognormalByMedian() throws {
    // X = m·e^{σZ}, m = 3400, σ = 0.4: E[Xᵏ] = mᵏ·e^{k²σ²/2}.
    let m = 3400.0
    let s = 0.4
    let raw = (1...4).map { k in pow(m, Double(k)) * exp(Double(k * k) * s * s / 2) }
    try check("lognormal(median: 3400, sigma: 0.4)", fromRaw(raw[0], raw[1], raw[2], raw[3]))
  }

  func testLognormalByMean() throws {
    // X = M·e^{σZ − σ²/2}, M = 5000, σ = 0.3: E[Xᵏ] = Mᵏ·e^{k(k−1)σ²/2}; mean M.
    let m = 5000.0
    let s = 0.3
    let raw = (1...4).map { k in pow(m, Double(k)) * exp(Double(k * (k - 1)) * s * s / 2) }
    XCTAssertEqual(raw[0], 5000)
    try check("lognormal(mean: 5000, sigma: 0.3)", fromRaw(raw[0], raw[1], raw[2], raw[3]))
  }

  func testUniform() throws {
    // U(2, 8): mean 5, variance 6²/12 = 3, μ₄ = 6⁴/80 = 16.2.
    try check("uniform(2, 8)", Moments(mean: 5, variance: 3, fourth: 16.2))
  }

  func testCategorical() throws {
    // P(1) = 20%, P(2) = 50%, P(5) = 30%: mean 0.2 + 1 + 1.5 = 2.7.
    let values: [Double] = [1, 2, 5]
    let p = [0.2, 0.5, 0.3]
    let mean = zip(values, p).map { $0 * $1 }.reduce(0, +)
    let variance = zip(values, p).map { pow($0 - mean, 2) * $1 }.reduce(0, +)
    let fourth = zip(values, p).map { pow($0 - mean, 4) * $1 }.reduce(0, +)
    XCTAssertEqual(mean, 2.7, accuracy: 1e-12)
    try check(
      "categorical(1: 20%, 2: 50%, 5: 30%)", Moments(mean: mean, variance: variance, fourth: fourth)
    )
  }

  func testBernoulli() throws {
    // A 0/1 draw with p = 30%: mean p, and (x − p)² has variance
    // E[(x − p)⁴] − (p(1 − p))² with E[(x − p)⁴] = p(1 − p)⁴ + (1 − p)p⁴.
    let text = """
      scenario "bernoulli" {
        years 2016 to 2016
        replications 1
        seed 11
        poverty_line 1 yuan per person per year
        population \(Self.households) households {
          x ~ bernoulli(30%)
          income = x
          size = 1
        }
      }
      """
    let results = try ScenarioRun.results(text, threads: 2)
    let n = Double(Self.households)
    let share = results.value("mean_income", year: 2016)
    XCTAssertLessThanOrEqual(abs(share - 0.3), 5 * (0.3 * 0.7 / n).squareRoot(), "share \(share)")
    // Every value is 0 or 1: the median of persons is 0 when fewer than half are 1.
    XCTAssertEqual(results.value("median_income", year: 2016), 0)
  }

  func testBernoulliAttributeAsACondition() throws {
    // `ill ~ bernoulli(30%)` is a condition: households with it take part in a subsidy.
    let text = """
      scenario "bernoulli condition" {
        years 2016 to 2016
        replications 1
        seed 11
        poverty_line 1 yuan per person per year
        population \(Self.households) households {
          ill ~ bernoulli(30%)
          income = 1
          size = 1
        }
        programme subsidy count { amount 1 yuan per household  eligible when ill }
      }
      """
    let results = try ScenarioRun.results(text, threads: 2)
    let n = Double(Self.households)
    let share = results.value("participants_count", year: 2016) / n
    XCTAssertLessThanOrEqual(abs(share - 0.3), 5 * (0.3 * 0.7 / n).squareRoot(), "share \(share)")
    // Each participant is paid 1 yuan.
    XCTAssertEqual(
      results.value("cost_count", year: 2016), results.value("participants_count", year: 2016))
  }

  func testGroupShares() throws {
    // Group membership is a categorical draw with the groups' shares.
    let text = """
      scenario "groups" {
        years 2016 to 2016
        replications 1
        seed 11
        poverty_line 1 yuan per person per year
        population \(Self.households) households {
          group remote share 30% { income = 1 }
          group plain share 70% { income = 2 }
          size = 1
        }
      }
      """
    let results = try ScenarioRun.results(text, threads: 2)
    // mean income = 1 · s + 2 · (1 − s) = 2 − s, s the realised remote share.
    let share = 2 - results.value("mean_income", year: 2016)
    let n = Double(Self.households)
    XCTAssertLessThanOrEqual(abs(share - 0.3), 5 * (0.3 * 0.7 / n).squareRoot(), "share \(share)")
  }

  func testDifferentAttributesAreIndependentDraws() throws {
    // Two uniforms on (0, 1): the mean of their product is 1/4 when independent (1/3 if
    // they were the same draw). Var(UV) = E[U²V²] − 1/16 = 1/9 − 1/16 = 7/144.
    let text = """
      scenario "independence" {
        years 2016 to 2016
        replications 1
        seed 11
        poverty_line 1 yuan per person per year
        population \(Self.households) households {
          u ~ uniform(0, 1)
          v ~ uniform(0, 1)
          income = u * v
          size = 1
        }
      }
      """
    let results = try ScenarioRun.results(text, threads: 2)
    let mean = results.value("mean_income", year: 2016)
    XCTAssertLessThanOrEqual(
      abs(mean - 0.25), 5 * (7.0 / 144 / Double(Self.households)).squareRoot(), "E[UV] \(mean)")
  }
}

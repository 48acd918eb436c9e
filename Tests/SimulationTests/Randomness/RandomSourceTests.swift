import XCTest

@testable import Simulation

final class RandomSourceTests: XCTestCase {
  private let source = RandomSource(seed: 0x0123_4567_89ab_cdef)

  /// Draws `count` values for households 0..<count with the block API.
  private func uniforms(
    _ count: Int, purpose: UInt32 = 17, replication: UInt32 = 3,
    yearIndex: UInt32 = 2, firstHousehold: Int = 0
  ) -> [Double] {
    var values = [Double](repeating: 0, count: count)
    values.withUnsafeMutableBufferPointer {
      source.fillUniforms(
        replication: replication, firstHousehold: firstHousehold,
        yearIndex: yearIndex, purpose: purpose, into: $0)
    }
    return values
  }

  private func normals(_ count: Int) -> [Double] {
    var values = [Double](repeating: 0, count: count)
    values.withUnsafeMutableBufferPointer {
      source.fillStandardNormals(
        replication: 1, firstHousehold: 0, yearIndex: 0,
        purpose: 5, into: $0)
    }
    return values
  }

  /// Sample central moments: mean, variance (n denominator), skewness, excess kurtosis.
  private func moments(_ x: [Double]) -> (
    mean: Double, variance: Double, skew: Double,
    excessKurtosis: Double
  ) {
    let n = Double(x.count)
    let mean = x.reduce(0, +) / n
    var m2 = 0.0, m3 = 0.0, m4 = 0.0
    for v in x {
      let d = v - mean
      m2 += d * d; m3 += d * d * d; m4 += d * d * d * d
    }
    m2 /= n; m3 /= n; m4 /= n
    return (mean, m2, m3 / (m2 * m2.squareRoot()), m4 / (m2 * m2) - 3)
  }

  private func correlation(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Double {
    let n = Double(a.count)
    let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
    var sab = 0.0, saa = 0.0, sbb = 0.0
    for (x, y) in zip(a, b) {
      sab += (x - ma) * (y - mb); saa += (x - ma) * (x - ma); sbb += (y - mb) * (y - mb)
    }
    return sab / (saa * sbb).squareRoot()
  }

  func testSeedIsSplitIntoLowAndHighWords() {
    XCTAssertEqual(RandomSource(seed: 0x0000_0001_0000_0002).philox.key, SIMD2(2, 1))
    XCTAssertEqual(source.philox.key, SIMD2(0x89ab_cdef, 0x0123_4567))
  }

  func testCounterLayout() {
    let words = source.words(replication: 4, household: 1, yearIndex: 2, purpose: 3)
    XCTAssertEqual(words, source.philox.block(SIMD4(1, 2, 3, 4)))
  }

  func testUniformConstructionAndExtremes() {
    XCTAssertEqual(RandomSource.uniform(from: SIMD4(0, 0, 0, 0)), 0x1p-53)
    XCTAssertEqual(RandomSource.uniform(from: SIMD4(.max, .max, 0, 0)), 1 - 0x1p-53)
    XCTAssertEqual(RandomSource.uniform(from: SIMD4(0x8000_0000, 0, 0, 0)), 0.5 + 0x1p-53)
    // Bits of y below the top 20 and all of z, w are unused.
    XCTAssertEqual(
      RandomSource.uniform(from: SIMD4(5, 0x0000_0fff, 9, 9)),
      RandomSource.uniform(from: SIMD4(5, 0, 0, 0)))
    XCTAssertTrue(
      InverseNormal.quantile(RandomSource.uniform(from: SIMD4(.max, .max, 0, 0)))
        .isFinite)
  }

  func testScalarAndBlockVersionsAreBitIdentical() {
    for (first, count) in [(0, 1), (0, 257), (1000, 64), (4_000_000_000, 10)] {
      var u = [Double](repeating: 0, count: count)
      var z = [Double](repeating: 0, count: count)
      u.withUnsafeMutableBufferPointer {
        source.fillUniforms(
          replication: 9, firstHousehold: first, yearIndex: 3,
          purpose: 77, into: $0)
      }
      z.withUnsafeMutableBufferPointer {
        source.fillStandardNormals(
          replication: 9, firstHousehold: first, yearIndex: 3,
          purpose: 77, into: $0)
      }
      for i in 0..<count {
        let household = UInt32(first + i)
        let su = source.uniform(
          replication: 9, household: household, yearIndex: 3,
          purpose: 77)
        let sz = source.standardNormal(
          replication: 9, household: household,
          yearIndex: 3, purpose: 77)
        XCTAssertEqual(u[i].bitPattern, su.bitPattern, "uniform household \(household)")
        XCTAssertEqual(z[i].bitPattern, sz.bitPattern, "normal household \(household)")
      }
    }
    // Empty buffers are fine.
    var empty: [Double] = []
    empty.withUnsafeMutableBufferPointer {
      source.fillUniforms(
        replication: 0, firstHousehold: 0, yearIndex: 0, purpose: 0,
        into: $0)
    }
    XCTAssertTrue(empty.isEmpty)
  }

  func testDeterminism() {
    let again = RandomSource(seed: 0x0123_4567_89ab_cdef)
    for household in UInt32(0)..<100 {
      XCTAssertEqual(
        source.uniform(replication: 1, household: household, yearIndex: 2, purpose: 3)
          .bitPattern,
        again.uniform(replication: 1, household: household, yearIndex: 2, purpose: 3)
          .bitPattern)
    }
    XCTAssertEqual(uniforms(1000), uniforms(1000))
    XCTAssertNotEqual(
      RandomSource(seed: 1).words(
        replication: 0, household: 0, yearIndex: 0,
        purpose: 0),
      RandomSource(seed: 2).words(
        replication: 0, household: 0, yearIndex: 0,
        purpose: 0))
  }

  func testUniformMomentsOverOneMillionDraws() {
    let n = 1_000_000
    let u = uniforms(n)
    XCTAssertTrue(u.allSatisfy { $0 > 0 && $0 < 1 })
    let m = moments(u)
    // se(mean) = sqrt(1/12/n); se(variance) = sqrt((1/80 − 1/144)/n) = sqrt(1/(180 n)).
    XCTAssertEqual(m.mean, 0.5, accuracy: 5 * (1.0 / 12 / Double(n)).squareRoot())
    XCTAssertEqual(m.variance, 1.0 / 12, accuracy: 5 * (1.0 / 180 / Double(n)).squareRoot())
    // Coarse histogram: 10 bins, each expected n/10, sd sqrt(n · 0.1 · 0.9).
    var bins = [Int](repeating: 0, count: 10)
    for v in u { bins[min(9, Int(v * 10))] += 1 }
    let binSD = (Double(n) * 0.09).squareRoot()
    for (index, count) in bins.enumerated() {
      XCTAssertEqual(Double(count), Double(n) / 10, accuracy: 5 * binSD, "bin \(index)")
    }
  }

  func testNormalMomentsOverOneMillionDraws() {
    let n = 1_000_000
    let z = normals(n)
    let m = moments(z)
    let nn = Double(n)
    // Standard errors for normal data: mean 1/√n, variance √(2/n), skew √(6/n),
    // excess kurtosis √(24/n).
    XCTAssertEqual(m.mean, 0, accuracy: 5 / nn.squareRoot())
    XCTAssertEqual(m.variance, 1, accuracy: 5 * (2 / nn).squareRoot())
    XCTAssertEqual(m.skew, 0, accuracy: 5 * (6 / nn).squareRoot())
    XCTAssertEqual(m.excessKurtosis, 0, accuracy: 5 * (24 / nn).squareRoot())
    let beyond196 = z.filter { abs($0) > 1.959963984540054 }.count
    XCTAssertEqual(Double(beyond196) / nn, 0.05, accuracy: 5 * (0.05 * 0.95 / nn).squareRoot())
  }

  func testAdjacentCellsAreUncorrelated() {
    let n = 200_000
    let bound = 5 / Double(n).squareRoot()
    let u = uniforms(n + 1)
    XCTAssertEqual(correlation(u[0..<n], u[1...n]), 0, accuracy: bound, "adjacent households")
    let nextYear = uniforms(n, yearIndex: 3)
    XCTAssertEqual(correlation(u[0..<n], nextYear[0..<n]), 0, accuracy: bound, "adjacent years")
    let nextReplication = uniforms(n, replication: 4)
    XCTAssertEqual(
      correlation(u[0..<n], nextReplication[0..<n]), 0, accuracy: bound,
      "adjacent replications")
  }

  func testDifferentPurposesGiveDifferentStreams() {
    let n = 200_000
    let wage = uniforms(n, purpose: RandomSource.purpose("wage-shock"))
    let takeup = uniforms(n, purpose: RandomSource.purpose("benefit-takeup"))
    XCTAssertNotEqual(wage, takeup)
    let equalCount = zip(wage, takeup).filter { $0 == $1 }.count
    XCTAssertEqual(equalCount, 0)
    XCTAssertEqual(
      correlation(wage[...], takeup[...]), 0,
      accuracy: 5 / Double(n).squareRoot())
  }

  /// FNV-1a 32-bit reference values (the standard FNV test vectors for "", "a", "foobar";
  /// "wage-shock" computed independently in Python).
  func testPurposeHashIsFNV1a() {
    let table: [(String, UInt32)] = [
      ("", 0x811c_9dc5), ("a", 0xe40c_292c), ("foobar", 0xbf9c_f968),
      ("wage-shock", 0x8187_6426),
    ]
    for (name, expected) in table {
      XCTAssertEqual(RandomSource.purpose(name), expected, "purpose(\"\(name)\")")
    }
    XCTAssertNotEqual(RandomSource.purpose("wage-shock"), RandomSource.purpose("wage-shocks"))
  }

  func testStandardNormalIsMonotoneInUniform() {
    let count = 10_000
    var u = [Double](repeating: 0, count: count)
    var z = [Double](repeating: 0, count: count)
    u.withUnsafeMutableBufferPointer {
      source.fillUniforms(
        replication: 0, firstHousehold: 0, yearIndex: 0, purpose: 1,
        into: $0)
    }
    z.withUnsafeMutableBufferPointer {
      source.fillStandardNormals(
        replication: 0, firstHousehold: 0, yearIndex: 0,
        purpose: 1, into: $0)
    }
    let order = (0..<count).sorted { u[$0] < u[$1] }
    for k in 1..<count {
      XCTAssertLessThanOrEqual(z[order[k - 1]], z[order[k]])
    }
  }
}

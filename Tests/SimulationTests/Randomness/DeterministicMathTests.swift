import ScenarioLanguage
import XCTest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

final class DeterministicMathTests: XCTestCase {
  /// SplitMix64: deterministic test inputs built from integer operations only.
  private struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) on the grid 2^-53.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [lower, upper).
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
      lower + (upper - lower) * unit()
    }

    /// A positive double with a uniformly drawn binary exponent in `exponents` and a
    /// uniformly drawn significand, i.e. log-uniform over the range.
    mutating func logUniform(exponents: ClosedRange<Int>) -> Double {
      let span = UInt64(exponents.upperBound - exponents.lowerBound + 1)
      let exponent = exponents.lowerBound + Int(next() % span)
      return Double(sign: .plus, exponent: exponent, significand: 1 + unit())
    }
  }

  /// The number of representable doubles from `a` to `b` (0 when equal, also for +0 and −0).
  private func ulpDistance(_ a: Double, _ b: Double) -> UInt64 {
    func key(_ x: Double) -> Int64 {
      let bits = Int64(bitPattern: x.bitPattern)
      return bits >= 0 ? bits : Int64.min &- bits
    }
    let difference = key(a).subtractingReportingOverflow(key(b))
    return difference.overflow ? .max : difference.partialValue.magnitude
  }

  // MARK: - Special values

  func testExpSpecialValues() {
    XCTAssertTrue(DeterministicMath.exp(.nan).isNaN)
    XCTAssertTrue(DeterministicMath.exp(-.nan).isNaN)
    XCTAssertTrue(DeterministicMath.exp(.signalingNaN).isNaN)
    XCTAssertEqual(DeterministicMath.exp(.infinity), .infinity)
    XCTAssertEqual(DeterministicMath.exp(-.infinity).bitPattern, 0)  // +0
    XCTAssertEqual(DeterministicMath.exp(0).bitPattern, (1.0).bitPattern)
    XCTAssertEqual(DeterministicMath.exp(-0.0).bitPattern, (1.0).bitPattern)
    XCTAssertEqual(DeterministicMath.exp(.leastNonzeroMagnitude), 1)
    XCTAssertEqual(DeterministicMath.exp(-.leastNonzeroMagnitude), 1)
    // Overflow threshold: 709.782712893384 is the largest double with a finite result.
    XCTAssertEqual(DeterministicMath.exp(709.782712893384).bitPattern, 0x7FEF_FFFF_FFFF_FF2A)
    XCTAssertEqual(DeterministicMath.exp((709.782712893384).nextUp), .infinity)
    XCTAssertEqual(DeterministicMath.exp(709.79), .infinity)
    XCTAssertEqual(DeterministicMath.exp(1000), .infinity)
    XCTAssertEqual(DeterministicMath.exp(.greatestFiniteMagnitude), .infinity)
    // Underflow: results round once onto the subnormal grid, then to +0.
    XCTAssertEqual(DeterministicMath.exp(-745.1332191019411), .leastNonzeroMagnitude)
    XCTAssertEqual(DeterministicMath.exp(-745.1332191019412).bitPattern, 0)
    XCTAssertEqual(DeterministicMath.exp(-746).bitPattern, 0)
    XCTAssertEqual(DeterministicMath.exp(-1e300).bitPattern, 0)
    XCTAssertEqual(DeterministicMath.exp(-.greatestFiniteMagnitude).bitPattern, 0)
  }

  /// The block form (reduction vectorised, look-up after) gives the same bits as the scalar
  /// `exp` for every value: special values, both ends of the fast range, the overflow and
  /// subnormal ranges, growth-sized arguments and arbitrary bit patterns; also in place.
  func testBlockExpIsBitIdenticalToScalarExp() {
    var rng = SplitMix64(state: 0xB10C_E4F0)
    var inputs: [Double] = [
      .nan, -.nan, .signalingNaN, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
      707, -707, (707.0).nextDown, (-707.0).nextUp, 709.782712893384, (709.782712893384).nextUp, -745.1332191019411,
      -745.1332191019412, -746, 1e300, -1e300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
    ]
    for _ in 0..<3000 { inputs.append(rng.uniform(-0.6, 0.6)) }  // income growth: mean ± a few sd
    for _ in 0..<3000 { inputs.append(rng.uniform(-750, 750)) }
    for _ in 0..<3000 { inputs.append(Double(bitPattern: rng.next())) }
    var out = [Double](repeating: 0, count: inputs.count)
    for count in [inputs.count, 1, 7, 512] {
      inputs.withUnsafeBufferPointer { x in
        out.withUnsafeMutableBufferPointer { DeterministicMath.exp(x.baseAddress!, into: $0.baseAddress!, count: count) }
      }
      for i in 0..<count {
        let expected = DeterministicMath.exp(inputs[i])
        XCTAssertTrue(
          out[i].bitPattern == expected.bitPattern || (out[i].isNaN && expected.isNaN), "exp(\(inputs[i])): \(out[i]) ≠ \(expected)")
      }
    }
    var inPlace = inputs
    inPlace.withUnsafeMutableBufferPointer { DeterministicMath.exp($0.baseAddress!, into: $0.baseAddress!, count: $0.count) }
    for i in inputs.indices {
      let expected = DeterministicMath.exp(inputs[i])
      XCTAssertTrue(inPlace[i].bitPattern == expected.bitPattern || (inPlace[i].isNaN && expected.isNaN), "in place, exp(\(inputs[i]))")
    }
  }

  func testLogSpecialValues() {
    XCTAssertTrue(DeterministicMath.log(.nan).isNaN)
    XCTAssertTrue(DeterministicMath.log(.signalingNaN).isNaN)
    XCTAssertTrue(DeterministicMath.log(-1).isNaN)
    XCTAssertTrue(DeterministicMath.log(-.leastNonzeroMagnitude).isNaN)
    XCTAssertTrue(DeterministicMath.log(-.infinity).isNaN)
    XCTAssertEqual(DeterministicMath.log(0), -.infinity)
    XCTAssertEqual(DeterministicMath.log(-0.0), -.infinity)
    XCTAssertEqual(DeterministicMath.log(.infinity), .infinity)
    XCTAssertEqual(DeterministicMath.log(1).bitPattern, 0)  // +0 exactly
    XCTAssertEqual(
      DeterministicMath.log(.leastNonzeroMagnitude).bitPattern,
      0xC087_4385_446D_71C3)  // −744.4400719213812
    XCTAssertEqual(
      DeterministicMath.log(.leastNormalMagnitude).bitPattern,
      0xC086_232B_DD7A_BCD2)  // −708.3964185322641
    XCTAssertEqual(
      DeterministicMath.log(.greatestFiniteMagnitude).bitPattern,
      0x4086_2E42_FEFA_39EF)  // 709.782712893384
    for power in -1074...1023 {
      let x = Double(sign: .plus, exponent: power, significand: 1)
      XCTAssertEqual(
        DeterministicMath.log(x), Double(power) * 0.6931471805599453,
        accuracy: abs(Double(power)) * 0x1p-52, "log(2^\(power))")
    }
  }

  // MARK: - Correct rounding on known values

  /// Correctly rounded results: mpmath at 400 bits, rounded to double via `fractions.Fraction`.
  private let expKnownValues: [(x: Double, bits: UInt64)] = [
    (1.0, 0x4005_BF0A_8B14_5769),  // 2.718281828459045
    (-1.0, 0x3FD7_8B56_362C_EF38),  // 0.36787944117144233
    (0.5, 0x3FFA_6129_8E1E_069C),  // 1.6487212707001282
    (-0.5, 0x3FE3_68B2_FC6F_960A),  // 0.6065306597126334
    (2.0, 0x401D_8E64_B8D4_DDAE),  // 7.38905609893065
    (3.0, 0x4034_15E5_BF6F_B106),  // 20.085536923187668
    (10.0, 0x40D5_829D_CF95_0560),  // 22026.465794806718
    (-10.0, 0x3F07_CD79_B564_7C9B),  // 4.5399929762484854e-05
    (0.1, 0x3FF1_AEC7_B35A_00D4),  // 1.1051709180756477
    (1e-10, 0x3FF0_0000_0006_DF38),  // 1.0000000001
    (0.6931471805599453, 0x4000_0000_0000_0000),  // 2.0
    (100.0, 0x48F3_494A_9B17_1BF5),  // 2.6881171418161356e+43
    (-100.0, 0x36EA_8C1F_14E2_AF5D),  // 3.720075976020836e-44
    (700.0, 0x7F0D_945D_F4F8_EC8E),  // 1.0142320547350045e+304
    (-700.0, 0x00D1_4F2B_0FB9_307F),  // 9.85967654375977e-305
    (-708.5, 0x000E_6CF6_D088_97AC),  // 2.006132305331306e-308 (subnormal)
    (-720.0, 0x0000_0009_93B4_DC95),  // 2.0322308024e-313
    (-740.0, 0x0000_0000_0000_0055),  // 4.2e-322
    (-745.0, 0x0000_0000_0000_0001),  // 5e-324
  ]

  private let logKnownValues: [(x: Double, bits: UInt64)] = [
    (2.0, 0x3FE6_2E42_FEFA_39EF),  // 0.6931471805599453
    (10.0, 0x4002_6BB1_BBB5_5516),  // 2.302585092994046
    (0.1, 0xC002_6BB1_BBB5_5515),  // -2.3025850929940455
    (3.0, 0x3FF1_93EA_7AAD_030B),  // 1.0986122886681098
    (7.0, 0x3FFF_2272_AE32_5A57),  // 1.9459101490553132
    (0.5, 0xBFE6_2E42_FEFA_39EF),  // -0.6931471805599453
    (1.5, 0x3FD9_F323_ECBF_984C),  // 0.4054651081081644
    (2.718281828459045, 0x3FF0_0000_0000_0000),  // 1.0
    (1e-300, 0xC085_9634_47F8_7FB5),  // -690.7755278982137
    (1e300, 0x4085_9634_47F8_7FB5),  // 690.7755278982137
    (Double(bitPattern: 0x0000_1268_8B70_E62B), 0xC086_4E69_394D_9508),  // x = 1e-310
    (1.0000001, 0x3E7A_D7F2_847B_6492),  // 9.999999505838704e-08
    (0.9999999, 0xBE7A_D7F2_B104_9B9F),  // -1.0000000494736474e-07
    (1.0000000000000002, 0x3CAF_FFFF_FFFF_FFFF),  // 2.2204460492503128e-16
    (0.9999999999999999, 0xBCA0_0000_0000_0000),  // -1.1102230246251565e-16
  ]

  func testExpKnownValuesAreCorrectlyRounded() {
    for (x, bits) in expKnownValues {
      let y = DeterministicMath.exp(x)
      XCTAssertEqual(
        y.bitPattern, bits,
        "exp(\(x)) = \(y), expected \(Double(bitPattern: bits))")
    }
  }

  func testLogKnownValuesAreCorrectlyRounded() {
    for (x, bits) in logKnownValues {
      let y = DeterministicMath.log(x)
      XCTAssertEqual(
        y.bitPattern, bits,
        "log(\(x)) = \(y), expected \(Double(bitPattern: bits))")
    }
  }

  // MARK: - Agreement with the C library

  /// Compares `ours` with `reference` on `inputs`: every result within 1 ulp, and more than
  /// 99% bit-identical. Prints the identical fraction.
  private func assertAgreement(
    _ name: String, _ inputs: [Double],
    _ ours: (Double) -> Double, _ reference: (Double) -> Double,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    var identical = 0
    var maxDistance: UInt64 = 0
    var failures: [String] = []
    for x in inputs {
      let got = ours(x)
      let expected = reference(x)
      if got.bitPattern == expected.bitPattern {
        identical += 1
        continue
      }
      let distance = ulpDistance(got, expected)
      maxDistance = max(maxDistance, distance)
      if distance > 1 && failures.count < 5 {
        failures.append("\(name)(\(x)) = \(got), C library \(expected)")
      }
    }
    let fraction = Double(identical) / Double(inputs.count)
    print(
      "\(name): \(inputs.count) inputs, \(identical) bit-identical to the C library "
        + "(\(fraction * 100)%), max distance \(maxDistance) ulp")
    XCTAssertLessThanOrEqual(
      maxDistance, 1, failures.joined(separator: "; "),
      file: file, line: line)
    XCTAssertGreaterThan(
      fraction, 0.99, "\(name): bit-identical fraction", file: file,
      line: line)
  }

  /// 10^6 arguments over [-745.2, 709.79], denser in [-20, 20], with the overflow and
  /// subnormal ends and tiny arguments sampled on their own.
  private func expInputs() -> [Double] {
    var rng = SplitMix64(state: 0xE4F0_0001)
    var inputs: [Double] = []
    inputs.reserveCapacity(1_000_000)
    for _ in 0..<400_000 { inputs.append(rng.uniform(-20, 20)) }
    for _ in 0..<300_000 { inputs.append(rng.uniform(-745.2, 709.79)) }
    for _ in 0..<100_000 { inputs.append(rng.uniform(-745.2, -700)) }
    for _ in 0..<100_000 { inputs.append(rng.uniform(700, 709.79)) }
    for _ in 0..<100_000 {
      let x = rng.logUniform(exponents: -60...(-2))
      inputs.append(rng.next() & 1 == 0 ? x : -x)
    }
    return inputs
  }

  /// 10^6 arguments: subnormals, log-uniform over [1e-300, 1e300], near 1, and arbitrary
  /// positive bit patterns.
  private func logInputs() -> [Double] {
    var rng = SplitMix64(state: 0x106_0002)
    var inputs: [Double] = []
    inputs.reserveCapacity(1_000_000)
    for _ in 0..<100_000 {
      inputs.append(Double(bitPattern: 1 + rng.next() % 0x000F_FFFF_FFFF_FFFF))
    }
    for _ in 0..<400_000 { inputs.append(rng.logUniform(exponents: -997...996)) }
    for _ in 0..<200_000 { inputs.append(rng.uniform(0.9, 1.1)) }
    for _ in 0..<100_000 {
      let offset = rng.logUniform(exponents: -52...(-5))
      inputs.append(rng.next() & 1 == 0 ? 1 + offset : 1 - offset)
    }
    for _ in 0..<100_000 { inputs.append(rng.uniform(0.25, 4)) }
    for _ in 0..<100_000 {
      let bits = rng.next() >> 1
      let x = Double(bitPattern: bits)
      inputs.append(x.isFinite && x > 0 ? x : 1.5)
    }
    return inputs
  }

  func testExpAgreesWithCLibraryWithinOneUlp() {
    #if canImport(Glibc)
      assertAgreement("exp", expInputs(), { DeterministicMath.exp($0) }, { Glibc.exp($0) })
    #elseif canImport(Darwin)
      assertAgreement("exp", expInputs(), { DeterministicMath.exp($0) }, { Darwin.exp($0) })
    #endif
  }

  func testLogAgreesWithCLibraryWithinOneUlp() {
    #if canImport(Glibc)
      assertAgreement("log", logInputs(), { DeterministicMath.log($0) }, { Glibc.log($0) })
    #elseif canImport(Darwin)
      assertAgreement("log", logInputs(), { DeterministicMath.log($0) }, { Darwin.log($0) })
    #endif
  }

  // MARK: - Error against an extended-precision reference

  #if arch(x86_64) && canImport(Glibc)
    /// Error in ulps of `got` against a 64-bit-significand reference (itself within about
    /// 2^-11 ulp of double of the exact value).
    private func ulpError(_ got: Double, _ reference: Float80) -> Double {
      let rounded = Double(reference)
      var ulp = rounded.ulp
      if rounded.significandBitPattern == 0 && rounded.exponentBitPattern > 1
        && abs(reference) < Float80(abs(rounded))
      {
        ulp /= 2  // just below a power of two, the spacing is the lower binade's
      }
      return Double(abs(Float80(got) - reference) / Float80(ulp))
    }

    /// The design accuracy (about 0.51 ulp, i.e. almost correctly rounded), checked against
    /// `expl`/`logl` on every tenth input of the agreement tests.
    func testErrorAgainstExtendedPrecisionIsBelowPoint52Ulp() {
      var maxExpError = 0.0
      for (index, x) in expInputs().enumerated() where index % 10 == 0 {
        maxExpError = max(maxExpError, ulpError(DeterministicMath.exp(x), expl(Float80(x))))
      }
      var maxLogError = 0.0
      for (index, x) in logInputs().enumerated() where index % 10 == 0 {
        maxLogError = max(maxLogError, ulpError(DeterministicMath.log(x), logl(Float80(x))))
      }
      print("max error against expl/logl: exp \(maxExpError) ulp, log \(maxLogError) ulp")
      XCTAssertLessThan(maxExpError, 0.52)
      XCTAssertLessThan(maxLogError, 0.52)
    }
  #endif

  // MARK: - Stability

  /// A hash of 200,000 results. The functions promise the same bits on every machine and in
  /// every future version, so this value must never change; if it does, results of past
  /// runs can no longer be reproduced.
  func testOutputFingerprintIsStable() {
    var rng = SplitMix64(state: 0xF1_6E4F)
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ value: Double) {
      hash = (hash ^ value.bitPattern) &* 0x0000_0100_0000_01B3
    }
    for _ in 0..<100_000 {
      mix(DeterministicMath.exp(rng.uniform(-746, 710)))
      mix(DeterministicMath.log(Double(bitPattern: rng.next() >> 1)))
    }
    XCTAssertEqual(hash, 0xDA95_0514_B438_0087, "fingerprint 0x\(String(hash, radix: 16))")
  }
}

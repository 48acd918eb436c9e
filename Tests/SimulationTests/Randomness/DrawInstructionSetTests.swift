import XCTest

@testable import Simulation

/// The AVX2 draws (`DrawInstructionSet.avx2`) give exactly the bits of the scalar
/// `RandomSource.uniform`, for every count, tail and counter word, and write nothing past the
/// buffer; and the CPU check reads /proc/cpuinfo's flags correctly.
final class DrawInstructionSetTests: XCTestCase {
  /// Seeds: zero, all ones, and arbitrary words (the key is the seed's two halves).
  private let seeds: [UInt64] = [0, .max, 0x0123_4567_89ab_cdef, 0xDEAD_BEEF_0000_0001]
  /// First households: both ends of the 32-bit counter word, so that a fill wraps past 2^32
  /// (households are taken modulo 2^32), and a value above 2^32.
  private let firstHouseholds: [Int] = [0, 1, 7, 1000, 4_294_967_295, 4_294_967_291, 4_294_966_270, 4_294_967_299]
  /// Counts around the eight-lane steps and the 512-value blocks of the engine.
  private let counts: [Int] = [0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 255, 511, 512, 513, 1023, 1029, 1030]
  /// (year index, purpose) pairs: zero, a named stream and the largest words.
  private let cells: [(yearIndex: UInt32, purpose: UInt32)] = [(0, 0), (9, RandomSource.purpose("income-growth")), (.max, .max)]

  /// Skips the test when this CPU or OS lacks AVX2 (or PhiloxAVX2 is not built here).
  private func requireAVX2() throws {
    guard DrawInstructionSet.supported == .avx2 else {
      throw XCTSkip("this CPU or OS has no AVX2 (or PhiloxAVX2 is not built here): only the portable draws run")
    }
  }

  /// Fills `count` uniforms with `instructions` into a larger buffer of sentinels and checks
  /// every value against the scalar `uniform` and that the sentinels after it are untouched.
  private func check(
    _ source: RandomSource, replication: UInt32, firstHousehold: Int, yearIndex: UInt32,
    purpose: UInt32, count: Int, instructions: DrawInstructionSet
  ) {
    let sentinel = -1.0
    var values = [Double](repeating: sentinel, count: count + 9)
    values.withUnsafeMutableBufferPointer {
      source.fillUniforms(
        replication: replication, firstHousehold: firstHousehold, yearIndex: yearIndex, purpose: purpose,
        into: UnsafeMutableBufferPointer(rebasing: $0[0..<count]), using: instructions)
    }
    var household = UInt32(truncatingIfNeeded: firstHousehold)
    for i in 0..<count {
      let expected = source.uniform(replication: replication, household: household, yearIndex: yearIndex, purpose: purpose)
      if values[i].bitPattern != expected.bitPattern {
        XCTFail(
          "\(instructions) seed key \(source.philox.key), replication \(replication), first household \(firstHousehold), "
            + "year \(yearIndex), purpose \(purpose), count \(count): value \(i) is \(values[i]), expected \(expected)")
        return
      }
      household &+= 1
    }
    XCTAssertTrue(values[count...].allSatisfy { $0 == sentinel }, "\(instructions) wrote past \(count) values")
  }

  /// Every seed, replication, first household, year and purpose of the tables, every count
  /// of the table.
  private func checkTables(_ instructions: DrawInstructionSet) {
    for seed in seeds {
      let source = RandomSource(seed: seed)
      for replication: UInt32 in [0, 3, .max] {
        for first in firstHouseholds {
          for (yearIndex, purpose) in cells {
            for count in counts {
              check(
                source, replication: replication, firstHousehold: first, yearIndex: yearIndex, purpose: purpose, count: count,
                instructions: instructions)
            }
          }
        }
      }
    }
  }

  /// Every count from 0 to 1030 (all remainders modulo 8), starting just below 2^32.
  private func checkEveryCount(_ instructions: DrawInstructionSet) {
    let source = RandomSource(seed: 0x0123_4567_89ab_cdef)
    for count in 0...1030 {
      check(
        source, replication: 5, firstHousehold: 4_294_967_290, yearIndex: 4, purpose: 17, count: count,
        instructions: instructions)
    }
  }

  func testAVX2UniformsAreBitIdenticalToScalarUniforms() throws {
    try requireAVX2()
    checkTables(.avx2)
  }

  func testAVX2UniformsForEveryCountUpTo1030() throws {
    try requireAVX2()
    checkEveryCount(.avx2)
  }

  /// The portable path stays bit-identical too (the engine uses it where AVX2 is absent, or
  /// with POLICYSIM_PORTABLE_DRAWS=1).
  func testPortableUniformsAreBitIdenticalToScalarUniforms() {
    let source = RandomSource(seed: 0xDEAD_BEEF_0000_0001)
    for first in firstHouseholds {
      for count in counts {
        check(source, replication: 2, firstHousehold: first, yearIndex: 1, purpose: 3, count: count, instructions: .portable)
      }
    }
  }

  func testSelectedIsSupportedUnlessPortableIsForced() {
    let forced = ProcessInfo.processInfo.environment[DrawInstructionSet.portableVariable] == "1"
    XCTAssertEqual(DrawInstructionSet.selected, forced ? .portable : DrawInstructionSet.supported)
  }

  func testCPUInfoFlags() {
    let avx2 = "processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse2 avx avx2 bmi2\nbugs\t\t: none\n"
    XCTAssertEqual(DrawInstructionSet.best(cpuInfo: avx2), .avx2)
    XCTAssertEqual(DrawInstructionSet.best(cpuInfo: "flags\t\t: fpu avx2 avx512f\nflags\t\t: fpu\n"), .avx2)
    XCTAssertEqual(DrawInstructionSet.best(cpuInfo: "flags\t\t: fpu sse2 avx\n"), .portable)
    XCTAssertEqual(DrawInstructionSet.best(cpuInfo: "flags\t\t: fpu avx2x xavx2\n"), .portable)
    XCTAssertEqual(DrawInstructionSet.best(cpuInfo: ""), .portable)
    XCTAssertEqual(DrawInstructionSet.best(cpuInfo: "Features\t: fp asimd\n"), .portable)
  }
}

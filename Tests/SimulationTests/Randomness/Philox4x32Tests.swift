import XCTest

@testable import Simulation

/// Known-answer tests for Philox4x32-10 against the Random123 `kat_vectors` file.
/// Exact equality is the point here: the generator must be bit-identical to the reference.
final class Philox4x32Tests: XCTestCase {
  private struct KnownAnswer {
    let counter: SIMD4<UInt32>
    let key: SIMD2<UInt32>
    let expected: SIMD4<UInt32>
  }

  /// Random123 kat_vectors, lines "philox4x32 10 ...".
  private let knownAnswers: [KnownAnswer] = [
    KnownAnswer(
      counter: SIMD4(0, 0, 0, 0), key: SIMD2(0, 0),
      expected: SIMD4(0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8)),
    KnownAnswer(
      counter: SIMD4(0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff),
      key: SIMD2(0xffff_ffff, 0xffff_ffff),
      expected: SIMD4(0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd)),
    KnownAnswer(
      counter: SIMD4(0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344),
      key: SIMD2(0xa409_3822, 0x299f_31d0),
      expected: SIMD4(0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1)),
  ]

  func testKnownAnswerVectors() {
    for (index, vector) in knownAnswers.enumerated() {
      let output = Philox4x32(key: vector.key).block(vector.counter)
      XCTAssertEqual(output, vector.expected, "known-answer vector \(index)")
    }
  }

  func testPureFunctionOfKeyAndCounter() {
    let a = Philox4x32(key: SIMD2(7, 11))
    let b = Philox4x32(key: SIMD2(7, 11))
    let counter = SIMD4<UInt32>(1, 2, 3, 4)
    XCTAssertEqual(a.block(counter), b.block(counter))
    XCTAssertEqual(a.block(counter), a.block(counter))
  }

  func testEveryInputWordMatters() {
    let philox = Philox4x32(key: SIMD2(1, 2))
    let base = SIMD4<UInt32>(10, 20, 30, 40)
    let reference = philox.block(base)
    for lane in 0..<4 {
      var counter = base
      counter[lane] &+= 1
      XCTAssertNotEqual(philox.block(counter), reference, "counter lane \(lane)")
    }
    XCTAssertNotEqual(Philox4x32(key: SIMD2(2, 2)).block(base), reference, "key word 0")
    XCTAssertNotEqual(Philox4x32(key: SIMD2(1, 3)).block(base), reference, "key word 1")
  }

  /// Avalanche sanity: flipping one counter bit flips about half of the 128 output bits.
  func testSingleBitAvalanche() {
    let philox = Philox4x32(key: SIMD2(0xdead_beef, 0x1234_5678))
    var totalFlipped = 0
    var trials = 0
    for lane in 0..<4 {
      for bit in 0..<32 {
        let base = SIMD4<UInt32>(UInt32(bit), 99, UInt32(lane), 5)
        var flipped = base
        flipped[lane] ^= 1 << UInt32(bit)
        let difference = philox.block(base) ^ philox.block(flipped)
        for l in 0..<4 { totalFlipped += difference[l].nonzeroBitCount }
        trials += 1
      }
    }
    let meanFlipped = Double(totalFlipped) / Double(trials)
    // Binomial(128, 1/2) mean 64, sd 5.66; the mean of 128 trials has sd 0.5.
    XCTAssertEqual(meanFlipped, 64, accuracy: 2.5)
  }
}

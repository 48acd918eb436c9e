import ScenarioLanguage
import XCTest

/// `BinaryContent` tells binary files from scenarios with a few bad bytes.
final class BinaryContentTests: XCTestCase {
  private func firstBinaryByte(_ bytes: [UInt8]) -> Int? {
    BinaryContent.firstBinaryByte(in: SourceFile(path: "x", text: String(decoding: bytes, as: UTF8.self)).bytes)
  }

  func testTextIsNotBinary() {
    XCTAssertNil(firstBinaryByte(Array("scenario \"收入\" {\n\tyears 2016 to 2020\r\n}\n".utf8)))
    XCTAssertNil(firstBinaryByte([]))
  }

  func testAFewInvalidBytesAreLeftToTheLexer() {
    XCTAssertNil(firstBinaryByte(Array("size = 4 ".utf8) + [0xFF, 0xFE] + Array(" x".utf8)))
  }

  func testANulByteAnywhereIsBinary() {
    let text = Array(String(repeating: "# comment\n", count: 1000).utf8)
    XCTAssertEqual(firstBinaryByte(text + [0] + Array("x".utf8)), text.count)
  }

  func testMostlyControlCharactersAndInvalidUTF8IsBinary() {
    var generator = SplitMix(seed: 7)
    let bytes = (0..<600).map { _ in UInt8(truncatingIfNeeded: generator.next()) | 0x01 }  // no NUL
    XCTAssertNotNil(firstBinaryByte(bytes))
  }
}

/// A tiny deterministic generator for test data.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

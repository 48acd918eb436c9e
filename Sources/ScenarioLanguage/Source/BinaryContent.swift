/// Tells a binary file (an image, a spreadsheet, a compressed archive given by mistake) from
/// a scenario, so that it gets one clear error instead of hundreds of "unexpected character".
public enum BinaryContent {
  /// How much of the start of a file is inspected for control characters.
  public static let sampleBytes = 4096

  /// The offset of the first byte that shows `bytes` is binary, or nil for text: any NUL
  /// byte; or, in the first `sampleBytes`, at least 16 characters and more than a quarter
  /// of all that are control characters (other than tab, newline, carriage return, form
  /// feed) or U+FFFD (invalid UTF-8 already repaired by `SourceFile`). A few stray bad bytes
  /// in a text file are left to the lexer, which reports each.
  /// - Complexity: O(n) for the NUL scan, O(sampleBytes) for the rest.
  public static func firstBinaryByte(in bytes: [UInt8]) -> Int? {
    let nul = bytes.firstIndex(of: 0)
    let sample = bytes.prefix(sampleBytes)
    var suspicious = 0
    var characters = 0
    var first: Int?
    var index = sample.startIndex
    while index < sample.endIndex {
      let byte = sample[index]
      let isControl = byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
      let isReplacement = byte == 0xEF && index + 2 < sample.endIndex && sample[index + 1] == 0xBF && sample[index + 2] == 0xBD
      if isControl || isReplacement || byte == 0x7F {
        suspicious += 1
        if first == nil { first = index }
      }
      characters += 1
      index += isReplacement ? 3 : 1
    }
    if suspicious >= 16 && suspicious * 4 > characters { return first }
    return nul
  }
}

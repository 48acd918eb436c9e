/// A scenario's text and the name it is reported under.
///
/// Positions are UTF-8 byte offsets into `bytes`; they become line and column numbers
/// only when a diagnostic is rendered.
public struct SourceFile: Sendable {
  /// The path (or pseudo-name such as `--set`) shown in diagnostics.
  public let path: String
  /// The text as UTF-8 bytes. Invalid UTF-8 is repaired (U+FFFD) before lexing.
  public let bytes: [UInt8]
  private let lineStarts: [Int]

  /// Creates a source file from already-decoded text. A leading byte-order mark is dropped,
  /// so that columns on the first line count as an editor shows them.
  public init(path: String, text: String) {
    self.path = path
    var bytes = Array(text.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    self.bytes = bytes
    var starts = [0]
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(index + 1)
    }
    self.lineStarts = starts
  }

  /// The text of the file.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// 1-based line and column (in Unicode scalars) of a byte offset.
  public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
    let clamped = max(0, min(offset, bytes.count))
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    let start = lineStarts[low]
    let prefix = String(decoding: bytes[start..<clamped], as: UTF8.self)
    return (low + 1, prefix.unicodeScalars.count + 1)
  }

  /// The text of a 1-based line, without its line terminator.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }

  /// The source text covered by a range.
  public func text(in range: SourceRange) -> String {
    let lower = max(0, min(range.start, bytes.count))
    let upper = max(lower, min(range.end, bytes.count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }
}

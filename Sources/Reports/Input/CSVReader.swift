/// Parses RFC 4180 CSV text (as written by `CSVTable`) back into records.
///
/// Why: `policysim plot` and other readers of a results folder work from the files a run
/// left behind, not from the simulation in memory, so that a figure can be redrawn from any
/// results folder, including one produced by another machine or a merge of shards.
///
/// Accepts CRLF or LF record ends, quoted fields with doubled inner quotes, and a missing
/// final record end. A record that is entirely empty (a blank line) is skipped.
public struct CSVReader: Sendable, Equatable {
  /// The first record: column names.
  public let header: [String]
  /// Every later record, in file order.
  public let rows: [[String]]

  /// A malformed CSV text: an unterminated quoted field, or text after a closing quote.
  public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line where the problem was found.
    public let line: Int
    /// What is wrong.
    public let message: String
    /// "line N: message".
    public var description: String { "line \(line): \(message)" }
  }

  /// Parses `text`; the first record becomes the header.
  /// - Throws: `FormatError` for malformed quoting, or when the text has no header.
  /// - Complexity: O(text.utf8.count).
  public init(text: String) throws(FormatError) {
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var line = 1
    var inQuotes = false
    var afterQuote = false
    var fieldStarted = false
    let bytes = Array(text.utf8)
    var index = 0
    func finishField() {
      record.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      afterQuote = false
      fieldStarted = false
    }
    func finishRecord() {
      finishField()
      if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
      record.removeAll()
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            inQuotes = false
            afterQuote = true
          }
        } else {
          if byte == UInt8(ascii: "\n") { line += 1 }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: ","):
        finishField()
      case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
        break
      case UInt8(ascii: "\n"):
        finishRecord()
        line += 1
      case UInt8(ascii: "\"") where !fieldStarted && field.isEmpty:
        inQuotes = true
        fieldStarted = true
      default:
        if afterQuote { throw FormatError(line: line, message: "text after a closing quote") }
        field.append(byte)
        fieldStarted = true
      }
    }
    if inQuotes { throw FormatError(line: line, message: "a quoted field is not closed") }
    if fieldStarted || !field.isEmpty || !record.isEmpty { finishRecord() }
    guard let first = records.first else { throw FormatError(line: 1, message: "no header") }
    header = first
    rows = Array(records.dropFirst())
  }

  /// The index of a column, if the header has it.
  public func column(_ name: String) -> Int? {
    header.firstIndex(of: name)
  }
}

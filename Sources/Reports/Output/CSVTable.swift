/// A table rendered as RFC 4180 CSV text.
///
/// Why: result tables must open identically in R, pandas, spreadsheets and `diff`, so the
/// text is fully determined: CRLF after every record (including the last), fields quoted
/// only when RFC 4180 requires it (they contain a comma, a double quote, CR or LF) with inner
/// quotes doubled, UTF-8 text, no byte-order mark. Numbers should be formatted with
/// `CSVNumber.format` for the same reason.
///
/// Determinism: rendering is a pure function of the header and rows in insertion order.
/// Rows are expected to have as many fields as the header; they are rendered as given (no
/// padding or truncation).
public struct CSVTable: Sendable, Equatable {
  /// Column names, rendered as the first record.
  public let header: [String]
  /// Data rows in insertion order.
  public private(set) var rows: [[String]] = []

  /// Creates an empty table with the given column names.
  public init(header: [String]) {
    self.header = header
  }

  /// Appends one data row (one field per header column; rendered as given otherwise).
  /// - Complexity: amortised O(1).
  public mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// The complete CSV text: header record, then data records, each terminated by CRLF.
  /// - Complexity: O(total text length).
  public func rendered() -> String {
    var bytes: [UInt8] = []
    Self.appendRecord(header, to: &bytes)
    for row in rows { Self.appendRecord(row, to: &bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends one record and its CRLF terminator as UTF-8.
  private static func appendRecord(_ fields: [String], to bytes: inout [UInt8]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      appendField(field, to: &bytes)
    }
    bytes.append(UInt8(ascii: "\r"))
    bytes.append(UInt8(ascii: "\n"))
  }

  /// Appends one field, quoted iff it contains `,`, `"`, CR or LF (inspected as UTF-8 bytes,
  /// so a CRLF pair — one `Character` in Swift — is detected too).
  private static func appendField(_ field: String, to bytes: inout [UInt8]) {
    let utf8 = field.utf8
    let needsQuotes = utf8.contains { byte in
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
        || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }
    guard needsQuotes else {
      bytes.append(contentsOf: utf8)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for byte in utf8 {
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
  }
}

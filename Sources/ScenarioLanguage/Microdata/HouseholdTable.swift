/// A household survey table read from CSV (RFC 4180): a header of column names and rows of
/// text cells, each row as wide as the header.
///
/// Reading checks the structure only (quotes, row widths, header names, encoding); what a
/// cell means (a number, a label, missing) is decided by the checker from the scenario's
/// column mapping, so that a problem names the attribute it was meant for.
public struct HouseholdTable: Sendable, Equatable {
  /// The column names of the header row, trimmed of surrounding spaces.
  public var headers: [String]
  /// The cells, row by row (`rowCount × headers.count`).
  public var cells: [String]
  /// For each data row, the line of the file it starts on (the header is line 1). This is
  /// the spreadsheet's row number unless a quoted cell holds a line break or lines are blank.
  public var lines: [Int]

  /// Creates a table (cells row by row).
  public init(headers: [String], cells: [String], lines: [Int]) {
    self.headers = headers
    self.cells = cells
    self.lines = lines
  }

  /// Cells per row at most: a wider "row" is not a household table.
  public static let maximumColumns = 10_000
  /// Cells in all at most (bounds the memory of reading: about 50 bytes per cell).
  public static let maximumCells = 100_000_000

  /// Number of data rows (households).
  public var rowCount: Int { lines.count }

  /// The cell of a data row (0-based) and column (0-based).
  public func cell(row: Int, column: Int) -> String { cells[row * headers.count + column] }

  /// Reads CSV bytes: `,` separates cells, `"` quotes a cell (a quoted cell may hold `,`,
  /// line breaks and `""` for a quote), rows end with LF, CRLF or CR; a UTF-8 byte-order
  /// mark is skipped and blank lines are ignored.
  ///
  /// - Returns: the table, or the problems found (at most `maximumProblems`; quoting and
  ///   encoding problems stop the reading at once).
  /// - Complexity: O(n) in the size of the file.
  public static func read(_ bytes: [UInt8], maximumProblems: Int = 5) -> Result<HouseholdTable, HouseholdTableProblems> {
    var reader = CSVRecordReader(bytes)
    var problems: [HouseholdTableProblem] = []
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return .failure(HouseholdTableProblems([HouseholdTableProblem(line: 1, message: "the file is UTF-16; save it as CSV UTF-8")]))
    }
    if bytes.contains(0) {
      return .failure(HouseholdTableProblems([HouseholdTableProblem(line: 1, message: "the file holds NUL bytes: it is not a CSV text file")]))
    }
    let header: CSVRecordReader.Record
    switch reader.next() {
    case .none: return .failure(HouseholdTableProblems([HouseholdTableProblem(line: 1, message: "the file is empty; expected a header row of column names")]))
    case .some(.failure(let problem)): return .failure(HouseholdTableProblems([problem]))
    case .some(.success(let record)): header = record
    }
    var headers: [String] = []
    for (index, name) in header.cells.enumerated() {
      let trimmed = name.trimmingSpaces
      if trimmed.isEmpty {
        problems.append(HouseholdTableProblem(line: header.line, message: "column \(index + 1) of the header has no name"))
      } else if let first = headers.firstIndex(of: trimmed) {
        problems.append(
          HouseholdTableProblem(line: header.line, message: "the header names column `\(trimmed)` twice (columns \(first + 1) and \(index + 1))"))
      }
      headers.append(trimmed)
    }
    var cells: [String] = []
    var lines: [Int] = []
    var found = problems.count
    while let next = reader.next() {
      switch next {
      case .failure(let problem):
        problems.append(problem)
        found += 1
        let shown = Array(problems.prefix(maximumProblems))
        return .failure(HouseholdTableProblems(shown, more: found - shown.count))
      case .success(let record):
        guard record.cells.count == headers.count else {
          found += 1
          if problems.count < maximumProblems {
            let count = record.cells.count
            problems.append(
              HouseholdTableProblem(
                line: record.line,
                message: "row \(record.line) has \(count) \(count == 1 ? "cell" : "cells"), but the header has \(headers.count) columns",
                hint: "every row needs one cell per column: an empty cell is written `,,`, and a cell holding a comma goes in quotes"))
          }
          continue
        }
        guard cells.count + record.cells.count <= maximumCells else {
          problems.append(
            HouseholdTableProblem(
              line: record.line, message: "the file has more than \(maximumCells / 1_000_000) million cells, more than a household file may hold"))
          return .failure(HouseholdTableProblems(Array(problems.prefix(maximumProblems))))
        }
        cells += record.cells
        lines.append(record.line)
      }
    }
    if problems.isEmpty && lines.isEmpty {
      problems.append(HouseholdTableProblem(line: header.line, message: "the file has a header but no households"))
    }
    guard problems.isEmpty else {
      let shown = Array(problems.prefix(maximumProblems))
      return .failure(HouseholdTableProblems(shown, more: max(0, found - shown.count)))
    }
    return .success(HouseholdTable(headers: headers, cells: cells, lines: lines))
  }
}

/// One structural problem of a household file, at a line.
public struct HouseholdTableProblem: Sendable, Equatable, Error {
  /// The line of the file (1-based) where the problem is.
  public var line: Int
  /// What is wrong, naming the row and column where it can.
  public var message: String
  /// How to fix it, when there is a usual fix.
  public var hint: String?
  /// Creates a problem.
  public init(line: Int, message: String, hint: String? = nil) {
    self.line = line
    self.message = message
    self.hint = hint
  }
}

/// The problems that stopped a household file from being read.
public struct HouseholdTableProblems: Sendable, Equatable, Error {
  /// The problems reported, in file order.
  public var problems: [HouseholdTableProblem]
  /// How many more of the same kind were found but not listed.
  public var more: Int
  /// Creates a list.
  public init(_ problems: [HouseholdTableProblem], more: Int = 0) {
    self.problems = problems
    self.more = more
  }
}

/// Splits CSV bytes into records, one at a time.
struct CSVRecordReader {
  struct Record {
    var cells: [String]
    var line: Int
  }

  private let bytes: [UInt8]
  private var position = 0
  private var line = 1

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

  /// The next non-blank record, nil at the end of the file.
  mutating func next() -> Result<Record, HouseholdTableProblem>? {
    // Blank lines between records are skipped.
    while position < bytes.count, bytes[position] == Self.lf || bytes[position] == Self.cr {
      skipLineBreak()
    }
    guard position < bytes.count else { return nil }
    let recordLine = line
    var cells: [String] = []
    while true {
      let column = cells.count + 1
      var field: [UInt8] = []
      if bytes[position, default: 0] == Self.quote {
        let quoteLine = line
        position += 1
        var closed = false
        while position < bytes.count {
          let byte = bytes[position]
          if byte == Self.quote {
            if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
              field.append(Self.quote)
              position += 2
              continue
            }
            position += 1
            closed = true
            break
          }
          if byte == Self.lf || (byte == Self.cr && bytes[position + 1, default: 0] != Self.lf) { line += 1 }
          field.append(byte)
          position += 1
        }
        guard closed else {
          return .failure(
            HouseholdTableProblem(
              line: quoteLine, message: "row \(recordLine), column \(column): the quoted cell opened on line \(quoteLine) is never closed"))
        }
        if position < bytes.count, ![Self.comma, Self.lf, Self.cr].contains(bytes[position]) {
          return .failure(
            HouseholdTableProblem(
              line: line,
              message: "row \(recordLine), column \(column): text after the closing quote; a quote inside a quoted cell is written `\"\"`"))
        }
      } else {
        while position < bytes.count, ![Self.comma, Self.lf, Self.cr].contains(bytes[position]) {
          if bytes[position] == Self.quote {
            return .failure(
              HouseholdTableProblem(
                line: line,
                message: "row \(recordLine), column \(column): a quote inside an unquoted cell; quote the whole cell and write the quote as `\"\"`"))
          }
          field.append(bytes[position])
          position += 1
        }
      }
      guard let text = String(validating: field, as: UTF8.self) else {
        return .failure(
          HouseholdTableProblem(line: line, message: "row \(recordLine), column \(column): the cell is not valid UTF-8; save the file as CSV UTF-8"))
      }
      cells.append(text)
      if cells.count > HouseholdTable.maximumColumns {
        return .failure(
          HouseholdTableProblem(line: recordLine, message: "row \(recordLine) has more than \(HouseholdTable.maximumColumns) cells; is this a CSV file?"))
      }
      if position < bytes.count, bytes[position] == Self.comma {
        position += 1
        continue
      }
      if position < bytes.count { skipLineBreak() }
      return .success(Record(cells: cells, line: recordLine))
    }
  }

  private mutating func skipLineBreak() {
    if bytes[position] == Self.cr, bytes[position + 1, default: 0] == Self.lf { position += 1 }
    position += 1
    line += 1
  }
}

extension Array where Element == UInt8 {
  fileprivate subscript(index: Int, default value: UInt8) -> UInt8 { index < count ? self[index] : value }
}

extension String {
  /// The text without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }
}

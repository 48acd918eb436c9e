import ScenarioLanguage
import XCTest

/// Reading household CSV files: valid tricky files are read exactly, malformed ones give
/// pinned messages naming the row and column.
final class HouseholdTableTests: XCTestCase {
  private func read(_ text: String) -> Result<HouseholdTable, HouseholdTableProblems> {
    HouseholdTable.read(Array(text.utf8))
  }

  private func table(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> HouseholdTable {
    switch read(text) {
    case .success(let table): return table
    case .failure(let problems): XCTFail("\(problems)", file: file, line: line); throw XCTSkip()
    }
  }

  private func messages(_ text: String) -> [String] {
    switch read(text) {
    case .success: return []
    case .failure(let problems): return problems.problems.map(\.message) + (problems.more > 0 ? ["+\(problems.more)"] : [])
    }
  }

  func testPlainFile() throws {
    let t = try table("id,income,size\n1,2500,3\n2,3100.5,1\n")
    XCTAssertEqual(t.headers, ["id", "income", "size"])
    XCTAssertEqual(t.rowCount, 2)
    XCTAssertEqual(t.cell(row: 1, column: 1), "3100.5")
    XCTAssertEqual(t.lines, [2, 3])
  }

  func testBOMCRLFAndNoFinalNewline() throws {
    let t = try table("\u{FEFF}id,income\r\n1,2500\r\n2,3000")
    XCTAssertEqual(t.headers, ["id", "income"])
    XCTAssertEqual(t.cells, ["1", "2500", "2", "3000"])
  }

  func testQuotedCellsWithCommasQuotesAndLineBreaks() throws {
    let t = try table("name,income\n\"Li, Wei\",100\n\"say \"\"hi\"\"\",200\n\"two\r\nlines\",300\n\"\",400\n")
    XCTAssertEqual(t.cells, ["Li, Wei", "100", "say \"hi\"", "200", "two\r\nlines", "300", "", "400"])
    // The row after a cell with a line break starts one line further down.
    XCTAssertEqual(t.lines, [2, 3, 4, 6])
  }

  func testBlankLinesAreSkippedAndLinesCounted() throws {
    let t = try table("a,b\n\n1,2\n\n\n3,4\n")
    XCTAssertEqual(t.lines, [3, 6])
  }

  func testHeaderSpacesAreTrimmed() throws {
    XCTAssertEqual(try table(" a , b\n1,2\n").headers, ["a", "b"])
  }

  func testEmptyFile() {
    XCTAssertEqual(messages(""), ["the file is empty; expected a header row of column names"])
    XCTAssertEqual(messages("\n\r\n"), ["the file is empty; expected a header row of column names"])
  }

  func testHeaderOnly() {
    XCTAssertEqual(messages("a,b\n"), ["the file has a header but no households"])
  }

  func testRaggedRows() {
    XCTAssertEqual(
      messages("a,b,c\n1,2,3\n1,2\n1,2,3,4\n"),
      ["row 3 has 2 cells, but the header has 3 columns", "row 4 has 4 cells, but the header has 3 columns"])
  }

  func testManyRaggedRowsAreCounted() {
    let text = "a,b\n" + String(repeating: "1\n", count: 8)
    let found = messages(text)
    XCTAssertEqual(found.count, 6)
    XCTAssertEqual(found.first, "row 2 has 1 cell, but the header has 2 columns")
    XCTAssertEqual(found.last, "+3")
  }

  func testDuplicateAndEmptyHeaders() {
    XCTAssertEqual(
      messages("income,size,income,\n1,2,3,4\n"),
      ["the header names column `income` twice (columns 1 and 3)", "column 4 of the header has no name"])
  }

  func testUnclosedQuote() {
    XCTAssertEqual(messages("a,b\n1,\"open\n2,3\n"), ["row 2, column 2: the quoted cell opened on line 2 is never closed"])
  }

  func testTextAfterClosingQuote() {
    XCTAssertEqual(
      messages("a,b\n1,\"x\"y\n"), ["row 2, column 2: text after the closing quote; a quote inside a quoted cell is written `\"\"`"])
  }

  func testQuoteInsideUnquotedCell() {
    XCTAssertEqual(
      messages("a,b\n1,2\"3\n"), ["row 2, column 2: a quote inside an unquoted cell; quote the whole cell and write the quote as `\"\"`"])
  }

  func testInvalidUTF8() {
    var bytes = Array("a,b\n1,".utf8)
    bytes += [0xFF, 0xFE, 0x41]
    bytes += Array("\n".utf8)
    guard case .failure(let problems) = HouseholdTable.read(bytes) else { return XCTFail("read") }
    XCTAssertEqual(problems.problems.map(\.message), ["row 2, column 2: the cell is not valid UTF-8; save the file as CSV UTF-8"])
  }

  func testTooManyColumns() {
    let header = (0...HouseholdTable.maximumColumns).map { "c\($0)" }.joined(separator: ",")
    XCTAssertEqual(messages(header + "\n"), ["row 1 has more than 10000 cells; is this a CSV file?"])
  }

  func testUTF16AndBinary() {
    guard case .failure(let utf16) = HouseholdTable.read([0xFF, 0xFE, 0x61, 0x00]) else { return XCTFail("read") }
    XCTAssertEqual(utf16.problems.map(\.message), ["the file is UTF-16; save it as CSV UTF-8"])
    guard case .failure(let binary) = HouseholdTable.read([0x61, 0x00, 0x62]) else { return XCTFail("read") }
    XCTAssertEqual(binary.problems.map(\.message), ["the file holds NUL bytes: it is not a CSV text file"])
  }
}

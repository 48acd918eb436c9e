import Reports
import XCTest

/// `CSVReader`: RFC 4180 text back into records.
final class CSVReaderTests: XCTestCase {
  func testReadsBackWhatCSVTableWrites() throws {
    var table = CSVTable(header: ["option", "note", "value"])
    table.append(["a, b", "say \"hi\"", "1"])
    table.append(["plain", "line\r\nbreak", ""])
    table.append(["", "", "-Inf"])
    let reader = try CSVReader(text: table.rendered())
    XCTAssertEqual(reader.header, table.header)
    XCTAssertEqual(reader.rows, table.rows)
  }

  func testAcceptsLFAndAMissingFinalLineEnd() throws {
    let reader = try CSVReader(text: "a,b\n1,2\n\n3,\"4\"")
    XCTAssertEqual(reader.header, ["a", "b"])
    XCTAssertEqual(reader.rows, [["1", "2"], ["3", "4"]])
    XCTAssertEqual(reader.column("b"), 1)
    XCTAssertNil(reader.column("c"))
  }

  func testMalformedQuotingIsAnError() {
    XCTAssertThrowsError(try CSVReader(text: "a\r\n\"open\r\n")) { error in
      XCTAssertEqual((error as? CSVReader.FormatError)?.message, "a quoted field is not closed")
    }
    XCTAssertThrowsError(try CSVReader(text: "a\r\n\"x\"y\r\n")) { error in
      XCTAssertEqual((error as? CSVReader.FormatError)?.description, "line 2: text after a closing quote")
    }
    XCTAssertThrowsError(try CSVReader(text: ""))
  }
}

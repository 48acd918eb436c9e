import Foundation
import Reports
import XCTest

final class CSVTableTests: XCTestCase {
  func testRendersHeaderAndRowsWithCRLF() {
    var table = CSVTable(header: ["indicator", "mean"])
    table.append(["poverty_rate", "0.125"])
    table.append(["gap", "3"])
    XCTAssertEqual(table.rendered(), "indicator,mean\r\npoverty_rate,0.125\r\ngap,3\r\n")
  }

  func testHeaderOnly() {
    XCTAssertEqual(CSVTable(header: ["a"]).rendered(), "a\r\n")
    XCTAssertEqual(CSVTable(header: []).rendered(), "\r\n")
  }

  /// RFC 4180 §2.6–2.7: quote iff the field holds a comma, quote, CR or LF; double quotes.
  func testQuotingRules() {
    let table: [(field: String, rendered: String)] = [
      ("plain", "plain"),
      ("", ""),
      ("  spaced  ", "  spaced  "),
      ("a,b", "\"a,b\""),
      ("say \"hi\"", "\"say \"\"hi\"\"\""),
      ("\"", "\"\"\"\""),
      ("line\nbreak", "\"line\nbreak\""),
      ("carriage\rreturn", "\"carriage\rreturn\""),
      ("crlf\r\ninside", "\"crlf\r\ninside\""),
      ("semi;colon", "semi;colon"),
      ("Zürich – 東京", "Zürich – 東京"),
      ("tab\there", "tab\there"),
    ]
    for (field, rendered) in table {
      var csv = CSVTable(header: ["x"])
      csv.append([field])
      XCTAssertEqual(csv.rendered(), "x\r\n\(rendered)\r\n", "field \(field.debugDescription)")
    }
  }

  func testUTF8BytesArePreserved() {
    var table = CSVTable(header: ["région"])
    table.append(["Île-de-France"])
    XCTAssertEqual(
      Array(table.rendered().utf8),
      Array("région\r\nÎle-de-France\r\n".utf8))
    XCTAssertEqual(table.rows, [["Île-de-France"]])
  }

  /// Reads the rendered text back with pandas when installed, otherwise with Python's csv
  /// module (RFC 4180 dialect); skipped when python3 is unavailable.
  func testPythonReadsRenderedTable() throws {
    var table = CSVTable(header: ["name", "value", "note"])
    table.append(["a,b", CSVNumber.format(0.1), "say \"hi\""])
    table.append(["multi\r\nline", CSVNumber.format(-3), ""])
    table.append(["inf", CSVNumber.format(.infinity), "ü"])
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("csvtable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let csvURL = directory.appendingPathComponent("t.csv")
    try Data(table.rendered().utf8).write(to: csvURL)

    let script = """
      import csv, json, sys
      path = sys.argv[1]
      try:
          import pandas as pd
          df = pd.read_csv(path, keep_default_na=False, dtype=str)
          rows = [list(df.columns)] + df.values.tolist()
          reader = "pandas"
      except ImportError:
          with open(path, newline="", encoding="utf-8") as f:
              rows = list(csv.reader(f))
          reader = "csv"
      print(json.dumps({"reader": reader, "rows": rows}))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, csvURL.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    do { try process.run() } catch { throw XCTSkip("python3 not available") }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw XCTSkip("python3 failed to run") }
    struct Parsed: Decodable { let reader: String; let rows: [[String]] }
    let parsed = try JSONDecoder().decode(Parsed.self, from: data)
    XCTAssertEqual(parsed.rows, [table.header] + table.rows, "read back by \(parsed.reader)")
  }
}

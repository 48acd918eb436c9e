import Reports
import XCTest

/// `NotebookJSON`, `NotebookCell` and `RelativePath`: the pieces of the notebook file.
final class NotebookJSONTests: XCTestCase {
  func testRendersAsNbformatWritesSortedKeysOneSpaceIndent() {
    let value = NotebookJSON.object([
      "b": .array([.integer(1), .null, .bool(true)]), "a": .object([:]), "c": .array([]), "B": .string("x"),
    ])
    XCTAssertEqual(
      value.rendered(),
      """
      {
       "B": "x",
       "a": {},
       "b": [
        1,
        null,
        true
       ],
       "c": []
      }

      """)
  }

  func testStringsEscapeOnlyQuotesBackslashesAndControls() {
    XCTAssertEqual(NotebookJSON.quoted("a\"b\\c"), #""a\"b\\c""#)
    XCTAssertEqual(NotebookJSON.quoted("\n\r\t\u{08}\u{0C}\u{01}\u{1F}"), #""\n\r\t\b\f\u0001\u001f""#)
    XCTAssertEqual(NotebookJSON.quoted("贫困 – é /"), "\"贫困 – é /\"")
    XCTAssertEqual(NotebookJSON.quoted(""), "\"\"")
  }

  func testCellSourceKeepsLineEnds() {
    let cell = NotebookCell.code("x", "a\nb\n\nc")
    XCTAssertEqual(
      cell.json,
      .object([
        "cell_type": .string("code"), "id": .string("x"), "metadata": .object([:]), "execution_count": .null,
        "outputs": .array([]), "source": .array([.string("a\n"), .string("b\n"), .string("\n"), .string("c")]),
      ]))
    XCTAssertEqual(
      NotebookCell.markdown("m", "").json, .object(["cell_type": .string("markdown"), "id": .string("m"), "metadata": .object([:]), "source": .array([])]))
  }

  func testCellIDs() {
    for id in ["a", "fan-chart", "cell_01", String(repeating: "x", count: 64)] { XCTAssertTrue(NotebookCell.isValidID(id), id) }
    for id in ["", "a b", "é", "a.b", String(repeating: "x", count: 65)] { XCTAssertFalse(NotebookCell.isValidID(id), id) }
  }

  func testRelativePaths() {
    let cases: [(String, String, String)] = [
      ("notebooks-export", "notebooks-export/data/x", "data/x"),
      ("notebooks-export", "results/x", "../results/x"),
      ("a/b/c", "a/d", "../../d"),
      (".", "results/x/", "results/x"),
      ("out", "out", "."),
      ("/abs/nb", "rel/x", "../../cwd/rel/x"),
      ("nb/./sub/..", "./data//x", "../data/x"),
    ]
    for (base, target, expected) in cases {
      XCTAssertEqual(RelativePath.from(base, to: target, current: "/cwd"), expected, "\(base) → \(target)")
    }
  }
}

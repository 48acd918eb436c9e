/// A plain-text table for terminals: columns padded to their widest cell, a dashed rule under
/// the header, two spaces of indent and between columns, no trailing spaces.
public enum TextTable {
  /// Renders rows (the first is the header). Columns in `leftAligned` are padded on the
  /// right, the others on the left; a column with an empty header gets no rule.
  public static func render(_ rows: [[String]], leftAligned: Set<Int> = [0]) -> String {
    guard let header = rows.first else { return "" }
    var widths = [Int](repeating: 0, count: header.count)
    for row in rows { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
    func line(_ cells: [String]) -> String {
      let text = "  " + cells.joined(separator: "  ")
      return String(text.reversed().drop { $0 == " " }.reversed()) + "\n"
    }
    var text = ""
    for (rowIndex, row) in rows.enumerated() {
      text += line(
        row.enumerated().map { index, cell in
          let pad = String(repeating: " ", count: max(0, widths[min(index, widths.count - 1)] - cell.count))
          return leftAligned.contains(index) ? cell + pad : pad + cell
        })
      if rowIndex == 0 {
        text += line(header.enumerated().map { index, title in title.isEmpty ? "" : String(repeating: "-", count: widths[index]) })
      }
    }
    return text
  }
}

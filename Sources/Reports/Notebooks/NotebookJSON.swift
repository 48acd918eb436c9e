/// A JSON value as a notebook file holds it, rendered the way Jupyter's `nbformat.write`
/// renders it: keys sorted by code point, one space of indentation per level, non-ASCII
/// text as is, and a final newline.
///
/// Why not `JSONEncoder`: its key order and number formatting are not promised to stay the
/// same across Foundation versions, and the exported notebook must come out byte for byte
/// the same for the same run; matching nbformat's layout also keeps the diff small when
/// Jupyter rewrites the file after executing it.
public enum NotebookJSON: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A whole number.
  case integer(Int)
  /// A string.
  case string(String)
  /// An array, in order.
  case array([NotebookJSON])
  /// An object; rendered with its keys sorted.
  case object([String: NotebookJSON])

  /// The value as nbformat writes it, ending with a newline.
  /// - Complexity: O(n log n) in the number of keys, O(n) in the text otherwise.
  public func rendered() -> String {
    var text = ""
    append(to: &text, depth: 0)
    return text + "\n"
  }

  /// Appends the value at a nesting depth (the indentation of its closing bracket).
  private func append(to text: inout String, depth: Int) {
    switch self {
    case .null: text += "null"
    case .bool(let value): text += value ? "true" : "false"
    case .integer(let value): text += String(value)
    case .string(let value): text += Self.quoted(value)
    case .array(let values):
      guard !values.isEmpty else {
        text += "[]"
        return
      }
      text += "["
      for (index, value) in values.enumerated() {
        text += (index == 0 ? "\n" : ",\n") + Self.indentation(depth + 1)
        value.append(to: &text, depth: depth + 1)
      }
      text += "\n" + Self.indentation(depth) + "]"
    case .object(let members):
      guard !members.isEmpty else {
        text += "{}"
        return
      }
      text += "{"
      let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
      for (index, key) in keys.enumerated() {
        text += (index == 0 ? "\n" : ",\n") + Self.indentation(depth + 1) + Self.quoted(key) + ": "
        members[key, default: .null].append(to: &text, depth: depth + 1)
      }
      text += "\n" + Self.indentation(depth) + "}"
    }
  }

  /// One space per level, as nbformat's `indent=1`.
  private static func indentation(_ depth: Int) -> String {
    String(repeating: " ", count: depth)
  }

  /// A JSON string literal, escaped as Python's `json.dumps(..., ensure_ascii=False)` does:
  /// `"`, `\` and control characters only.
  public static func quoted(_ value: String) -> String {
    var text = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case "\u{08}": text += "\\b"
      case "\u{0C}": text += "\\f"
      case let control where control.value < 0x20:
        let hex = String(control.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    return text + "\""
  }
}

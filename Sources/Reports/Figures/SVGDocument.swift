/// A hand-written SVG file: one element per line, indented by nesting depth, attributes in
/// the order given.
///
/// Why: figures are committed to repositories and papers, so the file must be readable in a
/// diff and byte-deterministic: the text depends only on the calls made, never on a
/// dictionary's order, a clock or the locale.
public struct SVGDocument: Sendable {
  /// An attribute name and its value (escaped when rendered).
  public typealias Attribute = (name: String, value: String)

  /// Width in pixels (also the view box width).
  public let width: Int
  /// Height in pixels (also the view box height).
  public let height: Int
  private var lines: [String]
  private var open: [String] = []

  /// Starts a document of the given size with a `<title>` (shown by viewers and read by
  /// screen readers) and a white background, text in sans-serif.
  public init(width: Int, height: Int, title: String) {
    self.width = width
    self.height = height
    lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">",
    ]
    open = ["svg"]
    element("title", [], text: title)
    element("rect", [("x", "0"), ("y", "0"), ("width", String(width)), ("height", String(height)), ("fill", "#ffffff")])
  }

  /// Opens a container element (e.g. `g`); close it with `close()`.
  public mutating func open(_ name: String, _ attributes: [Attribute] = []) {
    lines.append(indentation + "<\(name)\(Self.render(attributes))>")
    open.append(name)
  }

  /// Closes the innermost open element (never the root `svg`, which `rendered()` closes).
  public mutating func close() {
    guard open.count > 1, let name = open.popLast() else { return }
    lines.append(indentation + "</\(name)>")
  }

  /// Adds an element with no children, or with `text` as its content.
  public mutating func element(_ name: String, _ attributes: [Attribute], text: String? = nil) {
    if let text {
      lines.append(indentation + "<\(name)\(Self.render(attributes))>\(Self.escape(text))</\(name)>")
    } else {
      lines.append(indentation + "<\(name)\(Self.render(attributes))/>")
    }
  }

  /// The complete file: every open element closed, ending with a newline.
  public func rendered() -> String {
    var copy = self
    while copy.open.count > 1 { copy.close() }
    return (copy.lines + ["</svg>"]).joined(separator: "\n") + "\n"
  }

  private var indentation: String { String(repeating: "  ", count: open.count) }

  private static func render(_ attributes: [Attribute]) -> String {
    attributes.map { " \($0.name)=\"\(escape($0.value))\"" }.joined()
  }

  /// Escapes XML's special characters in text and attribute values.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }
}

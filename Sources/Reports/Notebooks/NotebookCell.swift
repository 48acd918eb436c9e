/// One cell of a Jupyter notebook: Markdown prose or Python code (exported unexecuted).
public struct NotebookCell: Sendable, Equatable {
  /// What the cell holds.
  public enum Kind: String, Sendable {
    /// Markdown text, rendered by the notebook viewer.
    case markdown
    /// Python code, run by the kernel.
    case code
  }

  /// Markdown or code.
  public var kind: Kind
  /// The cell's id (nbformat 4.5): 1 to 64 of `A–Z a–z 0–9 - _`, unique in the notebook.
  /// Stable names rather than random ones, so that the same run gives the same file.
  public var id: String
  /// The cell's text.
  public var source: String

  /// Creates a cell.
  public init(_ kind: Kind, id: String, source: String) {
    self.kind = kind
    self.id = id
    self.source = source
  }

  /// A Markdown cell.
  public static func markdown(_ id: String, _ source: String) -> NotebookCell {
    NotebookCell(.markdown, id: id, source: source)
  }

  /// A code cell.
  public static func code(_ id: String, _ source: String) -> NotebookCell {
    NotebookCell(.code, id: id, source: source)
  }

  /// The cell as nbformat 4.5 JSON: code cells have no outputs and no execution count yet.
  public var json: NotebookJSON {
    var members: [String: NotebookJSON] = [
      "cell_type": .string(kind.rawValue),
      "id": .string(id),
      "metadata": .object([:]),
      "source": .array(Self.lines(source).map(NotebookJSON.string)),
    ]
    if kind == .code {
      members["execution_count"] = .null
      members["outputs"] = .array([])
    }
    return .object(members)
  }

  /// Splits text into lines that keep their `\n`, as nbformat stores multi-line strings.
  static func lines(_ text: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for character in text {
      current.append(character)
      if character == "\n" {
        lines.append(current)
        current = ""
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Whether `id` is a valid nbformat cell id.
  public static func isValidID(_ id: String) -> Bool {
    (1...64).contains(id.utf8.count)
      && id.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-" || $0 == "_" }
  }
}

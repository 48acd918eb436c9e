/// A problem found in a scenario, with where it is and what to do about it.
///
/// Diagnostics are values: the lexer, parser and checker collect them and carry on, so a
/// user sees every error of a file in one pass. Rendering is done by `DiagnosticRenderer`.
public struct Diagnostic: Sendable, Equatable {
  /// How serious the problem is.
  public enum Severity: String, Sendable {
    /// The scenario cannot be simulated.
    case error
    /// The scenario runs, but probably not as meant.
    case warning
  }

  /// Error or warning.
  public var severity: Severity
  /// A stable identifier of the kind of problem (e.g. `unknown-name`), for tests and tools.
  public var id: String
  /// One sentence saying what is wrong.
  public var message: String
  /// The file the problem is in.
  public var file: String
  /// Where in the file.
  public var range: SourceRange
  /// What to do about it, e.g. "did you mean `subsidy`?".
  public var hint: String?

  /// Creates a diagnostic.
  public init(
    _ severity: Severity = .error, id: String, message: String, file: String,
    range: SourceRange, hint: String? = nil
  ) {
    self.severity = severity
    self.id = id
    self.message = message
    self.file = file
    self.range = range
    self.hint = hint
  }
}

/// An ordered list of diagnostics, collected while reading one or more sources.
public struct DiagnosticList: Sendable {
  /// The diagnostics in the order they were found.
  public private(set) var all: [Diagnostic] = []

  /// Creates an empty list.
  public init() {}

  /// Whether any of them is an error.
  public var hasErrors: Bool { all.contains { $0.severity == .error } }

  /// Adds a diagnostic, dropping exact repeats (same place and message).
  public mutating func append(_ diagnostic: Diagnostic) {
    if all.contains(where: { $0.range == diagnostic.range && $0.message == diagnostic.message }) { return }
    all.append(diagnostic)
  }

  /// Adds several diagnostics.
  public mutating func append(contentsOf other: [Diagnostic]) {
    for diagnostic in other { append(diagnostic) }
  }

  /// The diagnostics sorted by position (stable for equal positions).
  public var sorted: [Diagnostic] {
    all.enumerated().sorted { lhs, rhs in
      if lhs.element.file != rhs.element.file { return lhs.offset < rhs.offset }
      if lhs.element.range.start != rhs.element.range.start {
        return lhs.element.range.start < rhs.element.range.start
      }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}

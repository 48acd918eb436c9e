/// The shape of a syntax tree: everything the parser read except where it was written.
///
/// Why: `policysim fmt` may only rewrite a file when the formatted text parses back to the
/// same tree, and the round-trip tests compare trees; source ranges necessarily differ
/// between the two texts, so equality is defined on this description instead.
///
/// The description is built by reflection over every stored property, enum case and
/// payload, leaving out only `SourceRange` values. So a field added to a syntax type later
/// is compared without any change here: if the printer does not print it yet, `fmt`
/// refuses to rewrite the file (`format-changed-meaning`) instead of dropping it. Numbers
/// are written with their bit pattern, so `-0` differs from `0` and no digit is lost.
/// The text is deterministic (arrays in order; the syntax types hold no dictionaries).
public enum SyntaxShape {
  /// The shape of a whole scenario.
  /// - Complexity: O(size of the tree).
  public static func of(_ syntax: ScenarioSyntax) -> String { describe(syntax) }

  /// The shape of one expression.
  public static func of(_ expression: Expression) -> String { describe(expression) }

  private static func describe(_ value: Any) -> String {
    switch value {
    case is SourceRange: return "@"
    case let number as Double: return "\(number)/0x\(String(number.bitPattern, radix: 16))"
    case let text as String: return ScenarioPrinter.quoted(text)
    case let integer as Int: return String(integer)
    case let flag as Bool: return flag ? "true" : "false"
    default: break
    }
    let mirror = Mirror(reflecting: value)
    let children = mirror.children.filter { !($0.value is SourceRange) }
    switch mirror.displayStyle {
    case .optional: return children.first.map { describe($0.value) } ?? "nil"
    case .enum:
      // A case without payload has no children; its name is its description.
      guard let payload = children.first else { return String(describing: value) }
      return "\(payload.label ?? "?")\(describe(payload.value))"
    default:
      let parts = children.map { child in (child.label.map { "\($0): " } ?? "") + describe(child.value) }
      return "\(mirror.subjectType)(\(parts.joined(separator: ", ")))"
    }
  }
}

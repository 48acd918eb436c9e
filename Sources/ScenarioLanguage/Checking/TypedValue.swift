/// A resolved expression and what kind of value it yields.
struct TypedValue {
  /// What kind of value an expression yields.
  enum ValueType: Equatable {
    case number
    case boolean
    /// A category label of a categorical attribute (or a group).
    case label

    var description: String {
      switch self {
      case .number: return "a number"
      case .boolean: return "a condition (true or false)"
      case .label: return "a category label"
      }
    }
  }

  var value: ValueExpression
  var type: ValueType
}

/// What names an expression may use, and where its random draws come from.
struct NameScope {
  /// Household attributes may be used.
  var allowsAttributes = true
  /// `disposable` and `registered` may be used (not in the population).
  var allowsVariables = true
  /// Names local to a block (its settings and `let`s), resolved lazily.
  var locals: [String: LocalName] = [:]
  /// Settings the enclosing block accepts but does not write (named in messages).
  var unwrittenSettings: Set<String> = []
  /// The stream name of draws in this expression.
  var stream: String
  /// Where the expression is, for messages ("in the population").
  var place: String

  /// A block-local name: a setting or parameter of the enclosing block.
  struct LocalName {
    var path: String
    var syntax: Expression
    var file: String
  }
}

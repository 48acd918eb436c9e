/// Why a figure cannot be drawn from a results folder.
public struct FigureError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Whether the request itself is wrong (a metric, option or year the run does not have:
  /// a usage error) or the results cannot give that figure (an input error).
  public enum Cause: Sendable, Equatable {
    /// A wrong value on the command line.
    case request
    /// The results folder lacks what the figure needs.
    case results
  }

  /// The message, e.g. "unknown metric 'incidense' (did you mean 'incidence'?)".
  public let message: String
  /// Which side is at fault.
  public let cause: Cause

  /// Creates an error.
  public init(_ message: String, cause: Cause) {
    self.message = message
    self.cause = cause
  }

  /// The message.
  public var description: String { message }
}

/// Why a results folder cannot be turned into a notebook (the user's input, exit code 1).
public struct NotebookInputError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The message, naming the path: "'out/x' is not a folder".
  public let message: String

  /// Creates an error.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}

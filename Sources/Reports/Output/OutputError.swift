#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure to write an output file or create an output directory.
///
/// Why: the command-line tool reports it to the user verbatim, so the message names the path
/// and the operating system's reason, e.g. "cannot write /x/summary.csv: Permission denied".
public struct OutputError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What was being attempted: "write" or "create directory".
  public let action: String
  /// The path the user asked for (not the temporary file's name).
  public let path: String
  /// The operating system's explanation (`strerror`), e.g. "Permission denied".
  public let reason: String
  /// The `errno` value behind `reason` (0 when the failure was not a system call's).
  public let code: Int32

  /// Creates an error from its parts.
  public init(action: String, path: String, reason: String, code: Int32) {
    self.action = action
    self.path = path
    self.reason = reason
    self.code = code
  }

  /// Creates an error whose reason is `strerror(code)`.
  init(action: String, path: String, errorNumber code: Int32) {
    self.init(action: action, path: path, reason: String(cString: strerror(code)), code: code)
  }

  /// "cannot <action> <path>: <reason>".
  public var description: String { "cannot \(action) \(path): \(reason)" }
}

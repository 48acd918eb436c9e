import Foundation

/// Where a command prints: standard output for results, standard error for diagnostics.
/// Tests substitute in-memory buffers.
struct TerminalOutput {
  var standardOutput: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
  var standardError: (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }

  mutating func print(_ text: String, newline: Bool = true) { standardOutput(newline ? text + "\n" : text) }
  mutating func error(_ text: String, newline: Bool = true) { standardError(newline ? text + "\n" : text) }
}

/// The exit codes of policysim (sysexits-style for usage and internal errors).
enum ExitCode {
  static let success: Int32 = 0
  /// The scenario or another input is wrong.
  static let inputError: Int32 = 1
  /// The command line is wrong.
  static let usage: Int32 = 64
  /// Something inside PolicySim failed (a bug).
  static let internalError: Int32 = 70
  /// Writing output failed (disk full, no permission).
  static let cannotCreate: Int32 = 73
  /// Stopped by SIGINT or SIGTERM (see `RunInterruption`).
  static let interrupted: Int32 = 130
}

import Foundation

/// The instructions `RandomSource.fillUniforms` draws with: the portable scalar loop, or
/// eight Philox blocks at a time in 256-bit AVX2 registers (module PhiloxAVX2) when the CPU
/// and the operating system support AVX2.
///
/// Why a run-time choice: the release build targets baseline x86-64 so that the binary runs
/// on any x86-64 machine; the AVX2 code sits in a module of its own, compiled for AVX2, and
/// is only called after this check. Both paths give bit-identical uniforms (integer
/// arithmetic and exact conversions), so the choice never changes a result.
///
/// Determinism: the choice does not affect any output, only the time taken.
enum DrawInstructionSet: Sendable, Equatable {
  /// The scalar loop in `RandomSource.fillUniforms`, for every CPU.
  case portable
  /// `AVX2Philox.fillUniforms`: eight blocks per step in two 256-bit registers.
  case avx2

  /// The environment variable that forces the portable path when set to `1` (for tests and
  /// benchmarks of the portable build, and tools that do not run AVX2).
  static let portableVariable = "POLICYSIM_PORTABLE_DRAWS"

  /// The best instruction set this CPU and operating system support, detected once.
  static let supported: DrawInstructionSet = detect()

  /// The instruction set the engine draws with: `supported`, or `portable` when
  /// `POLICYSIM_PORTABLE_DRAWS=1`. Read once per process.
  static let selected: DrawInstructionSet =
    ProcessInfo.processInfo.environment[portableVariable] == "1" ? .portable : supported

  /// AVX2 when the PhiloxAVX2 module is built (x86-64 hosts) and the CPU and OS support it:
  /// on Linux the `avx2` flag of /proc/cpuinfo (the kernel lists it only when it saves the
  /// 256-bit registers), on macOS the `hw.optional.avx2_0` sysctl; portable elsewhere.
  private static func detect() -> DrawInstructionSet {
    #if canImport(PhiloxAVX2)
      #if os(Linux)
        guard let data = FileManager.default.contents(atPath: "/proc/cpuinfo") else { return .portable }
        return best(cpuInfo: String(decoding: data, as: UTF8.self))
      #elseif canImport(Darwin)
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        return sysctlbyname("hw.optional.avx2_0", &value, &size, nil, 0) == 0 && value != 0 ? .avx2 : .portable
      #else
        return .portable
      #endif
    #else
      return .portable
    #endif
  }

  /// AVX2 when the first `flags` line of a /proc/cpuinfo text lists `avx2`, else portable.
  static func best(cpuInfo: String) -> DrawInstructionSet {
    for line in cpuInfo.split(separator: "\n") where line.hasPrefix("flags") {
      guard let colon = line.firstIndex(of: ":") else { return .portable }
      return line[line.index(after: colon)...].split(separator: " ").contains("avx2") ? .avx2 : .portable
    }
    return .portable
  }
}

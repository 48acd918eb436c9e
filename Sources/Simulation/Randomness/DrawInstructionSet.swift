import Foundation

/// The instructions `RandomSource.fillUniforms` draws with: the portable scalar loop, or
/// eight Philox blocks at a time in vector registers (modules PhiloxAVX2 and PhiloxAVX512)
/// when the CPU and the operating system support them.
///
/// Why a run-time choice: the release build targets baseline x86-64 so that the binary runs
/// on any x86-64 machine; the vector code sits in modules of their own, compiled for AVX2 and
/// AVX-512F, and is only called after this check. Every path gives bit-identical uniforms
/// (integer arithmetic and exact conversions), so the choice never changes a result.
///
/// Determinism: the choice does not affect any output, only the time taken.
enum DrawInstructionSet: Int, Sendable, Comparable {
  /// The scalar loop in `RandomSource.fillUniforms`, for every CPU.
  case portable
  /// `AVX2Philox.fillUniforms`: eight blocks per step in two 256-bit registers.
  case avx2
  /// `AVX512Philox.fillUniforms`: eight blocks per step in one 512-bit register (AVX-512F).
  case avx512

  /// The environment variable that forces the portable path when set to `1` (for tests and
  /// benchmarks of the portable build).
  static let portableVariable = "POLICYSIM_PORTABLE_DRAWS"

  /// The widest instruction set this CPU and operating system support, detected once.
  static let supported: DrawInstructionSet = detect()

  /// The instruction set the engine draws with: `supported`, or `portable` when
  /// `POLICYSIM_PORTABLE_DRAWS=1`. Read once per process.
  static let selected: DrawInstructionSet =
    ProcessInfo.processInfo.environment[portableVariable] == "1" ? .portable : supported

  /// Orders by width: portable < avx2 < avx512 (each CPU with AVX-512F also has AVX2).
  static func < (lhs: DrawInstructionSet, rhs: DrawInstructionSet) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The widest set the vector modules are built for (x86-64 hosts) and the CPU and OS
  /// support: on Linux from the flags of /proc/cpuinfo (the kernel lists `avx2` and `avx512f`
  /// only when it saves the wider registers), on macOS from the `hw.optional` sysctls;
  /// portable elsewhere.
  private static func detect() -> DrawInstructionSet {
    #if canImport(PhiloxAVX2) && canImport(PhiloxAVX512)
      #if os(Linux)
        guard let data = FileManager.default.contents(atPath: "/proc/cpuinfo") else { return .portable }
        return widest(cpuInfo: String(decoding: data, as: UTF8.self))
      #elseif canImport(Darwin)
        func sysctlFlag(_ name: String) -> Bool {
          var value: Int32 = 0
          var size = MemoryLayout<Int32>.size
          return sysctlbyname(name, &value, &size, nil, 0) == 0 && value != 0
        }
        guard sysctlFlag("hw.optional.avx2_0") else { return .portable }
        return sysctlFlag("hw.optional.avx512f") ? .avx512 : .avx2
      #else
        return .portable
      #endif
    #else
      return .portable
    #endif
  }

  /// The widest set that the first `flags` line of a /proc/cpuinfo text lists (`avx2`,
  /// `avx512f`); portable when there is none.
  static func widest(cpuInfo: String) -> DrawInstructionSet {
    for line in cpuInfo.split(separator: "\n") where line.hasPrefix("flags") {
      guard let colon = line.firstIndex(of: ":") else { return .portable }
      let flags = Set(line[line.index(after: colon)...].split(separator: " "))
      guard flags.contains("avx2") else { return .portable }
      return flags.contains("avx512f") ? .avx512 : .avx2
    }
    return .portable
  }
}

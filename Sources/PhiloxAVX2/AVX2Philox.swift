/// Philox4x32-10 uniforms for consecutive households, eight blocks per step in two 256-bit
/// registers (`PhiloxLanes`, compiled in this module with `-Xcc -mavx2`; Swift 6.3 rejects
/// `-target-cpu x86-64-v3`): about 2.4 ns per block on the build machine, against 6.3 for
/// the portable scalar loop.
///
/// Why a module of its own: Swift has no per-function target attribute, so the AVX2 code
/// lives in a target whose only public entry is this function. The portable code
/// (`RandomSource.fillUniforms` in Simulation) calls it only after checking at run time that
/// the CPU and the operating system support AVX2 (`DrawInstructionSet`); the binary keeps
/// running on any x86-64.
///
/// Determinism: bit-identical to `RandomSource.uniform` (see `PhiloxLanes`).
public enum AVX2Philox {
  /// Fills `buffer[i]` with the uniform of block `(firstHousehold + i, yearIndex, purpose,
  /// replication)` under the key `(key0, key1)`, as `PhiloxLanes.fillUniforms`.
  ///
  /// Must only be called when the CPU and the OS support AVX2 (an illegal instruction
  /// otherwise). Never inlined, so that none of its instructions ends up in portable code.
  /// - Complexity: O(count), no allocation.
  @inline(never)
  public static func fillUniforms(
    key0: UInt32, key1: UInt32, replication: UInt32, firstHousehold: UInt32,
    yearIndex: UInt32, purpose: UInt32, into buffer: UnsafeMutablePointer<Double>, count: Int
  ) {
    PhiloxLanes.fillUniforms(
      key0: key0, key1: key1, replication: replication, firstHousehold: firstHousehold,
      yearIndex: yearIndex, purpose: purpose, into: buffer, count: count)
  }
}

/// Philox4x32-10 uniforms for consecutive households, eight blocks at a time in SIMD lanes,
/// written so that LLVM compiles it into wide vector code: each lane's 32×32→64-bit
/// multiplies become one `vpmuludq` (eight lanes: two 256-bit registers with AVX2).
///
/// Internal to PhiloxAVX2 (built with `-Xcc -mavx2`) and only reached through `AVX2Philox`.
/// An AVX-512 level (`-Xcc -mavx512f`, one 512-bit register, 1.1 ns per block here) was
/// measured and dropped: see docs/performance.md. It would make this kernel `@inlinable` and
/// call it from a second module built with the wider flags.
///
/// Determinism: integer arithmetic only, plus exact conversions, so the output is
/// bit-identical to `RandomSource.uniform` (the tests in SimulationTests compare them).
enum PhiloxLanes {
  /// Fills `buffer[i]` with the uniform of block `(firstHousehold + i, yearIndex, purpose,
  /// replication)` under the key `(key0, key1)` (household modulo 2^32), exactly as
  /// `RandomSource.fillUniforms` does: u = (k + 0.5) / 2^52 with k = (x << 20) | (y >> 12).
  /// - Complexity: O(count), no allocation.
  @inline(__always)
  static func fillUniforms(
    key0: UInt32, key1: UInt32, replication: UInt32, firstHousehold: UInt32,
    yearIndex: UInt32, purpose: UInt32, into buffer: UnsafeMutablePointer<Double>, count: Int
  ) {
    // Households as 64-bit lanes: only their low 32 bits are read (the counter word wraps
    // modulo 2^32). No generic conversions here: a specialisation LLVM leaves out of line
    // would be compiled with AVX flags and could be shared with portable code by the linker.
    let lanes = SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)
    var household = firstHousehold
    var i = 0
    while i < count {
      let u = block8(
        key0: key0, key1: key1,
        x: SIMD8(repeating: UInt64(household)) &+ lanes,
        y: UInt64(yearIndex), z: UInt64(purpose), w: UInt64(replication))
      let n = min(8, count - i)
      if n == 8 {
        UnsafeMutableRawPointer(buffer + i).storeBytes(of: u, as: SIMD8<Double>.self)
      } else {
        for lane in 0..<n { buffer[i + lane] = u[lane] }
      }
      household &+= 8
      i += 8
    }
  }

  /// One Philox round on eight lanes (see `Philox4x32.round` in Simulation):
  /// (x, y, z, w) ← (hi(M1·z) ⊕ y ⊕ k0, lo(M1·z), hi(M0·x) ⊕ w ⊕ k1, lo(M0·x)).
  @inline(__always)
  static func round(
    _ x: inout SIMD8<UInt64>, _ y: inout SIMD8<UInt64>, _ z: inout SIMD8<UInt64>, _ w: inout SIMD8<UInt64>,
    _ k0: UInt32, _ k1: UInt32
  ) {
    // Only each lane's low 32 bits matter; the high halves carry leftovers of earlier
    // products, which nothing reads. The masks are free: they let LLVM use one `vpmuludq`
    // (which reads only the low halves) for each 64-bit multiply.
    let low = SIMD8<UInt64>(repeating: 0xFFFF_FFFF)
    let p0 = SIMD8<UInt64>(repeating: 0xD251_1F53) &* (x & low)
    let p1 = SIMD8<UInt64>(repeating: 0xCD9E_8D57) &* (z & low)
    x = (p1 &>> 32) ^ y ^ SIMD8(repeating: UInt64(k0))
    y = p1
    z = (p0 &>> 32) ^ w ^ SIMD8(repeating: UInt64(k1))
    w = p0
  }

  /// The uniforms of eight blocks whose counters differ only in word x (the household).
  @inline(__always)
  static func block8(key0: UInt32, key1: UInt32, x x0: SIMD8<UInt64>, y y0: UInt64, z z0: UInt64, w w0: UInt64) -> SIMD8<Double> {
    var x = x0
    var y = SIMD8<UInt64>(repeating: y0)
    var z = SIMD8<UInt64>(repeating: z0)
    var w = SIMD8<UInt64>(repeating: w0)
    // Ten rounds written out, the bumped keys k + r·(Weyl constant) as literals: LLVM
    // compiled the loop form into lane shuffles and did not unroll it.
    let (k0, k1) = (key0, key1)
    round(&x, &y, &z, &w, k0, k1)
    round(&x, &y, &z, &w, k0 &+ 0x9E37_79B9, k1 &+ 0xBB67_AE85)
    round(&x, &y, &z, &w, k0 &+ 0x3C6E_F372, k1 &+ 0x76CF_5D0A)
    round(&x, &y, &z, &w, k0 &+ 0xDAA6_6D2B, k1 &+ 0x3237_0B8F)
    round(&x, &y, &z, &w, k0 &+ 0x78DD_E6E4, k1 &+ 0xED9E_BA14)
    round(&x, &y, &z, &w, k0 &+ 0x1715_609D, k1 &+ 0xA906_6899)
    round(&x, &y, &z, &w, k0 &+ 0xB54C_DA56, k1 &+ 0x646E_171E)
    round(&x, &y, &z, &w, k0 &+ 0x5384_540F, k1 &+ 0x1FD5_C5A3)
    round(&x, &y, &z, &w, k0 &+ 0xF1BB_CDC8, k1 &+ 0xDB3D_7428)
    round(&x, &y, &z, &w, k0 &+ 0x8FF3_4781, k1 &+ 0x96A5_22AD)
    // k = (x << 20) | (y >> 12) < 2^52; 1 + k·2^-52 has the bit pattern 0x3FF0… | k, so
    // (that − 1) + 2^-53 = (k + 0.5)·2^-52 exactly, as in RandomSource.uniform(from:).
    let low = SIMD8<UInt64>(repeating: 0xFFFF_FFFF)
    let k = ((x & low) &<< 20) | ((y & low) &>> 12)
    let one = SIMD8<UInt64>(repeating: 0x3FF0_0000_0000_0000)
    let scaled = unsafeBitCast(k | one, to: SIMD8<Double>.self)
    return (scaled - 1) + 0x1p-53
  }
}

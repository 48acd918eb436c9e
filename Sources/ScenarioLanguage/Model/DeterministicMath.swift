/// Elementary functions computed the same way on every machine.
///
/// Why not `Foundation`/`Glibc` `exp` and `log`: the C standard leaves their accuracy
/// unspecified, and real C libraries change the last bit of some results between versions
/// (glibc rewrote both in 2.28) and between vendors (glibc, Apple libm, musl). PolicySim
/// promises bit-identical results on every machine and for years, so it cannot depend on them.
///
/// Determinism: every result is a fixed sequence of IEEE-754 binary64 `+`, `−`, `×` (each
/// correctly rounded, round-to-nearest-even, which Swift never changes), integer and bit
/// operations, and loads from constant tables in this file. No division, `sqrt`, libm call or
/// fused multiply-add is used (without `-mfma`, `addingProduct` becomes a call to the C
/// library's `fma`), and Swift never contracts `a * b + c` into a fused operation, so the
/// output bits depend only on the input bits. Where exactness matters the algorithm uses
/// error-free transformations (Fast2Sum, exact products of short significands) instead of FMA.
///
/// Accuracy: both functions are within 0.52 ulp of the exact result (measured against
/// 64-bit-significand references on tens of millions of arguments) and agree bit-for-bit with
/// glibc 2.28+ on more than 99.8% of arguments; special values follow IEEE 754 and glibc.
///
/// Method: the table-driven algorithms of Tang ("Table-driven implementation of the exponential
/// function", ACM TOMS 15(2), 1989; "... of the logarithm function", ACM TOMS 16(4), 1990), in
/// the form used by glibc 2.28+ (Szabolcs Nagy, ARM optimized-routines), rearranged so that no
/// fused multiply-add is needed. Tables and polynomial coefficients were generated with mpmath
/// at 80 digits (recipes next to each table); the polynomials are Remez minimax fits.
///
/// Performance: table lookups are written as array literals inside `@inline(__always)`
/// functions; in optimised builds the compiler emits them as constant data (no allocation, no
/// bounds checks), and the fast paths have one predictable range-check branch. Unoptimised
/// (debug) builds may build the arrays on each call: slower, same results.
public enum DeterministicMath {
  // MARK: - exp

  /// e raised to the power `x`.
  ///
  /// Special values as in IEEE 754 / glibc: `exp(nan)` is NaN, `exp(+inf) = +inf`,
  /// `exp(-inf) = 0`, `exp(±0) = 1` exactly; `x > 709.782712893384` overflows to `+inf`;
  /// results below 2^-1022 are rounded once onto the subnormal grid and reach 0 for
  /// `x < -745.1332191019411`.
  /// - Complexity: O(1), no allocation; about 25 floating-point operations.
  @inlinable
  public static func exp(_ x: Double) -> Double {
    // |x| < 707 gives a normal, finite result; NaN fails the comparison.
    guard x.magnitude < 707.0 else { return expOutsideFastRange(x) }
    let (scaleExponent, hi, lo) = expKernel(x)
    return (hi + lo) * Double(bitPattern: UInt64(bitPattern: (scaleExponent &+ 1023) << 52))
  }

  /// Returns (n, hi, lo) with exp(x) ≈ (hi + lo)·2^n, hi ∈ [1, 2) and |lo| < 2^-7.
  ///
  /// x = k·ln2/128 + r with k = 128·n + j, 0 ≤ j < 128, |r| ≤ ln2/256 (Cody–Waite: ln2/128
  /// is split into a 34-bit head, so k·head and x − k·head are exact, and a tail). Then
  /// exp(x) = 2^n · 2^(j/128) · exp(r) with 2^(j/128) = tHi + tLo from the table and
  /// exp(r) − 1 ≈ r + r²·q(r), q a degree-3 minimax fit with relative error < 2^-65.
  /// - Precondition: |x| ≤ 746 (the callers ensure it), so |k| < 2^18.
  @inlinable @inline(__always)
  internal static func expKernel(_ x: Double) -> (scaleExponent: Int64, hi: Double, lo: Double) {
    let (k, p) = expReduction(x)
    let (tHi, tLo) = exp2Table(Int(truncatingIfNeeded: k) & 127)
    return (k >> 7, tHi, tLo + tHi * p)
  }

  /// The table-free part of `expKernel`: k and p = exp(r + rLo) − 1 (see there). No branch
  /// and no look-up, so a loop of it vectorises.
  @inlinable @inline(__always)
  internal static func expReduction(_ x: Double) -> (k: Int64, p: Double) {
    let shifter = 0x1.8p52  // adding it rounds to an integer held in the low significand bits
    let kShifted = x * 0x1.71547652b82fep+7 + shifter  // 128/ln2
    let k = Int64(bitPattern: kShifted.bitPattern &- shifter.bitPattern)
    let kf = kShifted - shifter
    let rHead = x - kf * 0x1.62e42fef80000p-8  // exact
    let rTail = kf * 0x1.1cf79abc9e3b4p-43
    let r = rHead - rTail
    let rLo = (rHead - r) - rTail  // r + rLo = rHead − rTail (to within 2^-78)
    let r2 = r * r
    let q =
      (0x1.ffffffffffdbdp-2 + r * 0x1.5555555555768p-3)
      + r2 * (0x1.55555cf1d4a05p-5 + r * 0x1.11110f09af887p-7)
    let p = r + (rLo + r2 * q)  // exp(r + rLo) − 1
    return (k, p)
  }

  /// `out[i] = exp(x[i])` for `i < count`, bit-identical to `exp` value by value.
  ///
  /// Why: the argument reduction and polynomial (most of the work) run first over all values
  /// in a loop without table look-ups or branches, which the compiler vectorises; the table
  /// look-up and the scaling follow in a second loop. `x` and `out` may be the same buffer.
  /// - Complexity: O(count); no allocation beyond `count` integers on the stack.
  public static func exp(_ x: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, count: Int) {
    guard count > 0 else { return }
    withUnsafeTemporaryAllocation(of: Int64.self, capacity: count) { k in
      withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { p in
        for i in 0..<count {
          let (ki, pi) = expReduction(x[i])
          k[i] = ki
          p[i] = pi
        }
        for i in 0..<count {
          let xi = x[i]
          if xi.magnitude < 707.0 {
            let (tHi, tLo) = exp2Table(Int(truncatingIfNeeded: k[i]) & 127)
            out[i] = (tHi + (tLo + tHi * p[i])) * Double(bitPattern: UInt64(bitPattern: ((k[i] >> 7) &+ 1023) << 52))
          } else {
            out[i] = expOutsideFastRange(xi)
          }
        }
      }
    }
  }

  /// 2^(j/128) as an unevaluated sum hi + lo, 0 ≤ j < 128.
  ///
  /// Recipe (mpmath, 80 digits): t = 2^(j/128); hi = double(t); lo = double(t − hi).
  @inlinable @inline(__always)
  internal static func exp2Table(_ j: Int) -> (hi: Double, lo: Double) {
    let table: [Double] = [
      0x1.0000000000000p+0, 0x0.0p+0,
      0x1.0163da9fb3335p+0, 0x1.b61299ab8cdb7p-54,
      0x1.02c9a3e778061p+0, -0x1.19083535b085dp-56,
      0x1.04315e86e7f85p+0, -0x1.0a31c1977c96ep-54,
      0x1.059b0d3158574p+0, 0x1.d73e2a475b465p-55,
      0x1.0706b29ddf6dep+0, -0x1.c91dfe2b13c27p-55,
      0x1.0874518759bc8p+0, 0x1.186be4bb284ffp-57,
      0x1.09e3ecac6f383p+0, 0x1.1487818316136p-54,
      0x1.0b5586cf9890fp+0, 0x1.8a62e4adc610bp-54,
      0x1.0cc922b7247f7p+0, 0x1.01edc16e24f71p-54,
      0x1.0e3ec32d3d1a2p+0, 0x1.03a1727c57b53p-59,
      0x1.0fb66affed31bp+0, -0x1.b9bedc44ebd7bp-57,
      0x1.11301d0125b51p+0, -0x1.6c51039449b3ap-54,
      0x1.12abdc06c31ccp+0, -0x1.1b514b36ca5c7p-58,
      0x1.1429aaea92de0p+0, -0x1.32fbf9af1369ep-54,
      0x1.15a98c8a58e51p+0, 0x1.2406ab9eeab0ap-55,
      0x1.172b83c7d517bp+0, -0x1.19041b9d78a76p-55,
      0x1.18af9388c8deap+0, -0x1.11023d1970f6cp-54,
      0x1.1a35beb6fcb75p+0, 0x1.e5b4c7b4968e4p-55,
      0x1.1bbe084045cd4p+0, -0x1.95386352ef607p-54,
      0x1.1d4873168b9aap+0, 0x1.e016e00a2643cp-54,
      0x1.1ed5022fcd91dp+0, -0x1.1df98027bb78cp-54,
      0x1.2063b88628cd6p+0, 0x1.dc775814a8495p-55,
      0x1.21f49917ddc96p+0, 0x1.2a97e9494a5eep-55,
      0x1.2387a6e756238p+0, 0x1.9b07eb6c70573p-54,
      0x1.251ce4fb2a63fp+0, 0x1.ac155bef4f4a4p-55,
      0x1.26b4565e27cddp+0, 0x1.2bd339940e9d9p-55,
      0x1.284dfe1f56381p+0, -0x1.a4c3a8c3f0d7ep-54,
      0x1.29e9df51fdee1p+0, 0x1.612e8afad1255p-55,
      0x1.2b87fd0dad990p+0, -0x1.10adcd6381aa4p-59,
      0x1.2d285a6e4030bp+0, 0x1.0024754db41d5p-54,
      0x1.2ecafa93e2f56p+0, 0x1.1ca0f45d52383p-56,
      0x1.306fe0a31b715p+0, 0x1.6f46ad23182e4p-55,
      0x1.32170fc4cd831p+0, 0x1.a9ce78e18047cp-55,
      0x1.33c08b26416ffp+0, 0x1.32721843659a6p-54,
      0x1.356c55f929ff1p+0, -0x1.b5cee5c4e4628p-55,
      0x1.371a7373aa9cbp+0, -0x1.63aeabf42eae2p-54,
      0x1.38cae6d05d866p+0, -0x1.e958d3c9904bdp-54,
      0x1.3a7db34e59ff7p+0, -0x1.5e436d661f5e3p-56,
      0x1.3c32dc313a8e5p+0, -0x1.efff8375d29c3p-54,
      0x1.3dea64c123422p+0, 0x1.ada0911f09ebcp-55,
      0x1.3fa4504ac801cp+0, -0x1.7d023f956f9f3p-54,
      0x1.4160a21f72e2ap+0, -0x1.ef3691c309278p-58,
      0x1.431f5d950a897p+0, -0x1.1c7dde35f7999p-55,
      0x1.44e086061892dp+0, 0x1.89b7a04ef80d0p-59,
      0x1.46a41ed1d0057p+0, 0x1.c944bd1648a76p-54,
      0x1.486a2b5c13cd0p+0, 0x1.3c1a3b69062f0p-56,
      0x1.4a32af0d7d3dep+0, 0x1.9cb62f3d1be56p-54,
      0x1.4bfdad5362a27p+0, 0x1.d4397afec42e2p-56,
      0x1.4dcb299fddd0dp+0, 0x1.8ecdbbc6a7833p-54,
      0x1.4f9b2769d2ca7p+0, -0x1.4b309d25957e3p-54,
      0x1.516daa2cf6642p+0, -0x1.f768569bd93efp-55,
      0x1.5342b569d4f82p+0, -0x1.07abe1db13cadp-55,
      0x1.551a4ca5d920fp+0, -0x1.d689cefede59bp-55,
      0x1.56f4736b527dap+0, 0x1.9bb2c011d93adp-54,
      0x1.58d12d497c7fdp+0, 0x1.295e15b9a1de8p-55,
      0x1.5ab07dd485429p+0, 0x1.6324c054647adp-54,
      0x1.5c9268a5946b7p+0, 0x1.c4b1b816986a2p-60,
      0x1.5e76f15ad2148p+0, 0x1.ba6f93080e65ep-54,
      0x1.605e1b976dc09p+0, -0x1.3e2429b56de47p-54,
      0x1.6247eb03a5585p+0, -0x1.383c17e40b497p-54,
      0x1.6434634ccc320p+0, -0x1.c483c759d8933p-55,
      0x1.6623882552225p+0, -0x1.bb60987591c34p-54,
      0x1.68155d44ca973p+0, 0x1.038ae44f73e65p-57,
      0x1.6a09e667f3bcdp+0, -0x1.bdd3413b26456p-54,
      0x1.6c012750bdabfp+0, -0x1.2895667ff0b0dp-56,
      0x1.6dfb23c651a2fp+0, -0x1.bbe3a683c88abp-57,
      0x1.6ff7df9519484p+0, -0x1.83c0f25860ef6p-55,
      0x1.71f75e8ec5f74p+0, -0x1.16e4786887a99p-55,
      0x1.73f9a48a58174p+0, -0x1.0a8d96c65d53cp-54,
      0x1.75feb564267c9p+0, -0x1.0245957316dd3p-54,
      0x1.780694fde5d3fp+0, 0x1.866b80a02162dp-54,
      0x1.7a11473eb0187p+0, -0x1.41577ee04992fp-55,
      0x1.7c1ed0130c132p+0, 0x1.f124cd1164dd6p-54,
      0x1.7e2f336cf4e62p+0, 0x1.05d02ba15797ep-56,
      0x1.80427543e1a12p+0, -0x1.27c86626d972bp-54,
      0x1.82589994cce13p+0, -0x1.d4c1dd41532d8p-54,
      0x1.8471a4623c7adp+0, -0x1.8d684a341cdfbp-55,
      0x1.868d99b4492edp+0, -0x1.fc6f89bd4f6bap-54,
      0x1.88ac7d98a6699p+0, 0x1.994c2f37cb53ap-54,
      0x1.8ace5422aa0dbp+0, 0x1.6e9f156864b27p-54,
      0x1.8cf3216b5448cp+0, -0x1.0d55e32e9e3aap-56,
      0x1.8f1ae99157736p+0, 0x1.5cc13a2e3976cp-55,
      0x1.9145b0b91ffc6p+0, -0x1.dd6792e582524p-54,
      0x1.93737b0cdc5e5p+0, -0x1.75fc781b57ebcp-57,
      0x1.95a44cbc8520fp+0, -0x1.64b7c96a5f039p-56,
      0x1.97d829fde4e50p+0, -0x1.d185b7c1b85d1p-54,
      0x1.9a0f170ca07bap+0, -0x1.173bd91cee632p-54,
      0x1.9c49182a3f090p+0, 0x1.c7c46b071f2bep-56,
      0x1.9e86319e32323p+0, 0x1.824ca78e64c6ep-56,
      0x1.a0c667b5de565p+0, -0x1.359495d1cd533p-54,
      0x1.a309bec4a2d33p+0, 0x1.6305c7ddc36abp-54,
      0x1.a5503b23e255dp+0, -0x1.d2f6edb8d41e1p-54,
      0x1.a799e1330b358p+0, 0x1.bcb7ecac563c7p-54,
      0x1.a9e6b5579fdbfp+0, 0x1.0fac90ef7fd31p-54,
      0x1.ac36bbfd3f37ap+0, -0x1.f9234cae76cd0p-55,
      0x1.ae89f995ad3adp+0, 0x1.7a1cd345dcc81p-54,
      0x1.b0e07298db666p+0, -0x1.bdef54c80e425p-54,
      0x1.b33a2b84f15fbp+0, -0x1.2805e3084d708p-57,
      0x1.b59728de5593ap+0, -0x1.c71dfbbba6de3p-54,
      0x1.b7f76f2fb5e47p+0, -0x1.5584f7e54ac3bp-56,
      0x1.ba5b030a1064ap+0, -0x1.efcd30e54292ep-54,
      0x1.bcc1e904bc1d2p+0, 0x1.23dd07a2d9e84p-55,
      0x1.bf2c25bd71e09p+0, -0x1.efdca3f6b9c73p-54,
      0x1.c199bdd85529cp+0, 0x1.11065895048ddp-55,
      0x1.c40ab5fffd07ap+0, 0x1.b4537e083c60ap-54,
      0x1.c67f12e57d14bp+0, 0x1.2884dff483cadp-54,
      0x1.c8f6d9406e7b5p+0, 0x1.1acbc48805c44p-56,
      0x1.cb720dcef9069p+0, 0x1.503cbd1e949dbp-56,
      0x1.cdf0b555dc3fap+0, -0x1.dd83b53829d72p-55,
      0x1.d072d4a07897cp+0, -0x1.cbc3743797a9cp-54,
      0x1.d2f87080d89f2p+0, -0x1.d487b719d8578p-54,
      0x1.d5818dcfba487p+0, 0x1.2ed02d75b3707p-55,
      0x1.d80e316c98398p+0, -0x1.11ec18beddfe8p-54,
      0x1.da9e603db3285p+0, 0x1.c2300696db532p-54,
      0x1.dd321f301b460p+0, 0x1.2da5778f018c3p-54,
      0x1.dfc97337b9b5fp+0, -0x1.1a5cd4f184b5cp-54,
      0x1.e264614f5a129p+0, -0x1.7b627817a1496p-54,
      0x1.e502ee78b3ff6p+0, 0x1.39e8980a9cc8fp-55,
      0x1.e7a51fbc74c83p+0, 0x1.2d522ca0c8de2p-54,
      0x1.ea4afa2a490dap+0, -0x1.e9c23179c2893p-54,
      0x1.ecf482d8e67f1p+0, -0x1.c93f3b411ad8cp-54,
      0x1.efa1bee615a27p+0, 0x1.dc7f486a4b6b0p-54,
      0x1.f252b376bba97p+0, 0x1.3a1a5bf0d8e43p-54,
      0x1.f50765b6e4540p+0, 0x1.9d3e12dd8a18bp-54,
      0x1.f7bfdad9cbe14p+0, -0x1.dbb12d006350ap-54,
      0x1.fa7c1819e90d8p+0, 0x1.74853f3a5931ep-55,
      0x1.fd3c22b8f71f1p+0, 0x1.2eb74966579e7p-57,
    ]
    return (table[2 &* j], table[2 &* j &+ 1])
  }

  /// `exp` for |x| ≥ 707 and NaN: overflow, gradual underflow and special values.
  @usableFromInline @inline(never)
  internal static func expOutsideFastRange(_ x: Double) -> Double {
    if x.isNaN { return quieted(x) }
    if x > 709.8 { return .infinity }  // includes +inf; 709.78… to 709.8 overflow below
    if x < -746.0 { return 0 }  // includes -inf; exp(x) < 2^-1076
    let (n, hi, lo) = expKernel(x)  // n ∈ [-1077, 1024]
    if n > 0 {
      // Two exact scalings so that 2^n itself never overflows; the product rounds to
      // +inf exactly when the correctly scaled result exceeds the largest double.
      return ((hi + lo) * 2.0) * Double(bitPattern: UInt64(bitPattern: (n &+ 1022) << 52))
    }
    // Result = (hi + lo)·2^n with n ≤ -1020. Rescale exactly to y·2^-1022.
    let scale = Double(bitPattern: UInt64(bitPattern: (n &+ 2045) << 52))  // 2^(n+1022)
    let yHi = hi * scale
    let yLo = lo * scale
    let y = yHi + yLo
    if y >= 1.0 { return y * 0x1p-1022 }  // normal result, same rounding as the fast path
    // Subnormal result: round yHi + yLo once, to a multiple of 2^-52, by adding 1 (as
    // glibc does); rounding first to 53 bits and then again to the subnormal grid could
    // give a double-rounding error.
    let oneHi = 1.0 + yHi
    let oneLo = ((1.0 - oneHi) + yHi) + yLo
    return ((oneHi + oneLo) - 1.0) * 0x1p-1022
  }

  // MARK: - log

  /// The natural logarithm of `x`.
  ///
  /// Special values as in IEEE 754 / glibc: `log(nan)` is NaN, `log(x < 0)` is NaN,
  /// `log(±0) = -inf`, `log(+inf) = +inf`, `log(1) = 0` exactly; subnormal `x` is exact
  /// input like any other.
  /// - Complexity: O(1), no allocation; about 35 floating-point operations.
  @inlinable
  public static func log(_ x: Double) -> Double {
    let bits = x.bitPattern
    // Positive, normal and finite: bit patterns 0x0010…0 ..< 0x7FF0…0.
    guard bits &- 0x0010_0000_0000_0000 < 0x7FE0_0000_0000_0000 else {
      return logOutsideFastRange(x)
    }
    return logKernel(bits, exponentAdjustment: 0)
  }

  /// log(x) for the bit pattern of a positive normal double, plus `exponentAdjustment`·ln2.
  ///
  /// x = 2^k·z with z ∈ [0x1.5fp-1, 0x1.5fp0) (bit-exact), z in one of 128 subintervals
  /// with a 26-bit reciprocal `invc` of its centre (exactly 1 for the subinterval around 1).
  /// log(x) = k·ln2 + log(c) + log1p(r) with r = z·invc − 1, |r| ≤ 2^-8, c = 1/invc.
  /// r is computed as (zHi·invc − 1) + zLo·invc from a split of z into 26 + 27 bits: both
  /// products are exact and the subtraction is exact (Sterbenz), so r + rLo is z·invc − 1
  /// to within 2^-78 — what an FMA would give, without one. log1p(r) − r ≈ r²·p(r), p a
  /// degree-5 minimax fit with relative error < 2^-64. k·ln2Hi + log(c)Hi is exact (both
  /// are multiples of 2^-43 below 2^10), and the rest is summed with Fast2Sum.
  @inlinable @inline(__always)
  internal static func logKernel(_ bits: UInt64, exponentAdjustment: Int64) -> Double {
    let tmp = bits &- 0x3FE5_F000_0000_0000
    let i = Int(truncatingIfNeeded: tmp >> 45) & 127
    let k = Int64(bitPattern: tmp) >> 52
    let zBits = bits &- (tmp & 0xFFF0_0000_0000_0000)
    let z = Double(bitPattern: zBits)
    let zHi = Double(bitPattern: zBits & 0xFFFF_FFFF_F800_0000)  // top 26 bits
    let zLo = z - zHi
    let (invc, logcHi, logcLo) = logTable(i)
    let a = zHi * invc - 1.0
    let b = zLo * invc
    let r = a + b
    let rLo = (a - r) + b
    let kd = Double(k &+ exponentAdjustment)
    let w = kd * 0x1.62e42fefa3800p-1 + logcHi  // exact
    let hi = w + r
    let hiLo = (w - hi) + r
    let r2 = r * r
    let p =
      (-0x1.0000000000000p-1 + r * 0x1.5555555555557p-2)
      + r2
      * ((-0x1.ffffffff15d93p-3 + r * 0x1.9999999886b0dp-3)
        + r2 * (-0x1.55571f645216ap-3 + r * 0x1.24940e3206ec2p-3))
    let lo = (hiLo + (rLo + (logcLo + kd * 0x1.ef35793c76730p-45))) + r2 * p
    return hi + lo
  }

  /// (invc, log(c) head, log(c) tail) for subinterval i of [0x1.5fp-1, 0x1.5fp0).
  ///
  /// Recipe (mpmath, 80 digits): subinterval i holds the doubles whose bit patterns lie in
  /// [0x3FE5F00000000000 + i·2^45, … + (i+1)·2^45); invc = 2/(lo + hi) of its end points
  /// rounded to 26 significant bits, except invc = 1 for i = 80 (the subinterval around 1);
  /// L = −log(invc); head = L rounded to a multiple of 2^-43; tail = double(L − head).
  @inlinable @inline(__always)
  internal static func logTable(_ i: Int) -> (invc: Double, logcHi: Double, logcLo: Double) {
    let table: [Double] = [
      0x1.745d178000000p+0, -0x1.7fafa45d81800p-2, 0x1.726d0c811afbfp-45,
      0x1.7242880000000p+0, -0x1.79e266a7cf800p-2, -0x1.9ec3d2efd18cdp-45,
      0x1.702e060000000p+0, -0x1.741d881c67800p-2, -0x1.d837949dd3e88p-45,
      0x1.6e1f768000000p+0, -0x1.6e60edd8f1800p-2, -0x1.716fcfc213042p-46,
      0x1.6c16c18000000p+0, -0x1.68ac8421c6800p-2, -0x1.0a00f2756f2c5p-45,
      0x1.6a13cd0000000p+0, -0x1.63003077ab000p-2, 0x1.db704e731b6cap-45,
      0x1.6816818000000p+0, -0x1.5d5bde3996000p-2, 0x1.a0fae08a432afp-47,
      0x1.661ec68000000p+0, -0x1.57bf74d28d000p-2, -0x1.fa8716e5ce002p-46,
      0x1.642c858000000p+0, -0x1.522ae0438a000p-2, -0x1.ebde08164c2d9p-45,
      0x1.623fa78000000p+0, -0x1.4c9e0a0f73000p-2, 0x1.e210d5b0ad4aep-45,
      0x1.6058160000000p+0, -0x1.4718dc171c800p-2, 0x1.f27de0967d6a0p-45,
      0x1.5e75bb8000000p+0, -0x1.419b42175e800p-2, -0x1.8e2cdec90d7afp-47,
      0x1.5c98828000000p+0, -0x1.3c2526cb33000p-2, -0x1.82d8cb6053b7cp-46,
      0x1.5ac0568000000p+0, -0x1.36b676dde1000p-2, -0x1.164f530f08ec4p-46,
      0x1.58ed230000000p+0, -0x1.314f1e0536000p-2, 0x1.8e29ed3213d48p-45,
      0x1.571ed40000000p+0, -0x1.2bef087dc9000p-2, -0x1.a956a4a50e2c9p-45,
      0x1.5555558000000p+0, -0x1.269621934d800p-2, -0x1.c8fc1df5c090bp-45,
      0x1.5390948000000p+0, -0x1.214456a2eb800p-2, -0x1.a85cdba46ab12p-47,
      0x1.51d07e8000000p+0, -0x1.1bf995a9a6800p-2, -0x1.ca22451474e10p-45,
      0x1.5015018000000p+0, -0x1.16b5cd4ccf800p-2, -0x1.b9599b7a59523p-45,
      0x1.4e5e0a8000000p+0, -0x1.1178e84a7e800p-2, 0x1.c217263a5ed82p-45,
      0x1.4cab888000000p+0, -0x1.0c42d6a016000p-2, -0x1.7181cd63cedecp-45,
      0x1.4afd6a0000000p+0, -0x1.071385f4d5800p-2, -0x1.89c5b16ed4d3cp-48,
      0x1.49539e0000000p+0, -0x1.01eae4aa6c800p-2, 0x1.701141487e43fp-46,
      0x1.47ae148000000p+0, -0x1.f991c6eb3b000p-3, -0x1.bcbccca0cdf85p-46,
      0x1.460cbc8000000p+0, -0x1.ef5ade51d0000p-3, 0x1.a212565bb8e0cp-51,
      0x1.446f868000000p+0, -0x1.e530f10671000p-3, -0x1.101e7605959b0p-51,
      0x1.42d6628000000p+0, -0x1.db13dbe949000p-3, 0x1.b021f37157a0cp-45,
      0x1.4141418000000p+0, -0x1.d10380b656000p-3, 0x1.8718e75b1e0cep-47,
      0x1.3fb0140000000p+0, -0x1.c6ffbc8f01000p-3, 0x1.1ecf2c5962a7dp-48,
      0x1.3e22cc0000000p+0, -0x1.bd0874c3be000p-3, 0x1.d520459536c0bp-45,
      0x1.3c995a8000000p+0, -0x1.b31d86e1bd000p-3, 0x1.c55e64ea90c74p-47,
      0x1.3b13b10000000p+0, -0x1.a93ed248ae000p-3, 0x1.87b4350574169p-45,
      0x1.3991c30000000p+0, -0x1.9f6c420889000p-3, -0x1.986246866daecp-45,
      0x1.3813810000000p+0, -0x1.95a5ac5f70000p-3, -0x1.7d118589d0985p-47,
      0x1.3698df0000000p+0, -0x1.8beafd1b90000p-3, 0x1.765f8aaee9299p-47,
      0x1.3521cf8000000p+0, -0x1.823c15051a000p-3, -0x1.e00139a619ca3p-46,
      0x1.33ae458000000p+0, -0x1.7898d6f045000p-3, 0x1.c7588f0930dfcp-46,
      0x1.323e348000000p+0, -0x1.6f0127cf57000p-3, 0x1.514d6e59c6165p-45,
      0x1.30d1900000000p+0, -0x1.6574eb68c1000p-3, -0x1.9cd8b2c3c1922p-46,
      0x1.2f684c0000000p+0, -0x1.5bf407b544000p-3, 0x1.27823eb67ed71p-46,
      0x1.2e025c0000000p+0, -0x1.527e5e2a1b000p-3, -0x1.633d8e5697d9cp-45,
      0x1.2c9fb50000000p+0, -0x1.4913d9433b000p-3, -0x1.57ef554fe1cd3p-45,
      0x1.2b404b0000000p+0, -0x1.3fb45ba193000p-3, 0x1.cd8697e6981d2p-45,
      0x1.29e4128000000p+0, -0x1.365fca3159000p-3, -0x1.586a823400134p-51,
      0x1.288b010000000p+0, -0x1.2d160fb068000p-3, -0x1.38a48cb7ff603p-47,
      0x1.27350b8000000p+0, -0x1.23d7126c9c000p-3, -0x1.00cc18fd3dd93p-46,
      0x1.25e2270000000p+0, -0x1.1aa2b7aa3f000p-3, -0x1.ca75d44389850p-45,
      0x1.2492490000000p+0, -0x1.1178e7227e000p-3, -0x1.1eb78ce2cb29cp-45,
      0x1.2345678000000p+0, -0x1.08598b15e4000p-3, 0x1.7e625b00991c5p-45,
      0x1.21fb780000000p+0, -0x1.fe89129dbe000p-4, 0x1.535d64fa115a7p-45,
      0x1.20b4710000000p+0, -0x1.ec739b60a2000p-4, 0x1.dca91afe4ec6ep-45,
      0x1.1f70480000000p+0, -0x1.da72783844000p-4, -0x1.a81401fa7c1dep-46,
      0x1.1e2ef38000000p+0, -0x1.c8857d33c4000p-4, -0x1.63e5f8659a6fdp-45,
      0x1.1cf06b0000000p+0, -0x1.b6ac8afad6000p-4, 0x1.399882bf69c30p-46,
      0x1.1bb4a40000000p+0, -0x1.a4e763cb1c000p-4, 0x1.e42f6b9440873p-47,
      0x1.1a7b960000000p+0, -0x1.9335e4d594000p-4, -0x1.3105c3abd3d2fp-45,
      0x1.1945380000000p+0, -0x1.8197e2740e000p-4, -0x1.f7fdcf96ff8a2p-47,
      0x1.1811810000000p+0, -0x1.700d2f4eac000p-4, -0x1.c004da99c3188p-49,
      0x1.16e0688000000p+0, -0x1.5e95a3b17a000p-4, 0x1.c6a5c7c5d2d9bp-45,
      0x1.15b1e60000000p+0, -0x1.4d31165208000p-4, 0x1.53c2582f4d745p-48,
      0x1.1485f10000000p+0, -0x1.3bdf5c4d1e000p-4, -0x1.cc515a5db8e5ap-45,
      0x1.135c810000000p+0, -0x1.2aa0492472000p-4, 0x1.0b82cae9c78adp-45,
      0x1.12358e8000000p+0, -0x1.1973bdac66000p-4, 0x1.532b7960d9c5fp-45,
      0x1.1111110000000p+0, -0x1.08598a59e4000p-4, 0x1.7e7dd7009a581p-46,
      0x1.0fef010000000p+0, -0x1.eea31a206c000p-5, 0x1.e14c24fc95ea3p-47,
      0x1.0ecf568000000p+0, -0x1.ccb7357ddc000p-5, 0x1.a842447dc55b6p-46,
      0x1.0db20a8000000p+0, -0x1.aaef2bffb0000p-5, -0x1.0fbd1f53bb295p-45,
      0x1.0c97150000000p+0, -0x1.894aa1c9fc000p-5, 0x1.979b5d05a2628p-46,
      0x1.0b7e6f0000000p+0, -0x1.67c9568d4c000p-5, 0x1.2d55fec115444p-47,
      0x1.0a68108000000p+0, -0x1.466ae8a2e0000p-5, 0x1.c1bcc75be8111p-45,
      0x1.0953f38000000p+0, -0x1.252f3108d0000p-5, -0x1.83daaa021acc8p-45,
      0x1.0842108000000p+0, -0x1.0415d81e74000p-5, -0x1.111805cf1d6a9p-47,
      0x1.0732608000000p+0, -0x1.c63d25e148000p-6, -0x1.573d9ff9e3e71p-45,
      0x1.0624dd0000000p+0, -0x1.8492470c90000p-6, 0x1.aa8fe325b09afp-45,
      0x1.05197f8000000p+0, -0x1.432a92f980000p-6, -0x1.9812092863828p-47,
      0x1.0410410000000p+0, -0x1.0205648938000p-6, 0x1.3dc6b06e2f7fdp-45,
      0x1.03091b8000000p+0, -0x1.8244a0f890000p-7, 0x1.75d8e1a7400f3p-45,
      0x1.0204080000000p+0, -0x1.01014f5890000p-7, 0x1.0c96b999d413ep-46,
      0x1.0101010000000p+0, -0x1.0080549580000p-8, -0x1.166aecb31c67ap-45,
      0x1.0000000000000p+0, 0x0.0p+0, 0x0.0p+0,
      0x1.fc07f00000000p-1, 0x1.fe02b6b100000p-8, 0x1.9e43f0dda563ap-46,
      0x1.f81f820000000p-1, 0x1.fc0a890fc0000p-7, 0x1.f207cf6d3a147p-50,
      0x1.f4465a0000000p-1, 0x1.7b91acfd58000p-6, 0x1.88e1893fa9f13p-45,
      0x1.f07c1f0000000p-1, 0x1.f829b1e780000p-6, 0x1.980367c7e0a0fp-45,
      0x1.ecc07b0000000p-1, 0x1.39e87ebfec000p-5, -0x1.4ef2ff525b925p-48,
      0x1.e9131a8000000p-1, 0x1.774593832c000p-5, 0x1.d008734f2ff84p-45,
      0x1.e573ac8000000p-1, 0x1.b42dd82198000p-5, -0x1.c81ea65d66d19p-46,
      0x1.e1e1e20000000p-1, 0x1.f0a30a0118000p-5, -0x1.d589e8336993cp-45,
      0x1.de5d6e0000000p-1, 0x1.1653710a38000p-4, -0x1.47356768ed653p-46,
      0x1.dae6078000000p-1, 0x1.341d78b1be000p-4, -0x1.c5e61ccf91757p-45,
      0x1.d77b658000000p-1, 0x1.51b0722862000p-4, -0x1.efc02e1c6d6e9p-46,
      0x1.d41d420000000p-1, 0x1.6f0d272e56000p-4, 0x1.69977c9334fdap-45,
      0x1.d0cb590000000p-1, 0x1.8c345d131a000p-4, -0x1.37bf74d2f570fp-46,
      0x1.cd85688000000p-1, 0x1.a926d434ae000p-4, -0x1.538e4e85ba8e2p-45,
      0x1.ca4b308000000p-1, 0x1.c5e5477dbc000p-4, 0x1.d10a7d85f7a6ep-46,
      0x1.c71c720000000p-1, 0x1.e27074e2b0000p-4, -0x1.a302c2af05591p-45,
      0x1.c3f8f00000000p-1, 0x1.fec9141dbe000p-4, 0x1.576545ca33e9dp-45,
      0x1.c0e0700000000p-1, 0x1.0d77e8cd09000p-3, -0x1.a599688e7069ep-47,
      0x1.bdd2b88000000p-1, 0x1.1b72adc6f6000p-3, 0x1.e81765811ab87p-45,
      0x1.bacf918000000p-1, 0x1.29552e91ff000p-3, 0x1.490b417717db8p-45,
      0x1.b7d6c40000000p-1, 0x1.371fc161e9000p-3, -0x1.16c064d27fae5p-48,
      0x1.b4e81b8000000p-1, 0x1.44d2b5e4b8000p-3, -0x1.7062f6135f743p-46,
      0x1.b203640000000p-1, 0x1.526e5e5a1b000p-3, 0x1.0de9b90075bbap-45,
      0x1.af286c0000000p-1, 0x1.5ff3060a79000p-3, 0x1.ea6439f0fa58ep-46,
      0x1.ac57018000000p-1, 0x1.6d60ff459d000p-3, 0x1.0e9e723b34353p-46,
      0x1.a98ef60000000p-1, 0x1.7ab890410e000p-3, -0x1.bdb8072534a2dp-45,
      0x1.a6d01a8000000p-1, 0x1.87fa05f60d000p-3, -0x1.bbd3b3fdbfdffp-45,
      0x1.a41a418000000p-1, 0x1.9525aa7f45000p-3, 0x1.ad3bd04c1f09ep-45,
      0x1.a16d3f8000000p-1, 0x1.a23bc2722b000p-3, 0x1.58d371c46c9dbp-45,
      0x1.9ec8e98000000p-1, 0x1.af3c94000c000p-3, -0x1.8a9e33fed5211p-52,
      0x1.9c2d150000000p-1, 0x1.bc2866ead9000p-3, -0x1.94dbe318bbe7ep-46,
      0x1.9999998000000p-1, 0x1.c8ff7cf9aa000p-3, -0x1.7784f689f7989p-45,
      0x1.970e4f8000000p-1, 0x1.d5c216b8fc000p-3, -0x1.1ba917bca681bp-45,
      0x1.948b100000000p-1, 0x1.e27075e2af000p-3, 0x1.7374f543f5465p-46,
      0x1.920fb48000000p-1, 0x1.ef0add51c6000p-3, -0x1.b25615c869ea7p-45,
      0x1.8f9c190000000p-1, 0x1.fb9186b5e4000p-3, -0x1.d56eaab993d31p-47,
      0x1.8d30190000000p-1, 0x1.040258d74d000p-2, 0x1.051009ef23164p-48,
      0x1.8acb910000000p-1, 0x1.0a324e0f39000p-2, 0x1.c6c7e7ef400cep-47,
      0x1.886e5f0000000p-1, 0x1.1058bfb6e4800p-2, 0x1.6a8f5fd055b4ap-45,
      0x1.8618618000000p-1, 0x1.1675cacaba800p-2, -0x1.f1fa63382a89ap-46,
      0x1.83c9778000000p-1, 0x1.1c898c8899800p-2, 0x1.fb614e8e7cc95p-46,
      0x1.8181818000000p-1, 0x1.22941fc0f7800p-2, 0x1.65a262853da77p-46,
      0x1.7f40600000000p-1, 0x1.2895a0bde8800p-2, -0x1.5c214b6d05aeap-46,
      0x1.7d05f40000000p-1, 0x1.2e8e2bee12000p-2, -0x1.67a1e99b7212dp-45,
      0x1.7ad2208000000p-1, 0x1.347dd9cf88000p-2, -0x1.558f394c57e56p-45,
      0x1.78a4c80000000p-1, 0x1.3a64c59694800p-2, -0x1.0b0c6865189b5p-45,
      0x1.767dce8000000p-1, 0x1.404307c26a800p-2, -0x1.b6babed994f57p-50,
    ]
    return (table[3 &* i], table[3 &* i &+ 1], table[3 &* i &+ 2])
  }

  /// `log` for zero, negative, subnormal, infinite and NaN arguments.
  @usableFromInline @inline(never)
  internal static func logOutsideFastRange(_ x: Double) -> Double {
    if x.isNaN { return quieted(x) }
    if x == 0 { return -.infinity }
    if x < 0 { return .nan }
    if x == .infinity { return .infinity }
    // Subnormal: x·2^52 is exact and normal.
    return logKernel((x * 0x1p52).bitPattern, exponentAdjustment: -52)
  }

  /// A NaN argument returned as a quiet NaN with its sign and payload, as `x + x` does on
  /// x86-64 and ARM, but without depending on the hardware's NaN propagation rules.
  @usableFromInline
  internal static func quieted(_ x: Double) -> Double {
    Double(bitPattern: x.bitPattern | 0x0008_0000_0000_0000)
  }
}

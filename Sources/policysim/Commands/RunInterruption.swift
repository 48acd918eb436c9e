import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGINT and SIGTERM during `policysim run`: stop within a second, leave the output folder
/// as it was (or complete), exit 130.
///
/// Why: runs take hours on shared servers and are stopped with Ctrl-C or by a scheduler's
/// SIGTERM; the previous results must survive and no half-written file may appear.
///
/// How it behaves, by phase:
/// - **simulating** (nothing written yet): the signal handler only records the signal; the
///   runner's workers see it before their next replication and stop; `run` then prints one
///   line and exits 130. If a replication is too long for that to happen within a second, a
///   watchdog thread prints the same line and ends the process with `_exit(130)`: nothing
///   has been written, so there is nothing to clean up.
/// - **writing** (`ResultsFolder.write`, milliseconds): each file is replaced atomically, so
///   the writing is allowed to finish (a folder of complete, consistent files) and the
///   process then exits 130.
///
/// The handler is async-signal-safe: it stores into atomics and writes one byte to a pipe.
enum RunInterruption {
  /// The phases of a run, as the watchdog sees them.
  private enum Phase: Int32 {
    case idle = 0, simulating, writing, finished
  }

  /// How long the workers get to notice the signal before the watchdog ends the process.
  static let grace: TimeInterval = 0.8

  /// Whether SIGINT or SIGTERM has arrived since `install`.
  static var isRequested: Bool { signalNumber.load(ordering: .acquiring) != 0 }

  /// The one line printed when a run is stopped.
  static func message(folder: String) -> String {
    let name = signalNumber.load(ordering: .acquiring) == SIGTERM ? "SIGTERM" : "SIGINT"
    return "policysim: interrupted by \(name); no results written, '\(folder)' left as it was"
  }

  /// Installs the SIGINT/SIGTERM handlers and the watchdog, and enters the simulating phase.
  /// `folder` is named in the watchdog's message; with `created` (the run created it and
  /// has written nothing into it yet) the watchdog removes it if it is still empty.
  static func install(folder: String, created: Bool) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return }
    wakeDescriptor.store(fds[1], ordering: .releasing)
    phase.store(Phase.simulating.rawValue, ordering: .releasing)
    let reader = fds[0]
    let watchdog = Thread {
      var byte: UInt8 = 0
      while read(reader, &byte, 1) < 0 && errno == EINTR {}
      Thread.sleep(forTimeInterval: grace)
      // Only while still simulating (no file being written): the main thread did not stop.
      if phase.compareExchange(expected: Phase.simulating.rawValue, desired: Phase.finished.rawValue, ordering: .acquiringAndReleasing)
        .exchanged
      {
        let text = Array((message(folder: folder) + "\n").utf8)
        _ = text.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if created { rmdir(folder) }
        _exit(130)
      }
    }
    watchdog.start()
    for number in [SIGINT, SIGTERM] {
      signal(number) { received in
        signalNumber.store(received, ordering: .releasing)
        var byte: UInt8 = 1
        _ = write(wakeDescriptor.load(ordering: .acquiring), &byte, 1)
      }
    }
  }

  /// Leaves the simulating phase. Returns false when the run was interrupted (or the
  /// watchdog is already ending it): then nothing must be written.
  static func beginWriting() -> Bool {
    if isRequested { return endPhase() }
    let exchanged = phase.compareExchange(
      expected: Phase.simulating.rawValue, desired: Phase.writing.rawValue, ordering: .acquiringAndReleasing
    ).exchanged
    if !exchanged { hang() }
    return true
  }

  /// Marks the end of writing (or of the run).
  static func finish() {
    phase.store(Phase.finished.rawValue, ordering: .releasing)
  }

  /// Takes over from the watchdog; returns false (interrupted).
  private static func endPhase() -> Bool {
    let exchanged = phase.compareExchange(
      expected: Phase.simulating.rawValue, desired: Phase.finished.rawValue, ordering: .acquiringAndReleasing
    ).exchanged
    if !exchanged { hang() }
    return false
  }

  /// The watchdog has taken over and is about to `_exit(130)`: wait for it.
  private static func hang() -> Never {
    while true { Thread.sleep(forTimeInterval: 1) }
  }
}

/// The signal received (0: none). Global so the C signal handler can reach it.
private let signalNumber = Atomic<Int32>(0)
/// The write end of the watchdog's pipe.
private let wakeDescriptor = Atomic<Int32>(-1)
/// The current `RunInterruption.Phase`.
private let phase = Atomic<Int32>(0)

import Foundation
import Reports
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Faults of the output device: a full disk, a read-only file system, a file size limit,
/// special files. Each is a thrown `OutputError` naming the path and the reason, never a
/// crash, and the device nodes are never replaced. These work as root too (root ignores
/// permissions, but not `/dev/full`, `/proc`, `/sys` or `RLIMIT_FSIZE`).
final class AtomicFileFaultTests: XCTestCase {
  private var directory = ""

  override func setUpWithError() throws {
    directory = NSTemporaryDirectory() + "atomicfile-faults-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: directory)
  }

  private func error(_ body: () throws(OutputError) -> Void) -> OutputError? {
    do throws(OutputError) {
      try body()
      return nil
    } catch {
      return error
    }
  }

  private func isCharacterDevice(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR
  }

  func testDevFullIsADiskFullError() throws {
    guard isCharacterDevice("/dev/full") else { throw XCTSkip("no /dev/full on this system") }
    let failure = error { () throws(OutputError) in try AtomicFile.write("option,year\r\n", to: "/dev/full") }
    XCTAssertEqual(failure?.description, "cannot write /dev/full: No space left on device")
    XCTAssertEqual(failure?.code, ENOSPC)
    XCTAssertTrue(isCharacterDevice("/dev/full"), "the device node is not replaced")
  }

  func testASymbolicLinkToDevFullIsADiskFullErrorAndStaysALink() throws {
    guard isCharacterDevice("/dev/full") else { throw XCTSkip("no /dev/full on this system") }
    let link = directory + "/summary.csv"
    XCTAssertEqual(symlink("/dev/full", link), 0)
    let failure = error { () throws(OutputError) in try AtomicFile.write("option,year\r\n", to: link) }
    XCTAssertEqual(failure?.description, "cannot write \(link): No space left on device")
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "/dev/full")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["summary.csv"], "no temporary file left")
  }

  func testDevNullAcceptsTheBytes() throws {
    XCTAssertNil(error { () throws(OutputError) in try AtomicFile.write("x", to: "/dev/null") })
    XCTAssertTrue(isCharacterDevice("/dev/null"))
  }

  func testAFIFOIsRefused() throws {
    let fifo = directory + "/summary.csv"
    XCTAssertEqual(mkfifo(fifo, 0o644), 0)
    XCTAssertEqual(
      error { () throws(OutputError) in try AtomicFile.write("x", to: fifo) }?.description, "cannot write \(fifo): not a regular file")
  }

  /// `/proc` and `/sys` refuse new files even to root.
  func testReadOnlyFileSystemsAreErrors() throws {
    let proc = error { () throws(OutputError) in try AtomicFile.write("x", to: "/proc/policysim-summary.csv") }
    XCTAssertEqual(proc?.path, "/proc/policysim-summary.csv")
    XCTAssertTrue(proc?.description.hasPrefix("cannot write /proc/policysim-summary.csv: ") ?? false, "\(String(describing: proc))")
    let sys = error { () throws(OutputError) in try AtomicFile.probeDirectory("/sys/policysim-results") }
    XCTAssertTrue(
      sys?.description.hasPrefix("cannot create directory /sys/policysim-results: ") ?? false, "\(String(describing: sys))")
    XCTAssertNil(error { () throws(OutputError) in try AtomicFile.probeDirectory(directory + "/new/results") })
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/new/results"), [], "the probe leaves nothing")
  }

  /// A file size limit (EFBIG, as on a quota) fails the write and removes the temporary file.
  func testAFileSizeLimitIsAnErrorAndLeavesNoTemporaryFile() throws {
    var saved = rlimit()
    XCTAssertEqual(getrlimit(RLIMIT_FSIZE_VALUE, &saved), 0)
    let previousHandler = signal(SIGXFSZ, SIG_IGN)
    var limited = saved
    limited.rlim_cur = 4096
    XCTAssertEqual(setrlimit(RLIMIT_FSIZE_VALUE, &limited), 0)
    let target = directory + "/summary.csv"
    let failure = error { () throws(OutputError) in try AtomicFile.write(String(repeating: "0123456789\r\n", count: 10_000), to: target) }
    XCTAssertEqual(setrlimit(RLIMIT_FSIZE_VALUE, &saved), 0)
    signal(SIGXFSZ, previousHandler)
    XCTAssertEqual(failure?.code, EFBIG)
    XCTAssertEqual(failure?.description, "cannot write \(target): File too large")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [], "no partial file, no temporary file")
  }
}

/// `RLIMIT_FSIZE` as the `Int32`-based resource type `getrlimit` takes on Glibc.
#if canImport(Glibc)
  private let RLIMIT_FSIZE_VALUE = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#else
  private let RLIMIT_FSIZE_VALUE = RLIMIT_FSIZE
#endif

/// Temporary files left by a killed writer are removed by the next run; nothing else is.
final class StaleTemporaryFileTests: XCTestCase {
  func testOnlyTemporaryFilesOfDeadProcessesAreRemoved() throws {
    let directory = NSTemporaryDirectory() + "stale-temporaries-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // A process number that is not running: the largest possible one, checked.
    let dead: Int32 = 4_194_303
    XCTAssertEqual(kill(dead, 0), -1)
    let names = [
      ".summary.csv.tmp-\(dead)-1f2e3d", ".summary.csv.tmp-\(getpid())-abc", ".summary.csv.tmp-1-abc", "summary.csv",
      ".notes.tmp-\(dead)-not-hex", "mine.tmp-\(dead)-ab",
    ]
    for name in names { FileManager.default.createFile(atPath: directory + "/" + name, contents: Data("x".utf8)) }
    XCTAssertEqual(AtomicFile.removeStaleTemporaryFiles(in: directory), [".summary.csv.tmp-\(dead)-1f2e3d"])
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory).sorted(),
      names.filter { !$0.contains("\(dead)-1f2e3d") }.sorted())
  }
}

import Reports
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

final class AtomicFileTests: XCTestCase {
  private var directory = ""

  override func setUpWithError() throws {
    var template = Array("/tmp/atomicfile-test-XXXXXX".utf8CString)
    let created: String? = template.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress, let path = mkdtemp(base) else { return nil }
      return String(cString: path)
    }
    guard let created else { throw XCTSkip("mkdtemp failed") }
    directory = created
  }

  override func tearDownWithError() throws {
    chmod(directory, 0o755)
    removeTree(directory)
  }

  /// Recursively removes a directory tree created by the tests.
  private func removeTree(_ path: String) {
    for name in entries(path) {
      let child = path + "/" + name
      var info = stat()
      if lstat(child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        chmod(child, 0o755)
        removeTree(child)
      } else {
        unlink(child)
      }
    }
    rmdir(path)
  }

  /// Names in a directory, excluding "." and "..", sorted.
  private func entries(_ path: String) -> [String] {
    guard let handle = opendir(path) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  private func contents(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n == 0 { break }
      bytes.append(contentsOf: buffer[0..<n])
    }
    return bytes
  }

  func testWritesAndReplacesContent() throws {
    let path = directory + "/summary.csv"
    try AtomicFile.write(Array("first\r\n".utf8), to: path)
    XCTAssertEqual(contents(path), Array("first\r\n".utf8))
    try AtomicFile.write("second, longer — ü\r\n", to: path)
    XCTAssertEqual(contents(path), Array("second, longer — ü\r\n".utf8))
    try AtomicFile.write([], to: path)
    XCTAssertEqual(contents(path), [])
    XCTAssertEqual(entries(directory), ["summary.csv"], "no temporary files left behind")
  }

  func testLargeContent() throws {
    let path = directory + "/big.bin"
    let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try AtomicFile.write(bytes, to: path)
    XCTAssertEqual(contents(path), bytes)
  }

  func testMissingDirectoryThrowsAndLeavesNothing() {
    let path = directory + "/missing/summary.csv"
    XCTAssertThrowsError(try AtomicFile.write("x", to: path)) { error in
      let message = "\(error)"
      XCTAssertEqual(message, "cannot write \(path): No such file or directory")
      XCTAssertEqual((error as? OutputError)?.code, ENOENT)
    }
    XCTAssertEqual(entries(directory), [])
  }

  func testDirectoryComponentThatIsAFileThrows() throws {
    try AtomicFile.write("plain file", to: directory + "/file")
    let path = directory + "/file/summary.csv"
    XCTAssertThrowsError(try AtomicFile.write("x", to: path)) { error in
      XCTAssertEqual("\(error)", "cannot write \(path): Not a directory")
    }
  }

  func testTargetThatIsADirectoryThrowsAndCleansUp() throws {
    try AtomicFile.createDirectory(directory + "/out")
    XCTAssertThrowsError(try AtomicFile.write("x", to: directory + "/out")) { error in
      XCTAssertTrue("\(error)".hasPrefix("cannot write \(self.directory)/out: "), "\(error)")
    }
    XCTAssertThrowsError(try AtomicFile.write("x", to: directory + "/out/")) { error in
      XCTAssertTrue("\(error)".hasPrefix("cannot write \(self.directory)/out/: "), "\(error)")
    }
    XCTAssertEqual(entries(directory), ["out"], "temporary file removed after failed rename")
    XCTAssertEqual(entries(directory + "/out"), [])
  }

  func testUnwritableDirectoryThrowsPermissionDenied() throws {
    if geteuid() == 0 { throw XCTSkip("running as root: directory permissions do not apply") }
    let locked = directory + "/locked"
    try AtomicFile.createDirectory(locked)
    XCTAssertEqual(chmod(locked, 0o555), 0)
    let path = locked + "/summary.csv"
    XCTAssertThrowsError(try AtomicFile.write("x", to: path)) { error in
      XCTAssertEqual("\(error)", "cannot write \(path): Permission denied")
    }
    XCTAssertEqual(entries(locked), [])
  }

  func testRelativePathInCurrentDirectory() throws {
    let previous = getcwd(nil, 0).map { pointer -> String in
      defer { free(pointer) }
      return String(cString: pointer)
    }
    XCTAssertEqual(chdir(directory), 0)
    defer { if let previous { chdir(previous) } }
    try AtomicFile.write("relative", to: "relative.txt")
    XCTAssertEqual(contents(directory + "/relative.txt"), Array("relative".utf8))
    XCTAssertEqual(entries(directory), ["relative.txt"])
  }

  func testCreateDirectoryIsMkdirP() throws {
    let nested = directory + "/a/b//c/"
    try AtomicFile.createDirectory(nested)
    try AtomicFile.createDirectory(nested)  // idempotent
    try AtomicFile.write("ok", to: directory + "/a/b/c/result.csv")
    XCTAssertEqual(entries(directory + "/a/b/c"), ["result.csv"])

    try AtomicFile.write("file", to: directory + "/blocker")
    XCTAssertThrowsError(try AtomicFile.createDirectory(directory + "/blocker/sub")) { error in
      XCTAssertEqual(
        "\(error)",
        "cannot create directory \(self.directory)/blocker/sub: Not a directory")
    }
    XCTAssertThrowsError(try AtomicFile.createDirectory("")) { error in
      XCTAssertEqual((error as? OutputError)?.code, ENOENT)
    }
  }
}

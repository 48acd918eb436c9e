#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Crash-safe replacement of output files.
///
/// Why: a run that is interrupted (or fails half-way) must never leave a truncated
/// `summary.csv` that looks like a result. `write` therefore writes a temporary file in the
/// target's directory, flushes it to disk, and renames it over the target, so readers see
/// either the old complete file or the new complete file, never a mixture.
///
/// Procedure of `write`: create `.<name>.tmp-<pid>-<random hex>` exclusively (mode 0644
/// before umask), write all bytes (retrying short writes and EINTR), `fsync`, `close`,
/// `rename` over the target, then `fsync` the directory so the rename itself is durable
/// (file systems that cannot sync directories, EINVAL, are tolerated). On any failure before
/// the rename the temporary file is removed and an `OutputError` naming the target path and
/// the system's reason is thrown. The target's previous permissions are not preserved.
///
/// Special files: when the target (after following symbolic links) is a character device,
/// such as `/dev/null`, `/dev/stdout` or `/dev/full`, the bytes are written into it directly
/// (a device cannot be replaced by renaming, and must not be: as root that would swap the
/// device node for a regular file); a failure such as `/dev/full`'s "No space left on device"
/// is thrown like any other. Any other non-regular target (a directory, FIFO, socket) is
/// refused.
public enum AtomicFile {
  /// Atomically replaces (or creates) the file at `path` with `bytes`.
  /// - Throws: `OutputError` ("cannot write <path>: <reason>"); the target is then unchanged
  ///   unless only the final directory sync failed.
  /// - Complexity: O(bytes.count) plus a few system calls.
  public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
    let (directory, name) = split(path)
    if name.isEmpty || name == "." || name == ".." {
      throw OutputError(action: "write", path: path, errorNumber: path.isEmpty ? ENOENT : EISDIR)
    }
    switch fileKind(path) {
    case .missing, .regular: break
    case .directory: throw OutputError(action: "write", path: path, errorNumber: EISDIR)
    case .characterDevice: return try writeDevice(bytes, to: path)
    case .other: throw OutputError(action: "write", path: path, reason: "not a regular file", code: EINVAL)
    }
    // Create the temporary file, retrying on the (unlikely) name clash.
    var temporary = ""
    var fd: Int32 = -1
    for _ in 0..<16 {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
      temporary = joined(directory, ".\(name).tmp-\(getpid())-\(suffix)")
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if fd >= 0 || errno != EEXIST { break }
    }
    if fd < 0 { throw OutputError(action: "write", path: path, errorNumber: errno) }

    var failure = bytes.withUnsafeBytes { writeAll(fd, $0) }
    if failure == 0, fsync(fd) != 0 { failure = errno }
    if close(fd) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw OutputError(action: "write", path: path, errorNumber: failure)
    }
    let directorySync = syncDirectory(directory)
    if directorySync != 0 {
      throw OutputError(action: "write", path: path, errorNumber: directorySync)
    }
  }

  /// Atomically replaces (or creates) the file at `path` with the UTF-8 of `text`.
  /// - Throws: `OutputError`, as `write(_:to:)` for bytes.
  /// - Complexity: O(text.utf8.count).
  public static func write(_ text: String, to path: String) throws(OutputError) {
    try write(Array(text.utf8), to: path)
  }

  /// Checks, before a long computation, that files can be created in the directory at
  /// `path`: creates it (and its parents) if needed, then creates and removes an empty
  /// temporary file in it. Full disks are only detected when the real bytes are written.
  /// - Throws: `OutputError` ("cannot write <path>: <reason>"), e.g. a read-only file system.
  public static func probeDirectory(_ path: String) throws(OutputError) {
    try createDirectory(path)
    let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    let probe = joined(path, ".probe.tmp-\(getpid())-\(suffix)")
    let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if fd < 0 { throw OutputError(action: "write", path: path, errorNumber: errno) }
    close(fd)
    unlink(probe)
  }

  /// Removes the temporary files (`.NAME.tmp-PID-HEX`) that `write` left in `directory`
  /// when its process was killed (SIGKILL, power loss): only those whose process no longer
  /// exists. Returns the names removed. Files of any other name are never touched.
  @discardableResult
  public static func removeStaleTemporaryFiles(in directory: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      names.append(name)
    }
    closedir(handle)
    var removed: [String] = []
    for name in names where name.hasPrefix(".") {
      guard let marker = name.ranges(of: ".tmp-").last else { continue }
      let parts = name[marker.upperBound...].split(separator: "-")
      guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, UInt64(parts[1], radix: 16) != nil else { continue }
      if pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH { continue }
      if unlink(joined(directory, name)) == 0 { removed.append(name) }
    }
    return removed.sorted()
  }

  /// Writes into a character device (no temporary file, no rename).
  private static func writeDevice(_ bytes: [UInt8], to path: String) throws(OutputError) {
    let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
    if fd < 0 { throw OutputError(action: "write", path: path, errorNumber: errno) }
    var failure = bytes.withUnsafeBytes { writeAll(fd, $0) }
    if close(fd) != 0, failure == 0 { failure = errno }
    if failure != 0 { throw OutputError(action: "write", path: path, errorNumber: failure) }
  }

  /// Creates `folder` if needed and writes each `(name, text)` into it atomically, in order;
  /// returns the paths written. Stops at the first failure (files already written stay).
  @discardableResult
  public static func write(_ files: [(name: String, text: String)], into folder: String) throws(OutputError) -> [String] {
    try createDirectory(folder)
    var written: [String] = []
    for (name, text) in files {
      let file = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      try write(text, to: file)
      written.append(file)
    }
    return written
  }

  /// Creates the directory at `path` and any missing parents (like `mkdir -p`, mode 0755
  /// before umask). Succeeds if the directory already exists.
  /// - Throws: `OutputError` ("cannot create directory <path>: <reason>"), e.g. when a
  ///   component exists but is not a directory, or permission is denied.
  /// - Complexity: O(number of path components) system calls.
  public static func createDirectory(_ path: String) throws(OutputError) {
    if path.isEmpty {
      throw OutputError(action: "create directory", path: path, errorNumber: ENOENT)
    }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      if !prefix.isEmpty && !prefix.hasSuffix("/") { prefix += "/" }
      prefix += component
      let existing = fileKind(prefix)
      if existing == .directory { continue }
      if existing != .missing {
        throw OutputError(action: "create directory", path: path, errorNumber: ENOTDIR)
      }
      if mkdir(prefix, 0o755) != 0 {
        let failure = errno
        // Lost a race with another creator: fine if it made a directory.
        if failure == EEXIST && fileKind(prefix) == .directory { continue }
        throw OutputError(
          action: "create directory", path: path,
          errorNumber: failure == EEXIST ? ENOTDIR : failure)
      }
    }
  }
}

/// What, if anything, exists at a path.
private enum FileKind {
  case missing, directory, regular, characterDevice, other
}

/// Classifies `path` with stat(2) (following symbolic links).
private func fileKind(_ path: String) -> FileKind {
  var info = stat()
  if stat(path, &info) != 0 { return .missing }
  switch info.st_mode & S_IFMT {
  case S_IFDIR: return .directory
  case S_IFREG: return .regular
  case S_IFCHR: return .characterDevice
  default: return .other
  }
}

/// Splits a path into (directory, last component); the directory is "." for a bare name.
private func split(_ path: String) -> (directory: String, name: String) {
  guard let slash = path.lastIndex(of: "/") else { return (".", path) }
  let name = String(path[path.index(after: slash)...])
  let directory = slash == path.startIndex ? "/" : String(path[..<slash])
  return (directory, name)
}

/// Joins a directory and a file name.
private func joined(_ directory: String, _ name: String) -> String {
  directory.hasSuffix("/") ? directory + name : directory + "/" + name
}

/// Writes all bytes to `fd`, retrying short writes and EINTR; returns 0 or an errno value.
private func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
  guard let base = bytes.baseAddress else { return 0 }
  var offset = 0
  while offset < bytes.count {
    let written = write(fd, base + offset, bytes.count - offset)
    if written < 0 {
      if errno == EINTR { continue }
      return errno
    }
    offset += written
  }
  return 0
}

/// fsyncs a directory so a rename inside it is durable; returns 0 or an errno value.
/// EINVAL (directory sync unsupported by the file system) counts as success.
private func syncDirectory(_ directory: String) -> Int32 {
  let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  if fd < 0 { return errno }
  var failure: Int32 = 0
  if fsync(fd) != 0 && errno != EINVAL { failure = errno }
  close(fd)
  return failure
}

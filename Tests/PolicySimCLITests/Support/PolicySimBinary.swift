import Dispatch
import Foundation
import XCTest

/// Runs the built `policysim` executable, as swift-argument-parser's tests run theirs.
enum PolicySimBinary {
  /// The outcome of one run.
  struct Outcome {
    var status: Int32
    var output: String
    var error: String
  }

  /// The package root, from this file's location.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Support
      .deletingLastPathComponent()  // PolicySimCLITests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()
  }

  /// The reference county scenario.
  static var referenceScenario: String {
    packageRoot.appendingPathComponent("scenarios/reference-county.scenario").path
  }

  /// Where the executable may be, most specific first: `POLICYSIM_BINARY`; next to the test
  /// bundle (Linux: `Bundle.main` is the folder of the test runner; macOS: the `.xctest`
  /// bundle's parent); the products folders of the package's own `.build`.
  static var candidates: [URL] {
    var urls: [URL] = []
    if let override = ProcessInfo.processInfo.environment["POLICYSIM_BINARY"] {
      urls.append(URL(fileURLWithPath: override))
    }
    urls.append(Bundle.main.bundleURL.appendingPathComponent("policysim"))
    if let executable = Bundle.main.executableURL {
      urls.append(executable.deletingLastPathComponent().appendingPathComponent("policysim"))
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      urls.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("policysim"))
    }
    let build = packageRoot.appendingPathComponent(".build")
    urls.append(build.appendingPathComponent("debug/policysim"))
    urls.append(build.appendingPathComponent("release/policysim"))
    return urls
  }

  /// The first candidate that is an executable file.
  static func locate() throws -> URL {
    for url in candidates where FileManager.default.isExecutableFile(atPath: url.path) {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return url
      }
    }
    throw XCTSkip(
      "policysim executable not found; looked in \(candidates.map(\.path)). Build it (swift build) or set POLICYSIM_BINARY."
    )
  }

  /// Runs `policysim` with arguments in a folder; gives up after `timeout` seconds.
  static func run(_ arguments: [String], in folder: String? = nil, timeout: TimeInterval = 300)
    throws -> Outcome
  {
    let process = Process()
    process.executableURL = try locate()
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes at once so that neither can fill up and block the child.
    let group = DispatchGroup()
    let collected = Collected()
    DispatchQueue.global().async(group: group) {
      collected.output = output.fileHandleForReading.readDataToEndOfFile()
    }
    DispatchQueue.global().async(group: group) {
      collected.error = error.fileHandleForReading.readDataToEndOfFile()
    }
    if group.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      throw Timeout(arguments: arguments)
    }
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, output: String(decoding: collected.output, as: UTF8.self),
      error: String(decoding: collected.error, as: UTF8.self))
  }

  struct Timeout: Error, CustomStringConvertible {
    var arguments: [String]
    var description: String {
      "policysim \(arguments.joined(separator: " ")) did not finish in time"
    }
  }

  private final class Collected: @unchecked Sendable {
    var output = Data()
    var error = Data()
  }

  /// A fresh temporary folder, removed at the end of the test.
  static func temporaryFolder(_ testCase: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "policysim-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
  }
}

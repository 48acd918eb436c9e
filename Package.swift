// swift-tools-version:6.0
import PackageDescription

/// Philox draws with AVX2: on x86-64 hosts, Simulation gets the module PhiloxAVX2, compiled
/// for AVX2, which it calls only after checking at run time that the CPU supports AVX2
/// (`DrawInstructionSet`); the rest of the build targets baseline x86-64. Other
/// architectures build without it.
#if arch(x86_64)
  let philoxTargets: [Target] = [.target(name: "PhiloxAVX2", swiftSettings: [.unsafeFlags(["-Xcc", "-mavx2"])])]
  let simulationDependencies: [Target.Dependency] = ["ScenarioLanguage", "PhiloxAVX2"]
#else
  let philoxTargets: [Target] = []
  let simulationDependencies: [Target.Dependency] = ["ScenarioLanguage"]
#endif

/// PolicySim depends on the Swift toolchain alone: no package dependencies, by design.
let package = Package(
  name: "PolicySim",
  products: [
    .library(name: "ScenarioLanguage", targets: ["ScenarioLanguage"]),
    .library(name: "Simulation", targets: ["Simulation"]),
    .library(name: "Reports", targets: ["Reports"]),
    .executable(name: "policysim", targets: ["policysim"]),
  ],
  targets: philoxTargets + [
    .target(name: "ScenarioLanguage"),
    .target(name: "Simulation", dependencies: simulationDependencies),
    .target(name: "Reports", dependencies: ["ScenarioLanguage", "Simulation"]),
    .executableTarget(name: "policysim", dependencies: ["ScenarioLanguage", "Simulation", "Reports"]),
    .testTarget(name: "ScenarioLanguageTests", dependencies: ["ScenarioLanguage"], resources: [.copy("Golden")]),
    .testTarget(name: "SimulationTests", dependencies: ["ScenarioLanguage", "Simulation"]),
    .testTarget(name: "ReportsTests", dependencies: ["ScenarioLanguage", "Simulation", "Reports"], resources: [.copy("Golden")]),
    .testTarget(name: "PolicySimCLITests", dependencies: ["policysim"]),
  ]
)

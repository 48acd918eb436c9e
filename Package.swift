// swift-tools-version:6.0
import PackageDescription

/// PolicySim depends on the Swift toolchain alone: no package dependencies, by design.
let package = Package(
  name: "PolicySim",
  products: [
    .library(name: "ScenarioLanguage", targets: ["ScenarioLanguage"]),
    .library(name: "Simulation", targets: ["Simulation"]),
    .library(name: "Reports", targets: ["Reports"]),
    .executable(name: "policysim", targets: ["policysim"]),
  ],
  targets: [
    .target(name: "ScenarioLanguage"),
    .target(name: "Simulation", dependencies: ["ScenarioLanguage"]),
    .target(name: "Reports", dependencies: ["ScenarioLanguage", "Simulation"]),
    .executableTarget(name: "policysim", dependencies: ["ScenarioLanguage", "Simulation", "Reports"]),
    .testTarget(name: "ScenarioLanguageTests", dependencies: ["ScenarioLanguage"], resources: [.copy("Golden")]),
    .testTarget(name: "SimulationTests", dependencies: ["ScenarioLanguage", "Simulation"]),
    .testTarget(name: "ReportsTests", dependencies: ["ScenarioLanguage", "Simulation", "Reports"], resources: [.copy("Golden")]),
    .testTarget(name: "PolicySimCLITests", dependencies: ["policysim"]),
  ]
)

import Foundation
import HummingbirdTesting
import Testing

@testable import Server
import TradingCore
import WitnessLog
import YiwangTestSupport

/// OCDS 1.1 release and record packages of the demo data, validated against the official 1.1.5 schemas and closed
/// codelists in ../shared/schemas by .ci/check_ocds.py (Python jsonschema); and the change feed.
@Suite struct OCDSTests {
    /// Runs the Python checker on `directory`; nil when python3 with jsonschema is missing and the run does not require it.
    static func check(_ directory: URL) throws -> (status: Int32, output: String)? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schemas = try SharedVectors.root().deletingLastPathComponent().appendingPathComponent("schemas/ocds-1.1.5")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent(".ci/check_ocds.py").path, schemas.path, directory.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import jsonschema, referencing"]
        probe.standardError = Pipe()
        if (try? probe.run()) == nil { return try Self.missing() }
        probe.waitUntilExit()
        if probe.terminationStatus != 0 { return try Self.missing() }
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static func missing() throws -> (status: Int32, output: String)? {
        if ProcessInfo.processInfo.environment["YIWANG_REQUIRE_PYTHON_CHECKS"] == "1" {
            throw TestFailure("python3 with jsonschema is required (pip install jsonschema)")
        }
        print("OCDSTests: python3 with jsonschema not found; schema validation skipped (CI sets YIWANG_REQUIRE_PYTHON_CHECKS=1)")
        return nil
    }

    @Test("the demo data's release and record packages are valid OCDS 1.1.5", arguments: TestEngine.available)
    func demoPackagesValidate(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            #expect(try await DemoData.seedIfEmpty(test.platform))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-ocds-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let projects = try await test.platform.tenders.publicProjects(tradingType: nil, phase: nil, limit: 100)
            #expect(projects.count >= 4)
            var tags = Set<String>()
            for project in projects {
                for kind in ["releases", "records"] {
                    let (status, json) = try await client.json(.get, "/api/v1/ocds/\(kind)/\(project.id)")
                    #expect(status == .ok)
                    let data = try JSONSerialization.data(withJSONObject: json)
                    try data.write(to: directory.appendingPathComponent("\(project.id).\(kind).json"))
                    for release in json["releases"] as? [[String: Any]] ?? [] {
                        tags.formUnion(release["tag"] as? [String] ?? [])
                        #expect(release["ocid"] as? String == "ocds-yw0000-\(project.id)")
                    }
                }
            }
            #expect(tags.isSuperset(of: ["tender", "award", "contract"]), "the demo covers tender, award and contract releases: \(tags)")
            // the contracted project's compiled release has the award, the contract and the bids
            let contracted = try #require(projects.first { $0.lots.contains { $0.contractSignedAt != nil } })
            let (_, record) = try await client.json(.get, "/api/v1/ocds/records/\(contracted.id)")
            let compiled = try #require(((record["records"] as? [[String: Any]])?.first?["compiledRelease"]) as? [String: Any])
            #expect((compiled["awards"] as? [[String: Any]])?.first?["status"] as? String == "active")
            #expect((compiled["contracts"] as? [[String: Any]])?.count == 1)
            #expect(((compiled["bids"] as? [String: Any])?["details"] as? [Any])?.count == 3)
            #expect((compiled["tender"] as? [String: Any])?["status"] as? String == "complete")
            if let (status, output) = try Self.check(directory) {
                #expect(status == 0, "\(output)")
                #expect(output.contains("\(projects.count * 2) packages, 0 problems"), "\(output)")
            }
            // a draft project has no packages
            let draft = try await test.platform.engine.read { db in
                try await db.raw("SELECT id FROM projects WHERE published = 0").first()?.decode(column: "id", as: String.self)
            }
            if let draft { #expect(try await client.json(.get, "/api/v1/ocds/releases/\(draft)").status == .notFound) }
        }
    }

    @Test("the change feed names each change of a public project once, in log order, with cursor paging", arguments: TestEngine.available)
    func changeFeed(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let (_, empty) = try await client.json(.get, "/api/v1/ocds/changes")
            #expect((empty["items"] as? [Any])?.isEmpty == true, "a draft is not in the feed")
            try await fixture.announce(client, now: test.clock.now())
            var seen: [Int] = []
            var cursor = ""
            for _ in 0..<20 {
                let (status, page) = try await client.json(.get, "/api/v1/ocds/changes?limit=2&cursor=\(cursor)")
                #expect(status == .ok)
                let items = page["items"] as? [[String: Any]] ?? []
                if items.isEmpty { break }
                seen += items.compactMap { $0["logIndex"] as? Int }
                #expect(items.allSatisfy { $0["ocid"] as? String == "ocds-yw0000-\(fixture.projectID)" })
                cursor = page["nextCursor"] as? String ?? ""
            }
            #expect(!seen.isEmpty && seen == seen.sorted() && Set(seen).count == seen.count)
            #expect(try await client.json(.get, "/api/v1/ocds/changes?cursor=abc").status.code / 100 == 4)
        }
    }
}


import Foundation
import Logging
import SQLKit
import Storage
import Testing

/// SQLite always; PostgreSQL instead when POSTGRES_URL is set.
enum Engines {
    static func open() async throws -> (any DatabaseEngine, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-storage-\(UUID().uuidString)")
        if let base = ProcessInfo.processInfo.environment["POSTGRES_URL"] {
            let name = "yw_storage_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased())"
            let admin = try PostgresEngine(url: base, logger: Logger(label: "test"))
            try await admin.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            await admin.shutdown()
            var components = URLComponents(string: base)!
            components.path = "/" + name
            return (try PostgresEngine(url: components.string!, logger: Logger(label: "test")), directory)
        }
        return (try await SQLiteEngine(path: directory.appendingPathComponent("t.sqlite").path, logger: Logger(label: "test")), directory)
    }
}

@Suite("Storage: migrations, transactions with their log entry, the file store")
struct StorageTests {
    @Test("migrations run once; a second run applies nothing")
    func migrations() async throws {
        let (engine, directory) = try await Engines.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try await Migrator.migrate(engine) == Migrator.all.map(\.version))
        #expect(zip(Migrator.all, Migrator.all.dropFirst()).allSatisfy { $0.version < $1.version }, "versions strictly increasing")
        #expect(try await Migrator.migrate(engine) == [])
        await engine.shutdown()
    }

    @Test("a change and its log entry commit together; a failed change leaves neither")
    func atomicity() async throws {
        let (engine, directory) = try await Engines.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Migrator.migrate(engine)
        struct Boom: Error {}
        let event = LogEvent(type: "test.changed", project: nil, actor: "tester", time: Date())
        await #expect(throws: Boom.self) {
            try await engine.transaction { db in
                try await db.raw("INSERT INTO parties (id, name, kind, credit_status, created_at) VALUES ('p1', 'x', 'person', 'none', 0)").run()
                _ = try await LogRecords.append(event, on: db)
                throw Boom()
            }
        }
        let counts = try await engine.read { db in
            (try await LogRecords.count(on: db), try await db.raw("SELECT COUNT(*) AS n FROM parties").first()?.decode(column: "n", as: Int64.self) ?? -1)
        }
        #expect(counts == (0, 0))
        let position = try await engine.transaction { db in
            try await db.raw("INSERT INTO parties (id, name, kind, credit_status, created_at) VALUES ('p1', 'x', 'person', 'none', 0)").run()
            return try await LogRecords.append(event, on: db)
        }
        #expect(position.index == 0)
        #expect(position.leafHash.count == 64)
        let entries = try await engine.read { db in try await LogRecords.entries(from: 0, limit: 10, on: db) }
        #expect(entries.count == 1)
        #expect(entries[0].entry.hasPrefix("{\"actor\":\"tester\""), "canonical JSON with sorted keys: \(entries[0].entry)")
        await engine.shutdown()
    }

    @Test("concurrent appends get distinct, gapless indices")
    func concurrentAppends() async throws {
        let (engine, directory) = try await Engines.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Migrator.migrate(engine)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    _ = try await engine.transaction { db in
                        try await LogRecords.append(LogEvent(type: "t", project: "\(index)", actor: "a", time: Date()), on: db)
                    }
                }
            }
            try await group.waitForAll()
        }
        let indices = try await engine.read { db in try await LogRecords.entries(from: 0, limit: 100, on: db).map(\.idx) }
        #expect(indices == Array(0..<40))
        await engine.shutdown()
    }

    @Test("a batch of events appends in order in one statement; each event's prev links the project's previous entry, earlier ones of the batch included")
    func batchAppend() async throws {
        let (engine, directory) = try await Engines.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Migrator.migrate(engine)
        _ = try await engine.transaction { db in try await LogRecords.append(LogEvent(type: "t.first", project: "p", actor: "a", time: Date()), on: db) }
        let positions = try await engine.transaction { db in
            try await LogRecords.append([
                LogEvent(type: "t.a", project: "p", actor: "a", time: Date()), LogEvent(type: "t.b", project: "q", actor: "a", time: Date()),
                LogEvent(type: "t.c", project: nil, actor: "a", time: Date()), LogEvent(type: "t.d", project: "p", actor: "a", time: Date()),
            ], on: db)
        }
        #expect(positions.map(\.index) == [1, 2, 3, 4])
        let entries = try await engine.read { db in try await LogRecords.entries(from: 0, limit: 10, on: db) }
        struct Linked: Decodable { var type: String; var prev: Int64? }
        let linked = try entries.map { try JSONDecoder().decode(Linked.self, from: Data($0.entry.utf8)) }
        #expect(linked.map(\.type) == ["t.first", "t.a", "t.b", "t.c", "t.d"])
        #expect(linked.map(\.prev) == [nil, 0, nil, nil, 1])
        #expect(entries.map(\.leafHash) == [entries[0].leafHash] + positions.map(\.leafHash))
        await engine.shutdown()
    }

    @Test("the file store addresses content by SHA-256 and refuses non-digests")
    func fileStore() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try FileStore(root: root)
        let digest = try store.put(Array("abc".utf8))
        #expect(digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try store.put(Array("abc".utf8)) == digest)
        #expect(store.get(digest) == Data("abc".utf8))
        #expect(store.get("../etc/passwd") == nil)
        // a batch written without waiting for the disk, flushed once; flushing a file that is not there fails
        let batch = try (0..<5).map { try store.put(Array("bid \($0)".utf8), flush: false) }
        try store.flush(batch)
        #expect(batch.allSatisfy { store.get($0) != nil })
        #expect(throws: (any Error).self) { try store.flush([String(repeating: "0", count: 64)]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("tmp").path).isEmpty, "no temporary left")
    }
}

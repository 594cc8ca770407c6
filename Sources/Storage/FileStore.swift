import Crypto
import Foundation

/// 文件库 — content-addressed file storage on disk: a file lives at `root/ab/cd/<sha256>`.
///
/// Writing is idempotent (same bytes, same address); a file is written to a temporary name, flushed,
/// and renamed into place, so a crash never leaves a half-written file under a hash.
public struct FileStore: Sendable {
    public let root: URL

    public init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root.appendingPathComponent("tmp"), withIntermediateDirectories: true)
    }

    /// Stores `bytes` and returns their SHA-256 in lower-case hex.
    ///
    /// With `flush: false` the file is renamed into place without waiting for the disk: for a batch (the bids of an
    /// opening), call ``flush(_:)`` once before the database records the files.
    @discardableResult
    public func put(_ bytes: some DataProtocol, flush: Bool = true) throws -> String {
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let target = self.path(for: digest)
        if FileManager.default.fileExists(atPath: target.path) { return digest }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = self.root.appendingPathComponent("tmp").appendingPathComponent(UUID().uuidString)
        try Data(bytes).write(to: temporary)
        if flush {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
        }
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
        return digest
    }

    /// Waits until the files stored with `flush: false` under these digests, and their directory entries, are on disk.
    ///
    /// By then the kernel has written most of a batch back on its own, so each `fsync` is short, and the work that
    /// produced the files was not held up by the disk.
    public func flush(_ digests: some Sequence<String>) throws {
        var directories = Set<String>()
        for digest in digests {
            let path = self.path(for: digest)
            try Self.fsync(path.path, directory: false)
            directories.insert(path.deletingLastPathComponent().path)
        }
        for directory in directories { try Self.fsync(directory, directory: true) }
    }

    static func fsync(_ path: String, directory: Bool) throws {
        let descriptor = open(path, directory ? O_RDONLY | O_DIRECTORY : O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(descriptor) }
        guard Foundation.fsync(descriptor) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The bytes stored under `sha256`, or nil.
    public func get(_ sha256: String) -> Data? {
        guard Self.isDigest(sha256) else { return nil }
        return FileManager.default.contents(atPath: self.path(for: sha256).path)
    }

    public func path(for sha256: String) -> URL {
        let a = String(sha256.prefix(2))
        let b = String(sha256.dropFirst(2).prefix(2))
        return self.root.appendingPathComponent(a).appendingPathComponent(b).appendingPathComponent(sha256)
    }

    /// 64 lower-case hex characters.
    public static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}

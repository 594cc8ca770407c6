import Foundation
import WitnessLog

#if canImport(Glibc)
import Glibc
#endif

/// 日志签名密钥 — the platform's Ed25519 checkpoint key, kept in a file outside the database (mode 0600).
///
/// The file holds one signed-note private key (`PRIVATE+KEY+<origin>+<id>+<base64>`). It is created at first start;
/// afterwards it must exist, name the configured origin, and be readable by its owner only.
public enum LogKeyFile {
    /// Loads the key at `path`, creating it for `origin` when the file does not exist.
    public static func loadOrCreate(path: String, origin: String) throws -> NoteSigner {
        if FileManager.default.fileExists(atPath: path) {
            return try Self.load(path: path, origin: origin)
        }
        let signer = try NoteSigner.generate(name: origin)
        try Self.writeNew(path: path, contents: signer.skey + "\n")
        return signer
    }

    /// Loads an existing key, refusing a file others can read or a key for another origin.
    public static func load(path: String, origin: String) throws -> NoteSigner {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw LogKeyError("log key \(path) is readable by others (mode \(String(mode, radix: 8))); chmod 600 it")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let signer: NoteSigner
        do {
            signer = try NoteSigner(skey: text)
        } catch {
            throw LogKeyError("log key \(path) is not a signed-note private key: \(error)")
        }
        guard signer.name == origin else {
            throw LogKeyError("log key \(path) is for origin \(signer.name), but yiwang.log.origin is \(origin)")
        }
        return signer
    }

    /// Writes `contents` to a new file with mode 0600 (fails if the file exists), fsynced.
    static func writeNew(path: String, contents: String) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true
        )
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw LogKeyError("cannot create log key \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw LogKeyError("cannot write log key \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// A problem with the log key file.
public struct LogKeyError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

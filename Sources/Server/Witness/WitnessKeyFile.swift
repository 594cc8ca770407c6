import Foundation
public import WitnessLog

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 见证密钥文件 — a witness's cosignature/v1 private key (`PRIVATE+KEY+<name>+<id>+<base64>`, mode 0600)
/// and its public verifier key beside it (`<prefix>.vkey`).
public enum WitnessKeyFile {
    /// Generates a new cosignature/v1 key named `name`, writes `<prefix>.key` (0600) and `<prefix>.vkey`,
    /// refusing to overwrite either; returns the signer.
    public static func generate(name: String, prefix: String) throws -> NoteSigner {
        let signer = try NoteSigner.generate(name: name, type: .cosignatureV1)
        let keyPath = prefix + ".key"
        let vkeyPath = prefix + ".vkey"
        for path in [keyPath, vkeyPath] where FileManager.default.fileExists(atPath: path) {
            throw WitnessKeyError("\(path) exists; not overwriting a key")
        }
        try Self.writeNew(path: keyPath, contents: signer.skey + "\n", mode: 0o600)
        try Self.writeNew(path: vkeyPath, contents: signer.verifier.vkey + "\n", mode: 0o644)
        return signer
    }

    /// Loads a private key file, refusing one that others can read or that is not a cosignature/v1 key.
    public static func load(path: String) throws -> NoteSigner {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw WitnessKeyError("witness key \(path) is readable by others (mode \(String(mode, radix: 8))); chmod 600 it")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let signer: NoteSigner
        do {
            signer = try NoteSigner(skey: text)
        } catch {
            throw WitnessKeyError("witness key \(path) is not a signed-note private key: \(error)")
        }
        guard signer.type == .cosignatureV1 else {
            throw WitnessKeyError("witness key \(path) is a \(signer.type) key; a witness needs a cosignature/v1 key")
        }
        return signer
    }

    /// Writes `contents` to a new file with `mode` (fails if it exists), fsynced.
    static func writeNew(path: String, contents: String, mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WitnessKeyError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fchmod(fd, mode) == 0, fsync(fd) == 0 else {
            throw WitnessKeyError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// A problem with a witness key file.
public struct WitnessKeyError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

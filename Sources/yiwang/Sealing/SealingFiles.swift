import Foundation
import SealedBid

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sealing command's failure: one line in English and Chinese; ArgumentParser prints it and exits 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// `subject: English / 中文 [code]` for an error of the SealedBid module.
    init(_ subject: String, _ error: any SealedBidError) {
        self.description = "\(subject): \(error.en) / \(error.zh) [\(error.code)]"
    }
}

/// The files the offline sealing tools read and write. Outputs appear whole or not at all, and
/// never replace an existing file: a key, an envelope whose hash is on a receipt, or a share.
enum SealingFiles {
    /// The bytes of the file at `path`; `what` names it in the error (e.g. "bid file").
    static func read(_ path: String, _ what: String) throws(CommandFailure) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CommandFailure("cannot read \(what) \(path) / 无法读取文件: \(error.localizedDescription)")
        }
    }

    /// The UTF-8 text of the file at `path` (key and share files).
    static func readText(_ path: String, _ what: String) throws(CommandFailure) -> String {
        let bytes = try Self.read(path, what)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CommandFailure("\(what) \(path) is not UTF-8 text / 文件不是 UTF-8 文本")
        }
        return text
    }

    /// Refuses when any of `paths` exists, before anything is written.
    static func refuseExisting(_ paths: [String]) throws(CommandFailure) {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("\(path) already exists; nothing was written / 文件已存在，未写入任何内容")
        }
    }

    /// Writes `bytes` to a new file at `path` with permission `mode`, all or nothing: a temporary
    /// file in the same directory, created exclusively, written and synced, is hard-linked to
    /// `path` (which fails if `path` exists) and removed. Nothing is left behind on failure.
    static func publish(_ bytes: [UInt8], to path: String, mode: mode_t) throws(CommandFailure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = "\(directory)/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Self.failure("cannot create a file in \(directory)") }
        defer { unlink(temporary) }
        let written = Self.writeAll(bytes, to: descriptor)
        let synced = written && fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        guard written, synced, closed else { throw Self.failure("cannot write \(path)") }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST {
                throw CommandFailure("\(path) already exists; nothing was written / 文件已存在，未写入任何内容")
            }
            throw Self.failure("cannot create \(path)")
        }
    }

    /// Writes NAME.key (owner-only, mode 0600) and NAME.pub, refusing if either exists; returns their paths.
    static func publishKeyPair(name: String, privateText: String, publicText: String) throws(CommandFailure) -> (key: String, pub: String) {
        let keyPath = "\(name).key"
        let publicPath = "\(name).pub"
        try Self.refuseExisting([keyPath, publicPath])
        try Self.publish(Array(privateText.utf8), to: keyPath, mode: 0o600)
        do throws(CommandFailure) {
            try Self.publish(Array(publicText.utf8), to: publicPath, mode: 0o644)
        } catch {
            Self.withdraw(keyPath)
            throw error
        }
        return (keyPath, publicPath)
    }

    /// Removes a file this command created moments ago, when a later step failed.
    static func withdraw(_ path: String) {
        unlink(path)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    private static func failure(_ what: String) -> CommandFailure {
        CommandFailure("\(what): \(String(cString: strerror(errno))) / 文件写入失败")
    }
}

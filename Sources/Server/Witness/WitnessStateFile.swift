import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 见证状态文件 — the JSON file holding a witness's `WitnessState`, replaced atomically on every change.
///
/// A save writes a temporary file beside it, fsyncs it, renames it over the old file and fsyncs the
/// directory, so after a crash the file holds either the old or the new state, never a mix.
public struct WitnessStateFile: Sendable {
    /// Path of the state file.
    public let path: String

    /// The state file at `path` (created on the first save).
    public init(path: String) {
        self.path = path
    }

    /// Reads the state; an absent file means nothing was cosigned yet.
    public func load() throws(WitnessStateError) -> WitnessState {
        guard FileManager.default.fileExists(atPath: self.path) else { return WitnessState() }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: self.path))
            return try JSONDecoder().decode(WitnessState.self, from: data)
        } catch {
            throw WitnessStateError("cannot read witness state \(self.path): \(error)")
        }
    }

    /// Replaces the file with `state`, durably, before returning.
    public func save(_ state: WitnessState) throws(WitnessStateError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let bytes: [UInt8]
        do {
            bytes = Array(try encoder.encode(state)) + [0x0A]
        } catch {
            throw WitnessStateError("cannot encode witness state: \(error)")
        }
        let directory = URL(fileURLWithPath: self.path).deletingLastPathComponent().path
        let temporary = "\(self.path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.failure("create \(temporary)") }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard count > 0 else {
                close(fd)
                unlink(temporary)
                throw Self.failure("write \(temporary)")
            }
            written += count
        }
        guard fsync(fd) == 0 else {
            close(fd)
            unlink(temporary)
            throw Self.failure("fsync \(temporary)")
        }
        close(fd)
        guard rename(temporary, self.path) == 0 else {
            unlink(temporary)
            throw Self.failure("rename \(temporary) to \(self.path)")
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryFD >= 0 else { throw Self.failure("open directory \(directory)") }
        defer { close(directoryFD) }
        guard fsync(directoryFD) == 0 else { throw Self.failure("fsync directory \(directory)") }
    }

    /// Takes an exclusive lock beside the state file (`<path>.lock`) for the life of the process, so that
    /// two witness processes never share one state (their check-then-persist would no longer be atomic).
    public func lockForProcess() throws(WitnessStateError) {
        let lockPath = self.path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.failure("open \(lockPath)") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw WitnessStateError("witness state \(self.path) is in use by another process (\(lockPath) is locked)")
        }
        // The descriptor stays open on purpose: the lock lasts until the process exits.
    }

    private static func failure(_ operation: String) -> WitnessStateError {
        WitnessStateError("cannot \(operation): \(String(cString: strerror(errno)))")
    }
}

/// A witness state file that could not be read or written.
public struct WitnessStateError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

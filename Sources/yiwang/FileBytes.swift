#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be read or written.
struct FileAccessError: Error, CustomStringConvertible {
    var path: String
    var operation: String
    var code: Int32

    var description: String {
        "cannot \(self.operation) \(self.path): \(String(cString: strerror(self.code)))（无法\(self.operation == "read" ? "读取" : "写入")文件）"
    }
}

/// Whole-file reads and writes with plain POSIX calls: one allocation, no intermediate `Data`.
enum FileBytes {
    static func contents(of path: String) throws(FileAccessError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileAccessError(path: path, operation: "read", code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileAccessError(path: path, operation: "read", code: errno) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(65_536, bytes.count))) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileAccessError(path: path, operation: "read", code: errno)
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Writes `bytes` to `path` (created or truncated), or to standard output when `path` is `nil`.
    static func store(_ bytes: [UInt8], at path: String?) throws(FileAccessError) {
        let name = path ?? "standard output"
        let fd = path.map { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } ?? STDOUT_FILENO
        guard fd >= 0 else { throw FileAccessError(path: name, operation: "write", code: errno) }
        defer { if path != nil { close(fd) } }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileAccessError(path: name, operation: "write", code: errno)
            }
            written += n
        }
    }
}

import Foundation

/// Finds the project's shared test vectors (../shared/vectors) without hard-coding a path; used by every test target.
///
/// `YIWANG_SHARED` (the shared folder) wins; otherwise the first ancestor A of this
/// file for which `A/shared/vectors` exists.
public enum SharedVectors {
    /// The vectors folder could not be found.
    public struct NotFound: Error, CustomStringConvertible {
        public var description: String
    }

    /// The `vectors` folder.
    public static func root(filePath: String = #filePath) throws -> URL {
        let fileManager = FileManager.default
        if let shared = ProcessInfo.processInfo.environment["YIWANG_SHARED"], !shared.isEmpty {
            let vectors = URL(fileURLWithPath: shared).appendingPathComponent("vectors")
            guard fileManager.fileExists(atPath: vectors.path) else {
                throw NotFound(description: "YIWANG_SHARED=\(shared) has no vectors folder")
            }
            return vectors
        }
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while true {
            let candidate = directory.appendingPathComponent("shared/vectors")
            if fileManager.fileExists(atPath: candidate.path) {
                return candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path {
                throw NotFound(description: "no shared/vectors above \(filePath); set YIWANG_SHARED")
            }
            directory = parent
        }
    }

    /// Contents of a vector file, path relative to `vectors`.
    public static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: self.root().appendingPathComponent(relativePath))
    }

    /// Decodes a vector file.
    public static func decode<T: Decodable>(_ type: T.Type, from relativePath: String) throws -> T {
        try JSONDecoder().decode(type, from: self.data(relativePath))
    }

    /// A vector file parsed as untyped JSON (independent of the package's Codable types).
    public static func json(_ relativePath: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: self.data(relativePath)) as? [String: Any] else {
            throw NotFound(description: "\(relativePath) is not a JSON object")
        }
        return object
    }

    /// The `.json` files in a vector folder, sorted by name.
    public static func jsonFiles(in relativePath: String) throws -> [URL] {
        let folder = try self.root().appendingPathComponent(relativePath)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

extension Array where Element == UInt8 {
    /// Bytes from hex; traps on malformed test data.
    public init(hex: String) {
        let utf8 = Array(hex.utf8)
        self = stride(from: 0, to: utf8.count, by: 2).map { index in
            UInt8(String(decoding: utf8[index..<index + 2], as: UTF8.self), radix: 16)!
        }
    }

    /// Bytes from base64 (empty for the empty string); traps on malformed test data.
    public init(base64: String) {
        self = Array(Data(base64Encoded: base64)!)
    }
}

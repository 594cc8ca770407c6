/// 日志瓦片 — a C2SP tlog-tiles resource: 256 consecutive hashes at one tile level, or a bundle of 256 entries.
///
/// Paths are `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`; `<N>` is written in zero-padded groups of three
/// digits, all but the last prefixed with `x` (index 1234067 → `x001/x234/067`).
public struct Tile: Sendable, Hashable {
    /// Hashes (or entries) in a full tile.
    public static let width: UInt64 = 256
    /// Tree levels spanned by one tile level.
    public static let height = 8

    /// What the tile holds.
    public enum Kind: Sendable, Hashable {
        /// Merkle tree hashes at tile level `L` (0 = leaf hashes).
        case hashes(level: Int)
        /// Length-prefixed log entries (the data of the level-0 tile with the same index).
        case entries
    }

    public var kind: Kind
    /// Index of the tile within its level.
    public var index: UInt64
    /// Number of hashes or entries: 256 for a full tile, 1…255 for a partial one.
    public var width: UInt64

    public init(kind: Kind, index: UInt64, width: UInt64 = Tile.width) {
        self.kind = kind
        self.index = index
        self.width = width
    }

    /// Whether the tile is partial (`.p/<W>`).
    public var isPartial: Bool { self.width < Tile.width }

    /// The resource path under the log prefix, e.g. `tile/0/x001/234.p/17`.
    public var path: String {
        let level: String
        switch self.kind {
        case .hashes(let l): level = String(l)
        case .entries: level = "entries"
        }
        return "tile/\(level)/\(Tile.encode(index: self.index))" + (self.isPartial ? ".p/\(self.width)" : "")
    }

    /// Parses the components after `tile/` (e.g. `["0", "x001", "234.p", "17"]`); nil if they are not a tile path.
    public init?(components: [String]) {
        guard let first = components.first, components.count >= 2 else { return nil }
        if first == "entries" {
            self.kind = .entries
        } else {
            guard let level = Tile.decimal(first), level <= 63 else { return nil }
            self.kind = .hashes(level: Int(level))
        }
        var rest = Array(components.dropFirst())
        var width = Tile.width
        if rest.count >= 2, let last = rest.last, rest[rest.count - 2].hasSuffix(".p") {
            guard let w = Tile.decimal(last), w >= 1, w < Tile.width else { return nil }
            width = w
            rest.removeLast()
            rest[rest.count - 1] = String(rest[rest.count - 1].dropLast(2))
        }
        guard let index = Tile.decode(index: rest) else { return nil }
        self.index = index
        self.width = width
    }

    /// `x001/x234/067` for 1234067.
    public static func encode(index: UInt64) -> String {
        var groups: [String] = []
        var n = index
        repeat {
            let group = String(n % 1000)
            groups.append(String(repeating: "0", count: 3 - group.count) + group)
            n /= 1000
        } while n > 0
        return groups.reversed().enumerated().map { $0.offset == groups.count - 1 ? $0.element : "x" + $0.element }.joined(separator: "/")
    }

    static func decode(index groups: [String]) -> UInt64? {
        guard !groups.isEmpty, groups.count <= 7 else { return nil }
        var value: UInt64 = 0
        for (position, group) in groups.enumerated() {
            let isLast = position == groups.count - 1
            let digits = isLast ? Substring(group) : (group.hasPrefix("x") ? group.dropFirst() : nil)
            guard let digits, digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let part = UInt64(digits) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 1000)
            guard !overflow else { return nil }
            value = shifted + part
        }
        return value
    }

    static func decimal(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), text == "0" || !text.hasPrefix("0") else { return nil }
        return UInt64(text)
    }
}

extension Tile {
    /// Width of the rightmost tile at `level` in a tree of `size` leaves (0 when there is none);
    /// tiles left of it are full.
    public static func partialWidth(level: Int, treeSize size: UInt64) -> UInt64 {
        (size >> UInt64(Tile.height * level)) % Tile.width
    }

    /// Number of full tiles at `level` in a tree of `size` leaves.
    public static func fullTileCount(level: Int, treeSize size: UInt64) -> UInt64 {
        size >> UInt64(Tile.height * (level + 1))
    }

    /// Whether this tile exists in a tree of `size` leaves (full, or partial with exactly its width or less).
    public func exists(inTreeOf size: UInt64) -> Bool {
        let level: Int
        switch self.kind {
        case .hashes(let l): level = l
        case .entries: level = 0
        }
        let full = Tile.fullTileCount(level: level, treeSize: size)
        if self.index < full { return true }
        return self.index == full && self.isPartial && self.width <= Tile.partialWidth(level: level, treeSize: size)
    }

    /// The tile's hashes read from `reader` (each is the root of a perfect subtree of 256^L leaves).
    public func hashes(from reader: some MerkleHashReader) throws -> [Hash] {
        guard case .hashes(let level) = self.kind else { return [] }
        return try (0..<self.width).map { offset in
            try reader.perfectSubtreeHash(level: Tile.height * level, index: self.index * Tile.width + offset)
        }
    }

    /// The tile's body: concatenated 32-byte hashes.
    public static func body(hashes: [Hash]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hashes.count * Hash.byteCount)
        for hash in hashes { bytes += hash.bytes }
        return bytes
    }
}

/// 条目包 — a tlog-tiles entry bundle: entries each prefixed by a big-endian uint16 length.
public enum EntryBundle {
    /// Largest entry a bundle can carry.
    public static let maxEntryLength = Int(UInt16.max)

    /// Encodes entries; each must be at most 65,535 bytes.
    public static func encode(_ entries: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for entry in entries {
            precondition(entry.count <= EntryBundle.maxEntryLength, "log entry longer than 65,535 bytes")
            bytes.append(UInt8(entry.count >> 8))
            bytes.append(UInt8(entry.count & 0xFF))
            bytes += entry
        }
        return bytes
    }

    /// Decodes a bundle; nil if a length runs past the end.
    public static func decode(_ bytes: [UInt8]) -> [[UInt8]]? {
        var entries: [[UInt8]] = []
        var position = 0
        while position < bytes.count {
            guard position + 2 <= bytes.count else { return nil }
            let length = Int(bytes[position]) << 8 | Int(bytes[position + 1])
            position += 2
            guard position + length <= bytes.count else { return nil }
            entries.append(Array(bytes[position..<(position + length)]))
            position += length
        }
        return entries
    }
}

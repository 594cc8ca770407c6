import Foundation

/// Near-identical bid documents (条例40(四) 不同投标人的投标文件异常一致).
///
/// Chinese has no spaces between words, so documents are compared as sets of overlapping
/// character n-grams ("shingles"), never as whitespace-separated words. Before shingling the text
/// is normalised: full-width ASCII (Ａ１，) becomes half-width, Latin letters are lower-cased, and
/// whitespace, punctuation, symbols and control characters are dropped — so re-flowed lines or
/// swapped punctuation do not hide a copy. Similarity is the Jaccard index |A ∩ B| / |A ∪ B|
/// (Broder 1997, "On the resemblance and containment of documents").
public enum DocumentSimilarity {
    /// Jaccard similarity in [0, 1] of the character `shingleLength`-gram sets of two texts
    /// (default 3). A text shorter than the shingle length is one shingle. Two texts with nothing
    /// left after normalisation have similarity 0: there is nothing to compare.
    public static func similarity(a: String, b: String, shingleLength: Int = 3) -> Double {
        ShingleSet(text: a, shingleLength: shingleLength).jaccard(ShingleSet(text: b, shingleLength: shingleLength))
    }

    /// The normalised characters of a text as Unicode scalar values (see the type's documentation).
    public static func normalizedScalars(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            var v = scalar.value
            if v == 0x3000 { continue } // ideographic space
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 } // full-width ASCII → ASCII
            if v >= 0x41 && v <= 0x5A { v += 0x20 } // A–Z → a–z
            guard let normalized = Unicode.Scalar(v) else { continue }
            switch normalized.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
                 .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation,
                 .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                continue
            default:
                out.append(v)
            }
        }
        return out
    }
}

/// The set of hashed character n-grams of one text; build it once per document, compare many times.
public struct ShingleSet: Sendable, Hashable {
    /// 64-bit FNV-1a hashes of the shingles (collisions are negligible at document sizes).
    public let hashes: Set<UInt64>

    public init(text: String, shingleLength: Int = 3) {
        let scalars = DocumentSimilarity.normalizedScalars(text)
        let k = max(1, shingleLength)
        var set = Set<UInt64>()
        if scalars.isEmpty {
            self.hashes = set
            return
        }
        if scalars.count <= k {
            set.insert(Self.hash(scalars[...]))
        } else {
            set.reserveCapacity(scalars.count - k + 1)
            for start in 0...(scalars.count - k) {
                set.insert(Self.hash(scalars[start..<(start + k)]))
            }
        }
        self.hashes = set
    }

    /// |A ∩ B| / |A ∪ B|; 0 when both are empty.
    public func jaccard(_ other: ShingleSet) -> Double {
        let (small, large) = self.hashes.count <= other.hashes.count ? (self.hashes, other.hashes) : (other.hashes, self.hashes)
        guard !large.isEmpty else { return 0 }
        var common = 0
        for h in small where large.contains(h) { common += 1 }
        return Double(common) / Double(small.count + large.count - common)
    }

    static func hash(_ scalars: ArraySlice<UInt32>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in scalars {
            var x = v
            for _ in 0..<4 {
                h ^= UInt64(x & 0xFF)
                h = h &* 0x0000_0100_0000_01B3
                x >>= 8
            }
        }
        return h
    }
}

/// A MinHash signature (Broder 1997): `permutations` minima of independent hash functions over a
/// document's shingles. The share of equal positions in two signatures estimates their Jaccard
/// similarity with standard error ≈ √(J(1 − J)/permutations), at fixed size per document — for
/// comparing many documents across tenders without keeping every shingle.
public struct MinHashSignature: Sendable, Hashable, Codable {
    public let values: [UInt64]

    public init(shingles: ShingleSet, permutations: Int = 128) {
        var minima = [UInt64](repeating: .max, count: max(1, permutations))
        for h in shingles.hashes {
            for i in minima.indices {
                let v = Self.mix(h ^ Self.seed(i))
                if v < minima[i] { minima[i] = v }
            }
        }
        self.values = minima
    }

    public init(text: String, shingleLength: Int = 3, permutations: Int = 128) {
        self.init(shingles: ShingleSet(text: text, shingleLength: shingleLength), permutations: permutations)
    }

    /// The estimated Jaccard similarity; 0 for signatures of different lengths or of empty texts.
    public func estimatedSimilarity(_ other: MinHashSignature) -> Double {
        guard self.values.count == other.values.count, !self.values.isEmpty,
              self.values.first != .max || other.values.first != .max else { return 0 }
        var equal = 0
        for i in self.values.indices where self.values[i] == other.values[i] { equal += 1 }
        return Double(equal) / Double(self.values.count)
    }

    private static func seed(_ i: Int) -> UInt64 {
        Self.mix(UInt64(i) &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491_4F6C_DD1D)
    }

    /// SplitMix64 finaliser.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

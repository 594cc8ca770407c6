/// A seeded generator for repeatable tests (SplitMix64); never for real keys.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A generator that returns the given values in order, to choose a polynomial's coefficients.
struct ScriptedGenerator: RandomNumberGenerator {
    private let values: [UInt64]
    private var position = 0

    init(_ values: [UInt64]) {
        self.values = values
    }

    mutating func next() -> UInt64 {
        defer { self.position += 1 }
        return self.values[self.position % self.values.count]
    }
}

extension Array {
    /// Every subset of exactly `size` elements, in order.
    func combinations(ofSize size: Int) -> [[Element]] {
        guard size > 0 else { return [[]] }
        guard size <= self.count else { return [] }
        var result: [[Element]] = []
        for (offset, element) in self.enumerated() {
            for rest in Array(self[(offset + 1)...]).combinations(ofSize: size - 1) {
                result.append([element] + rest)
            }
        }
        return result
    }
}

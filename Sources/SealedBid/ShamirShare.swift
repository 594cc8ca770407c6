/// One share of a secret split with ``Shamir``: the polynomial's value at `index`, byte by byte.
public struct ShamirShare: Sendable, Hashable, CustomStringConvertible {
    /// The x-coordinate, 1…255; 0 would be the secret itself and is never issued.
    public let index: UInt8
    /// The y-coordinates, one per secret byte.
    public let value: [UInt8]

    /// Makes a share from its index and value bytes (checked when the shares are combined).
    public init(index: UInt8, value: [UInt8]) {
        self.index = index
        self.value = value
    }

    /// Names the share without printing its secret bytes.
    public var description: String {
        "ShamirShare(index: \(self.index), \(self.value.count) bytes)"
    }
}

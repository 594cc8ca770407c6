/// 结果承诺 — the salted hash of a draw's result, published at draw time while the names stay secret
/// (条例46); the salt is revealed with the bundle after the award so anyone can check the hash.
///
/// hash = SHA-256("expert-draw/v1 result\n" ‖ lp(salt) ‖ lp(draw_id) ‖ seed ‖ for each category in order:
/// lp(category) ‖ u32be(#selected) ‖ lp(id)… ‖ u32be(#reserves) ‖ lp(id)…). Coded as `{"salt": hex, "hash": hex}`.
public struct ResultCommitment: Sendable, Hashable, Codable {
    /// The secret salt (at least 16 bytes), revealed after the award.
    public var salt: [UInt8]
    /// The published hash.
    public var hash: DrawDigest

    /// The shortest salt accepted: 128 bits, so the hash cannot be searched over the few possible committees.
    public static let minimumSaltLength = 16

    enum CodingKeys: String, CodingKey {
        case salt, hash
    }

    /// Creates a ``CodingKeys`` from its fields.
    public init(salt: [UInt8], hash: DrawDigest) {
        self.salt = salt
        self.hash = hash
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.salt = try container.decodeHex(forKey: .salt)
        self.hash = try container.decode(DrawDigest.self, forKey: .hash)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Hex.encode(self.salt), forKey: .salt)
        try container.encode(self.hash, forKey: .hash)
    }
}

extension DrawBundle {
    /// The salted hash of the result (selected and reserves per category, before any decline) to publish
    /// at draw time; the caller draws `salt` from a secure random source and keeps it until the award.
    public func resultCommitment(salt: [UInt8]) throws(DrawError) -> ResultCommitment {
        guard salt.count >= ResultCommitment.minimumSaltLength else { throw .saltTooShort(salt.count) }
        return ResultCommitment(salt: salt, hash: Self.resultHash(salt: salt, drawID: self.drawID, seed: self.seed, result: self.result))
    }

    static func resultHash(salt: [UInt8], drawID: String, seed: DrawDigest, result: DrawResult) -> DrawDigest {
        var message = Array("expert-draw/v1 result\n".utf8)
        LengthPrefixed.appendUInt32(UInt32(salt.count), to: &message)
        message.append(contentsOf: salt)
        LengthPrefixed.append(drawID, to: &message)
        message.append(contentsOf: seed.bytes)
        for draw in result.categories {
            LengthPrefixed.append(draw.category, to: &message)
            for list in [draw.selected, draw.reserveInOrder] {
                LengthPrefixed.appendUInt32(UInt32(list.count), to: &message)
                for id in list { LengthPrefixed.append(id, to: &message) }
            }
        }
        return DrawDigest.sha256(message)
    }
}

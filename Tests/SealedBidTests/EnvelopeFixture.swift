import Crypto
import Foundation
@testable import SealedBid

/// A tender with a panel of custodians and a bidder, and envelopes sealed in it.
struct EnvelopeFixture {
    let custodianKeys: [CustodianKey]
    let panel: CustodianPanel
    let bidderKey: Curve25519.Signing.PrivateKey
    let binding: BidBinding
    let payload: BidPayload

    init(threshold: Int = 3, count: Int = 5) throws {
        self.custodianKeys = (0..<count).map { _ in CustodianKey() }
        self.panel = try CustodianPanel(custodians: self.custodianKeys.map(\.publicKey), threshold: threshold)
        self.bidderKey = Curve25519.Signing.PrivateKey()
        self.binding = BidBinding(
            tenderID: "YW-2026-000123",
            lotID: "标段1",
            bidderID: "91110000MA01ABCD3X",
            deadline: Date(timeIntervalSince1970: 1_790_000_000)
        )
        self.payload = BidPayload(
            openingSheet: OpeningSheet(
                priceFen: 123_456_789,
                currency: "CNY",
                durationDays: 180,
                fields: ["质量标准": "合格", "项目经理": "张三"]
            ),
            fileName: "投标文件.pdf",
            fileBytes: Array("%PDF-1.7 bid file".utf8)
        )
    }

    func seal() throws -> BidEnvelope {
        try BidEnvelope.seal(payload: self.payload, binding: self.binding, panel: self.panel, signingKey: self.bidderKey)
    }

    /// The shares of the custodians at `positions` (0-based).
    func shares(of envelope: BidEnvelope, from positions: [Int]) throws -> [DecryptedShare] {
        try positions.map { try envelope.custodianShare(using: self.custodianKeys[$0]) }
    }

    /// Signs a body built from `envelope`'s parts after `change`, as a dishonest bidder would.
    func resigned(_ envelope: BidEnvelope, change: (inout Parts) throws -> Void) throws -> BidEnvelope {
        var parts = Parts(envelope)
        try change(&parts)
        let body = BidEnvelope.body(
            binding: parts.binding,
            bidderPublicKey: Array(self.bidderKey.publicKey.rawRepresentation),
            threshold: parts.threshold,
            keyCommitment: parts.keyCommitment,
            sealedPayload: parts.sealedPayload,
            shares: parts.shares
        )
        let signature = try self.bidderKey.signature(for: SealedBidFormat.signedMessage(body: body))
        return BidEnvelope(
            binding: parts.binding,
            bidderPublicKey: Array(self.bidderKey.publicKey.rawRepresentation),
            threshold: parts.threshold,
            keyCommitment: parts.keyCommitment,
            sealedPayload: parts.sealedPayload,
            shares: parts.shares,
            signature: Array(signature)
        )
    }

    /// A bidder's own envelope around `plaintext` with key shares `transform`ed before encryption.
    func crafted(
        plaintext: [UInt8],
        transform: ([ShamirShare]) -> [ShamirShare] = { $0 }
    ) throws -> BidEnvelope {
        let key = SymmetricKey(size: .bits256)
        let keyBytes = key.withUnsafeBytes { Array($0) }
        let sealed = try AES.GCM.seal(
            plaintext,
            using: key,
            authenticating: SealedBidFormat.payloadAssociatedData(self.binding)
        ).combined!
        let parts = transform(try Shamir.split(secret: keyBytes, threshold: self.panel.threshold, count: self.panel.custodians.count))
        let shares = try zip(parts, self.panel.custodians).map { part, custodian in
            try BidEnvelope.encryptShare(part, to: custodian, binding: self.binding)
        }
        let template = try self.seal()
        return try self.resigned(template) { parts in
            parts.keyCommitment = SealedBidFormat.keyCommitment(keyBytes)
            parts.sealedPayload = Array(sealed)
            parts.shares = shares
        }
    }

    /// The signed fields of an envelope, to change one at a time.
    struct Parts {
        var binding: BidBinding
        var threshold: Int
        var keyCommitment: [UInt8]
        var sealedPayload: [UInt8]
        var shares: [EncryptedShare]

        init(_ envelope: BidEnvelope) {
            self.binding = envelope.binding
            self.threshold = envelope.threshold
            self.keyCommitment = envelope.keyCommitment
            self.sealedPayload = envelope.sealedPayload
            self.shares = envelope.shares
        }
    }
}

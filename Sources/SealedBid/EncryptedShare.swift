/// One custodian's slot in a sealed envelope: a key share encrypted to that custodian with HPKE.
public struct EncryptedShare: Sendable, Hashable {
    /// The share index, 1…n; also the custodian's position in the panel.
    public let index: UInt8
    /// The custodian the share is encrypted to.
    public let custodian: CustodianPublicKey
    /// SHA-256 commitment to the plain share, so anyone can check a share a custodian hands over.
    public let commitment: [UInt8]
    /// HPKE `enc`: the sender's ephemeral X25519 public key (32 bytes).
    public let encapsulatedKey: [UInt8]
    /// HPKE ciphertext of the 32-byte share with its 16-byte tag (48 bytes).
    public let ciphertext: [UInt8]

    /// index ‖ custodian key ‖ commitment ‖ enc ‖ ciphertext: 145 bytes.
    func write(to writer: inout ByteWriter) {
        writer.append(self.index)
        writer.append(raw: self.custodian.rawRepresentation)
        writer.append(raw: self.commitment)
        writer.append(raw: self.encapsulatedKey)
        writer.append(raw: self.ciphertext)
    }

    /// Reads one slot; `expectedIndex` is its position + 1, since slots are stored in index order.
    static func read(from reader: inout ByteReader, expectedIndex: UInt8) throws(ByteReader.Failure) -> EncryptedShare {
        let index = try reader.uint8("share index")
        guard index == expectedIndex else {
            throw ByteReader.Failure(reason: "share slot \(expectedIndex) has index \(index)")
        }
        let custodianBytes = try reader.raw(SealedBidFormat.publicKeyBytes, "custodian key \(index)")
        guard let custodian = try? CustodianPublicKey(rawRepresentation: custodianBytes) else {
            throw ByteReader.Failure(reason: "custodian key \(index) is not an X25519 key")
        }
        return EncryptedShare(
            index: index,
            custodian: custodian,
            commitment: try reader.raw(SealedBidFormat.hashBytes, "share commitment \(index)"),
            encapsulatedKey: try reader.raw(SealedBidFormat.publicKeyBytes, "encapsulated key \(index)"),
            ciphertext: try reader.raw(SealedBidFormat.sealedShareBytes, "share ciphertext \(index)")
        )
    }
}

/// 开标密钥保管人名单 — custodian panel: the n custodians' public keys and the threshold k of a tender.
///
/// Logged with the tender notice. Share i of every bid's key goes to `custodians[i − 1]`;
/// any `threshold` of them can open a bid, fewer learn nothing.
public struct CustodianPanel: Sendable, Hashable {
    /// The custodians' public keys, in share order (share index = position + 1).
    public let custodians: [CustodianPublicKey]
    /// How many custodians must release their shares to open a bid.
    public let threshold: Int

    /// Makes a panel; needs 1 ≤ threshold ≤ custodians.count ≤ 255 and no key twice.
    public init(custodians: [CustodianPublicKey], threshold: Int) throws(SealingError) {
        guard 1 <= threshold, threshold <= custodians.count, custodians.count <= 255 else {
            throw .invalidThreshold(threshold: threshold, count: custodians.count)
        }
        var seen = Set<CustodianPublicKey>()
        for (position, key) in custodians.enumerated() where !seen.insert(key).inserted {
            throw .duplicateCustodian(index: position + 1)
        }
        self.custodians = custodians
        self.threshold = threshold
    }
}

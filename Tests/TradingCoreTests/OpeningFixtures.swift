import Foundation
import Testing
import TradingCore

/// A lot with a 4-custodian panel, threshold 3, minimum 3 bids and a one-hour share-release window.
struct OpeningFixtures {
    /// 2026-11-25 09:30 Asia/Shanghai.
    let deadline = Date(timeIntervalSince1970: 1_795_570_200)
    let custodians = [
        OpeningCustodian(id: "c-tenderer", name: "招标人"),
        OpeningCustodian(id: "c-agency", name: "代理机构"),
        OpeningCustodian(id: "c-regulator", name: "监管部门"),
        OpeningCustodian(id: "c-notary", name: "公证处"),
    ]
    let runner = "runner-1"
    let supervisor = "supervisor-1"

    func plan(threshold: Int = 3, minimumBids: Int = 3, supervisor: String? = "supervisor-1") -> OpeningPlan {
        OpeningPlan(
            lotID: "lot-1", bidDeadline: self.deadline, custodians: self.custodians, threshold: threshold,
            minimumBids: minimumBids, shareReleaseWindow: 3600, runner: self.runner, supervisor: supervisor
        )
    }

    /// Seconds after the deadline (negative: before it).
    func at(_ seconds: TimeInterval) -> Date {
        self.deadline.addingTimeInterval(seconds)
    }

    func bids(_ count: Int) -> [ReceivedBid] {
        (0..<count).map { ReceivedBid(bidID: "bid-\($0 + 1)", bidderID: "bidder-\($0 + 1)") }
    }

    func readOut(_ yuan: Int64) -> BidReadOut {
        BidReadOut(price: .yuan(yuan), durationDays: 365, fields: ["质量标准": "合格"])
    }

    let bidderFault = DecryptionFailure(
        fault: .bidder, code: "opening-payload-decryption-failed", zh: "投标文件无法用投标人承诺的密钥解密",
        en: "The bid does not decrypt under the key the bidder committed to"
    )
    let platformFault = DecryptionFailure(
        fault: .platform, code: "opening-envelope-hash-mismatch", zh: "存储的投标文件与上传时登记的哈希值不符",
        en: "The stored envelope does not match the hash committed at upload"
    )

    func scheduled(threshold: Int = 3, minimumBids: Int = 3) throws -> OpeningSession {
        try OpeningSession(plan: self.plan(threshold: threshold, minimumBids: minimumBids))
    }

    func awaitingShares(bids count: Int = 4, threshold: Int = 3) throws -> OpeningSession {
        var session = try self.scheduled(threshold: threshold)
        _ = try session.handle(.deadlineReached(bids: self.bids(count)), now: self.at(0))
        return session
    }

    func decrypting(bids count: Int = 4) throws -> OpeningSession {
        var session = try self.awaitingShares(bids: count)
        let all = self.bids(count).map(\.bidID)
        for custodian in self.custodians.prefix(3) {
            _ = try session.handle(.shareReleased(custodianID: custodian.id, bidIDs: all), now: self.at(60))
        }
        return session
    }

    func recording(bids count: Int = 4) throws -> OpeningSession {
        var session = try self.decrypting(bids: count)
        for (offset, bid) in self.bids(count).enumerated() {
            _ = try session.handle(.decrypted(bidID: bid.bidID, result: .success(self.readOut(1_000_000 + Int64(offset)))), now: self.at(120))
        }
        return session
    }

    func signed() throws -> OpeningSession {
        var session = try self.recording()
        _ = try session.handle(.recordSigned(by: self.runner, signature: "sig-runner"), now: self.at(300))
        return session
    }

    func stalled() throws -> OpeningSession {
        var session = try self.awaitingShares()
        _ = try session.handle(.tick, now: self.at(3600))
        return session
    }
}

/// Expects `event` to be refused with `code`, a Chinese and an English message, and the state unchanged.
func expectRefusal(
    _ session: OpeningSession, _ event: OpeningEvent, at now: Date, code: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    var copy = session
    do {
        let effects = try copy.handle(event, now: now)
        Issue.record("expected refusal \(code), got effects \(effects)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(!error.zh.isEmpty && !error.en.isEmpty, sourceLocation: sourceLocation)
        #expect(copy == session, "a refused event leaves the state unchanged", sourceLocation: sourceLocation)
    }
}

extension [OpeningEffect] {
    /// True when any effect asks to decrypt.
    var asksToDecrypt: Bool {
        self.contains { if case .decryptAll = $0 { true } else { false } }
    }

    /// The published price sheet, if any effect publishes one.
    var priceSheet: PriceSheet? {
        self.lazy.compactMap { if case .publishPriceSheet(let sheet) = $0 { sheet } else { nil } }.first
    }
}

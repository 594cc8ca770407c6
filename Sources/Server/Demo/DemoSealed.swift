import Foundation
import Logging
import SealedBid
import Storage
import TradingCore

/// 演示：不见面开标 — two sealed tenders with a 2-of-3 custodian panel (the tenderer, the demo custodian and the
/// regulator): one whose deadline has passed, with three sealed bids frozen and the opening waiting for the custodians'
/// shares; one still open for sealed bids, its countdown running.
///
/// Custodian keys are made on each custodian's own machine in real use. Here the demo writes them next to the
/// database, at `<data>/demo-custodians/<project id>/<username>.key` (mode 0600), so that whoever tries the demo — or
/// the browser check — can release shares with `yiwang custodian share` as that account. Demo keys guard nothing real.
extension DemoData {
    static let custodianSeats = [("招标人", "tenderer"), ("开标密钥保管人（演示）", "custodian"), ("市公共资源交易监督管理局", "regulator")]

    static func sealedTenders(_ platform: Platform, _ clock: ManualClock, _ people: People, realNow: Date) async throws {
        clock.set(realNow.addingTimeInterval(-30 * 86_400))
        // Each bidder registers one signing key (yiwang bidder keygen) and seals every bid with it.
        var keys: [BidderKey] = []
        for bidder in people.bidders.prefix(3) {
            let key = BidderKey()
            _ = try await platform.sealed.registerKey(key.publicKey.text, by: bidder)
            keys.append(key)
        }
        let waiting = try await Self.sealedTender(platform, clock, people, keys, title: "滨海新城综合管廊工程施工（不见面开标）", estimate: 3_260_000_000,
                                                  prices: [3_150_000_000, 3_098_000_000, 3_205_500_000])
        clock.set(waiting.deadline.addingTimeInterval(60))
        _ = try await platform.bidding.open(projectID: waiting.projectID, lotID: waiting.lotID, by: people.tenderer)
        clock.set(realNow.addingTimeInterval(-1 * 86_400))
        platform.logger.notice("demo custodian keys (for yiwang custodian share): \(Self.keyDirectory(platform).path)/<project>/<username>.key")
        _ = try await Self.sealedTender(platform, clock, people, keys, title: "市第一医院门诊楼改造工程施工（不见面开标）", estimate: 860_000_000, prices: [835_000_000])
    }

    struct SealedDemo {
        var projectID: String
        var lotID: String
        var deadline: Date
    }

    /// Creates, names the panel, announces and takes sealed bids from the first bidders; writes the custodian keys.
    static func sealedTender(
        _ platform: Platform, _ clock: ManualClock, _ people: People, _ bidderKeys: [BidderKey], title: String, estimate: Int64, prices: [Int64]
    ) async throws -> SealedDemo {
        let catalog = "engineering.open-tender"
        let rules = try await platform.catalog.entry(catalog).rules
        var project = try await platform.tenders.create(.init(
            title: title, description: "\(title)。投标文件在投标人本机加密，开标时由任意2位密钥保管人提交份额解密。本项目为演示数据。",
            catalogCode: catalog, region: "厦门市翔安区", funding: "财政资金",
            lots: [.init(title: "标段一", estimateFen: estimate, depositFen: min(rules.depositCap(estimate: Money(fen: estimate)).fen, estimate / 100))]
        ), by: people.tenderer)
        _ = try await platform.documents.attachToProject(projectID: project.id, kind: "tender", filename: "招标文件.pdf", bytes: Array("演示招标文件：\(title)".utf8), by: people.tenderer)
        let keys = Self.custodianSeats.map { _ in CustodianKey() }
        let forms = zip(Self.custodianSeats, keys).map { seat, key in
            SealedBiddingService.CustodianForm(name: seat.0, username: seat.1, publicKey: key.publicKey.text)
        }
        _ = try await platform.sealed.setCustodians(projectID: project.id, threshold: 2, custodians: forms, by: people.tenderer)
        try Self.writeCustodianKeys(platform, projectID: project.id, keys: keys)
        let deadlineDay = platform.calendar.lastDay(of: rules.minBidPeriod, rules.minBidPeriodUnit, from: LocalDate(clock.now())).adding(days: 1)
        let deadline = platform.calendar.workingDay(onOrAfter: deadlineDay).startInstant.addingTimeInterval(9.5 * 3600)
        let documentsDay = platform.calendar.lastDay(of: rules.minDocumentPeriod, rules.minDocumentPeriodUnit, from: LocalDate(clock.now()))
        project = try await platform.tenders.announce(projectID: project.id, bidDeadline: deadline, documentsUntil: min(documentsDay.endInstant.addingTimeInterval(-1), deadline), by: people.tenderer)
        let lotID = project.lots[0].id
        let panel = try CustodianPanel(custodians: keys.map(\.publicKey), threshold: 2)
        clock.advance(by: 2 * 86_400)
        for (index, price) in prices.enumerated() {
            let bidder = people.bidders[index]
            guard let partyID = bidder.partyID else { continue }
            let key = bidderKeys[index]
            _ = try await platform.bidding.register(projectID: project.id, lotID: lotID, deposit: "guarantee", by: bidder)
            let payload = BidPayload(
                openingSheet: OpeningSheet(priceFen: price, durationDays: 365, fields: ["质量标准": "合格"]),
                fileName: "投标文件.pdf", fileBytes: Array("演示投标文件 \(index + 1)：报价\(price)分".utf8)
            )
            let binding = BidBinding(tenderID: project.id, lotID: lotID, bidderID: partyID, deadline: deadline)
            let envelope = try BidEnvelope.seal(payload: payload, binding: binding, panel: panel, signingKey: key.signingKey)
            _ = try await platform.sealed.submit(
                projectID: project.id, lotID: lotID, envelope: envelope.serialized,
                metadata: SubmissionMetadata(address: "127.0.0.1", forwardedFor: nil, toolVersion: "yiwang/demo", machineHash: nil), by: bidder
            )
            clock.advance(by: 3600)
        }
        return SealedDemo(projectID: project.id, lotID: lotID, deadline: deadline)
    }

    static func keyDirectory(_ platform: Platform) -> URL {
        platform.files.root.deletingLastPathComponent().appendingPathComponent("demo-custodians")
    }

    /// `<data>/demo-custodians/<project>/<username>.key`, readable by the owner only.
    static func writeCustodianKeys(_ platform: Platform, projectID: String, keys: [CustodianKey]) throws {
        let directory = Self.keyDirectory(platform).appendingPathComponent(projectID)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for (seat, key) in zip(Self.custodianSeats, keys) {
            let path = directory.appendingPathComponent("\(seat.1).key").path
            guard FileManager.default.createFile(atPath: path, contents: Data(key.text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
    }
}

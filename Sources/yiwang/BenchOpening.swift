import ArgumentParser
import Foundation
import Logging
import SealedBid
import Server
import Storage
import TradingCore

/// `yiwang bench opening` — a remote opening at scale: N sealed bids of S bytes, k of n custodians; the time from the
/// last custodian's release to the full price sheet.
struct BenchOpening: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opening",
        abstract: "Open N sealed bids (default 500 × 5 MiB, k = 3 of n = 5): time from the last share to the full price sheet."
    )

    @Option(help: "Sealed bids.") var bids = 500
    @Option(help: "Bid file size in bytes.") var size = 5 * 1024 * 1024
    @Option(help: "Custodians (n).") var custodians = 5
    @Option(help: "Threshold (k).") var threshold = 3
    @Option(help: "Database (SQLite path or postgres:// URL); a temporary SQLite database when omitted.") var database: String?

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-bench-opening-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "yiwang-bench")
        logger.logLevel = .error
        let clock = ManualClock(Date())
        let configuration = AppConfiguration(
            databaseURL: self.database ?? directory.appendingPathComponent("bench.sqlite").path, dataDirectory: directory.path,
            maxUploadBytes: self.size + 1024 * 1024, bcryptCost: 4, sessionHours: 24, schedulerSeconds: 0
        )
        let platform = try await PlatformBootstrap.open(configuration, clock: clock, logger: logger)
        let setupStart = ContinuousClock.now
        // setup (not measured): a tenderer, n custodian accounts, N bidders with keys, an announced sealed lot
        let tenderer = try await Self.member(platform, "bench-tenderer", role: .tenderer, party: "压测招标人")
        var custodianActors: [Actor] = []
        for index in 0..<self.custodians { custodianActors.append(try await Self.member(platform, "bench-custodian\(index)", role: .regulator, party: nil)) }
        let keys = (0..<self.custodians).map { _ in CustodianKey() }
        let project = try await platform.tenders.create(.init(
            title: "压测：\(self.bids)份密封投标远程开标", catalogCode: "engineering.open-tender", region: "压测",
            lots: [.init(title: "标段一", estimateFen: 1_000_000_000, depositFen: 0)]
        ), by: tenderer)
        let lotID = project.lots[0].id
        _ = try await platform.sealed.setCustodians(projectID: project.id, threshold: self.threshold, custodians: zip(custodianActors, keys).map {
            .init(name: $0.0.displayName, username: $0.0.username, publicKey: $0.1.publicKey.text)
        }, by: tenderer)
        let today = LocalDate(clock.now())
        let deadline = Timestamps.parse("\(today.adding(days: 22))T09:30:00+08:00")!
        _ = try await platform.tenders.announce(projectID: project.id, bidDeadline: deadline, documentsUntil: Timestamps.parse("\(today.adding(days: 7))T17:00:00+08:00")!, by: tenderer)
        let panel = try CustodianPanel(custodians: keys.map(\.publicKey), threshold: self.threshold)
        var file = [UInt8](repeating: 0, count: self.size)
        for index in 0..<self.bids {
            let bidder = try await Self.member(platform, "bench-bidder\(index)", role: .bidder, party: "压测投标人\(index)")
            _ = try await platform.bidding.register(projectID: project.id, lotID: lotID, deposit: "none", by: bidder)
            let key = BidderKey()
            _ = try await platform.sealed.registerKey(key.publicKey.text, by: bidder)
            for offset in stride(from: 0, to: file.count, by: 4096) { file[offset] = UInt8(truncatingIfNeeded: index &+ offset) }
            let envelope = try BidEnvelope.seal(
                payload: BidPayload(openingSheet: OpeningSheet(priceFen: 900_000_000 + Int64(index) * 1_000), fileName: "bid\(index).pdf", fileBytes: file),
                binding: BidBinding(tenderID: project.id, lotID: lotID, bidderID: bidder.partyID!, deadline: deadline), panel: panel, signingKey: key.signingKey
            )
            _ = try await platform.sealed.submit(projectID: project.id, lotID: lotID, envelope: envelope.serialized, metadata: .init(address: nil, forwardedFor: nil, toolVersion: "bench", machineHash: nil), by: bidder)
        }
        clock.set(deadline.addingTimeInterval(60))
        _ = try await platform.bidding.open(projectID: project.id, lotID: lotID, by: tenderer)
        // every custodian but the last releases; the last one's share files are prepared on its machine (not measured)
        var lastShares = ""
        for position in 0..<self.threshold {
            var text = ""
            for listing in try await platform.sealed.envelopes(projectID: project.id, lotID: lotID, for: custodianActors[position]) {
                let bytes = try await platform.sealed.envelope(projectID: project.id, lotID: lotID, sealedBidID: listing.sealedBidId, for: custodianActors[position])
                text += try BidEnvelope(serialized: bytes).releaseShare(using: keys[position], now: clock.now()).text
            }
            if position < self.threshold - 1 {
                _ = try await platform.sealed.releaseShares(projectID: project.id, lotID: lotID, shareText: text, by: custodianActors[position])
            } else {
                lastShares = text
            }
        }
        print("setup_s=\(String(format: "%.1f", Baseline.seconds(ContinuousClock.now - setupStart)))")
        // measured: the last share arrives → shares checked, every envelope decrypted, bids recorded, price sheet out
        let start = ContinuousClock.now
        let status = try await platform.sealed.releaseShares(projectID: project.id, lotID: lotID, shareText: lastShares, by: custodianActors[self.threshold - 1])
        let seconds = Baseline.seconds(ContinuousClock.now - start)
        let opened = status.outcomes.filter { $0.outcome == "opened" && $0.priceFen != nil }.count
        guard status.phase == TenderPhase.opened.rawValue, opened == self.bids else {
            throw ValidationError("the opening did not complete: phase \(status.phase), \(opened) of \(self.bids) opened")
        }
        let baseline = try Baseline.measure(size: self.size, count: 20, directory: directory)
        print("bids=\(self.bids) size=\(self.size) custodians=\(self.custodians) threshold=\(self.threshold)")
        print("opening_s=\(String(format: "%.2f", seconds))")
        print("fsync_writes_per_s=\(String(format: "%.1f", baseline.fsyncWritesPerSecond)) sha256_per_s=\(String(format: "%.1f", baseline.sha256PerSecond)) (at the bid size)")
        await platform.engine.shutdown()
    }

    /// A party with one account of `role` (no party for custodians from a regulator or notary office).
    static func member(_ platform: Platform, _ username: String, role: Role, party name: String?) async throws -> Actor {
        var partyID: String?
        if let name { partyID = try await platform.accounts.createParty(name: name, kind: "enterprise", creditCode: nil, by: .system).id }
        let account = try await platform.accounts.createAccount(username: username, password: "bench-password", role: role, partyID: partyID, displayName: name ?? username, by: .system)
        return Actor(accountID: account.id, username: username, role: role, partyID: partyID, displayName: name ?? username)
    }
}

import Auctions
import Foundation
import Testing

@Suite("AuctionRegistration (竞买登记)", .tags(.small))
struct RegistrationTests {
    @Test("拍§17 the deposit requirement must be 5–20 % of the start price")
    func depositBounds() throws {
        // setup: start 700 000 yuan → 35 000…140 000 yuan (RULES.md Online auctions: deposit 5–20 % of the start price)
        let start = yuan(700_000)
        let range = AuctionRulesViolation.depositOutOfRange(minimum: yuan(35_000), maximum: yuan(140_000))
        // exercise & validate
        for (amount, ok) in [(yuan(35_000) - 1, false), (yuan(35_000), true), (yuan(140_000), true), (yuan(140_000) + 1, false)] {
            let result = Result { () throws(InvalidAuctionRules) in
                try DepositRequirement(amount: amount, startPrice: start, bounds: .judicial)
            }
            switch result {
            case .success(let requirement): #expect(ok && requirement.amount == amount, "deposit \(amount)")
            case .failure(let error): #expect(!ok && error.violations == [range], "deposit \(amount)")
            }
        }
        #expect(DepositBounds.judicial == DepositBounds(minimumPercent: 5, maximumPercent: 20))
    }

    @Test("A deposit outside any statute is any positive amount; bounds must be well-formed")
    func configurableDeposit() throws {
        #expect(try DepositRequirement(amount: 1, startPrice: yuan(1_000), bounds: nil).amount == 1)
        #expect(throws: InvalidAuctionRules(violations: [.notPositive(.deposit)])) {
            try DepositRequirement(amount: 0, startPrice: yuan(1_000), bounds: nil)
        }
        #expect(throws: InvalidAuctionRules(violations: [.percentOutOfRange(.deposit)])) {
            try DepositRequirement(amount: 10, startPrice: yuan(1_000), bounds: DepositBounds(minimumPercent: 30, maximumPercent: 20))
        }
    }

    @Test("The judicial requirement takes the amount and the bounds from the auction's rules")
    func judicialRequirement() throws {
        var rules = JudicialAuctionTests.rules()
        #expect(try DepositRequirement(rules).amount == rules.deposit)
        rules.maximumDepositPercent = 9
        #expect(throws: InvalidAuctionRules.self) { try DepositRequirement(rules) }
    }

    @Test("拍§18 a bidder qualifies only once the operator confirms at least the required deposit")
    func operatorConfirmsDeposit() throws {
        // setup
        var registry = try judicialRegistry()
        let registration = try registry.register("R-1", party: party("P1"), at: at(-100))
        #expect(!registration.isQualified)
        #expect(registry.qualified.isEmpty)
        // exercise & validate
        #expect(throws: RegistrationError.depositTooLow(required: yuan(70_000), received: yuan(70_000) - 1)) {
            try registry.confirmDeposit(of: "R-1", amount: yuan(70_000) - 1, confirmedBy: "op-1", at: at(-50))
        }
        let confirmed = try registry.confirmDeposit(of: "R-1", amount: yuan(70_000), confirmedBy: "op-1", at: at(-50))
        #expect(confirmed.deposit == DepositReceipt(amount: yuan(70_000), confirmedBy: "op-1", confirmedAt: at(-50)))
        #expect(registry.qualified.map(\.id) == ["R-1"])
        #expect(throws: RegistrationError.depositAlreadyConfirmed("R-1")) {
            try registry.confirmDeposit(of: "R-1", amount: yuan(70_000), confirmedBy: "op-2", at: at(-40))
        }
        #expect(throws: RegistrationError.unknownRegistration("R-9")) {
            try registry.confirmDeposit(of: "R-9", amount: yuan(70_000), confirmedBy: "op-1", at: at(-40))
        }
    }

    @Test("拍§18 only the confirmed bidder number can bid in the judicial engine")
    func confirmedNumberBids() throws {
        // setup
        var registry = try judicialRegistry()
        let unconfirmed = try registry.register("R-X", party: party("X"), at: at(-10)).bidderID
        let bidders = try registry.qualify(["A"])
        var auction = try JudicialAuction(rules: JudicialAuctionTests.rules())
        auction.admit(registry)
        // exercise & validate
        #expect(auction.handle(.bid(request("x", unconfirmed, yuan(700_000))), now: at(5)).rejections == [.depositNotPaid])
        #expect(auction.handle(.bid(request("a", bidders[0], yuan(700_000))), now: at(6)).acknowledgements.count == 1)
    }

    @Test("A party registers once; registration ids are unique; registration closes at the deadline")
    func registrationRules() throws {
        var registry = try judicialRegistry(closesAt: at(0))
        _ = try registry.register("R-1", party: party("P1"), at: at(-100))
        #expect(throws: RegistrationError.duplicateRegistration("R-1")) {
            try registry.register("R-1", party: party("P2"), at: at(-90))
        }
        #expect(throws: RegistrationError.partyAlreadyRegistered(partyID: "P1")) {
            try registry.register("R-2", party: party("P1"), at: at(-90))
        }
        #expect(throws: RegistrationError.registrationClosed(at: at(0))) {
            try registry.register("R-3", party: party("P3"), at: at(0))
        }
        #expect(throws: RegistrationError.registrationClosed(at: at(0))) {
            try registry.confirmDeposit(of: "R-1", amount: yuan(70_000), confirmedBy: "op-1", at: at(1))
        }
        #expect(registry.registrations.count == 1)
    }

    @Test("拍§19 pre-emption holders carry the court's order into the judicial rules, by bidder number")
    func preemptionHolders() throws {
        // setup
        var registry = try judicialRegistry()
        let bidders = try registry.qualify(["A", "H1", "H2"], preemption: ["H1": 1, "H2": 2])
        #expect(throws: RegistrationError.invalidPreemptionOrder(0)) {
            try registry.register("R-Z", party: party("Z"), at: at(-10), preemptionOrder: 0)
        }
        // exercise
        let rights = registry.preemptionRights
        // validate
        #expect(Set(rights) == [PreemptionRight(bidder: bidders[1], order: 1), PreemptionRight(bidder: bidders[2], order: 2)])
        let rules = JudicialAuctionTests.rules(preemption: rights)
        #expect(rules.violations.isEmpty)
        var auction = try JudicialAuction(rules: rules)
        auction.admit(registry)
        _ = auction.handle(.bid(request("a", bidders[0], yuan(700_000))), now: at(10))
        _ = auction.handle(.bid(request("h2", bidders[2], yuan(700_000))), now: at(11))
        _ = auction.handle(.bid(request("h1", bidders[1], yuan(700_000))), now: at(12))
        #expect(auction.handle(.tick, now: at(JudicialAuctionTests.day)).closing?.outcome.winner == bidders[1])
    }

    @Test("Bidder numbers: known answer from an independent HMAC-SHA256 implementation")
    func knownAnswer() throws {
        // Computed with Python's hmac module: key bytes 0x00…0x1f, message
        // "yiwang/bidder-number/v1\n" ‖ u32be(len) ‖ id ‖ u32be(attempt), first 8 bytes big-endian mod 10^6.
        let scheme = try BidderNumberScheme(secret: fixedSecret)
        #expect(scheme.candidate(for: "R-0001", attempt: 0).digits == "732700")
        #expect(scheme.candidate(for: "R-0001", attempt: 1).digits == "259502")
        #expect(scheme.candidate(for: "R-0002", attempt: 0).digits == "859682")
        #expect(scheme.candidate(for: "登记-3", attempt: 0).digits == "088824")
        // A collision moves to the next hashed candidate.
        let taken: Set<BidderNumber> = [BidderNumber("732700")!]
        #expect(scheme.number(for: "R-0001", avoiding: taken)?.digits == "259502")
    }

    @Test("The numbering secret never shows in descriptions; short secrets and odd lengths are refused")
    func secretHandling() throws {
        // 0xAB = 171: neither form may appear in anything printed.
        let scheme = try BidderNumberScheme(secret: Array(repeating: 0xAB, count: 32))
        var dumped = ""
        dump(scheme, to: &dumped)
        for text in [String(describing: scheme), String(reflecting: scheme), dumped] {
            #expect(!text.contains("171") && !text.lowercased().contains("ab"), "\(text)")
            #expect(text.contains("6"), "the digit count is shown: \(text)")
        }
        #expect(throws: RegistrationError.secretTooShort(minimum: 16)) { try BidderNumberScheme(secret: Array(fixedSecret.prefix(15))) }
        #expect(throws: RegistrationError.numberLengthOutOfRange(19)) { try BidderNumberScheme(secret: fixedSecret, digits: 19) }
    }

    @Test("Every registration error has its own Chinese and English message")
    func messages() {
        let errors: [RegistrationError] = [
            .duplicateRegistration("R"), .partyAlreadyRegistered(partyID: "P"), .unknownRegistration("R"),
            .registrationClosed(at: at(0)), .depositAlreadyConfirmed("R"), .depositTooLow(required: 200, received: 100),
            .invalidPreemptionOrder(0), .secretTooShort(minimum: 16), .numberLengthOutOfRange(0),
            .noBidderNumberLeft(capacity: 100),
        ]
        #expect(Set(errors.map(\.chineseMessage)).count == errors.count)
        #expect(Set(errors.map(\.englishMessage)).count == errors.count)
        #expect(RegistrationError.depositTooLow(required: 200, received: 100).chineseMessage.contains("2.00"))
    }
}
